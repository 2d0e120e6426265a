import ArgumentParser
import Foundation
import HezaMatchCore
import HezaMatchServer
import Hummingbird
import Logging
import ServiceLifecycle

/// `hezamatch serve`: the Heza Works HTTP API over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Heza Works HTTP API (see Sources/HezaMatchServer/openapi.yaml) over the store.",
        discussion: """
            Tokens for the counsellors' and employers' endpoints: HEZAMATCH_API_TOKENS (comma separated) or \
            --tokens-file FILE (one a line: label:token for a counsellor, label:token:employer:EMPLOYER NAME for an \
            employer's booth, which sees only its own postings' shortlists). Without any token, those endpoints answer \
            401. Requests and tokens are not logged; reads of personal data go to the access record (hezamatch audit). The server follows the store's change feed (writes by other processes appear \
            within a second), saves its indexes every --save-every seconds when they changed, and at shutdown.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("A file of accepted bearer tokens, one a line (label:token).", valueName: "file")) var tokensFile: String?
    @Option(help: "Seconds between saves of changed indexes.") var saveEvery = 300
    @Option(help: "Days an employer has to answer a referral before it closes as \"không phản hồi\" (0: never).") var answerDays = 14
    @Option(help: "Open connections at most (beyond, new ones wait).") var maxConnections = 1_024
    @Option(help: "Seconds an idle keep-alive connection stays open.") var idleTimeout = 15
    @Option(name: .customLong("cors-origin"), help: ArgumentHelp("An origin whose pages may call the API from a browser (https://vieclam.example.vn); repeat for several.", valueName: "origin"))
    var corsOrigins: [String] = []
    @OptionGroup var delivery: AlertDeliveryOptions

    func run() async throws {
        let tokens = try tokensFile.map { try APITokens.fromFile($0) } ?? APITokens.fromEnvironment()
        let board = try options.openBoard(creating: true)
        let clock = ContinuousClock()
        let started = clock.now
        try board.warmUp()
        Terminal.error("hezamatch: indexes ready in \(clock.now - started)")
        var logger = Logger(label: "hezamatch")
        logger.logLevel = .notice
        var maintenance = BoardMaintenance(board: board, saveInterval: .seconds(saveEvery), log: { Terminal.error("hezamatch: \($0)") })
        maintenance.answerDays = answerDays > 0 ? answerDays : nil
        var limits = ConnectionLimits()
        limits.maximumConnections = maxConnections
        limits.idleTimeout = .seconds(Int64(idleTimeout))
        var api = HezaMatchAPI(board: board, tokens: tokens, limits: limits)
        api.allowedOrigins = Set(corsOrigins)
        var services: [any Service] = [maintenance]
        // Job alerts, on the embedded store: matched as postings change, delivered continuously.
        if let keeper = try? AlertKeeper(board: board, publicURL: delivery.publicURL ?? "http://\(host):\(port)", quietHours: delivery.quiet) {
            api.alerts = keeper
            api.webhookPolicy = delivery.policy
            services.append(AlertDelivery(keeper: keeper, sender: delivery.senders(), log: { Terminal.error("hezamatch: \($0)") }))
        }
        let app = Application(router: try api.router(), server: limits.server,
                              configuration: limits.configuration(address: .hostname(host, port: port)), services: services, logger: logger)
        Terminal.error("hezamatch serving \(options.storeLabel) on http://\(host):\(port)" + (tokens.isEmpty ? " (no API token: protected endpoints answer 401)" : ""))
        try await app.runService()  // returns on SIGINT or SIGTERM, after in-flight requests and the last save
        Terminal.error("hezamatch: indexes saved \(options.indexLocation) for the next start")
    }
}
