import ArgumentParser
import Foundation
import HezaMatchServer
import Hummingbird
import JobMatching
import Logging
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// `hezamatch serve`: the Heza Works HTTP API over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Heza Works HTTP API (see Sources/HezaMatchServer/openapi.yaml) over the store.",
        discussion: """
            Tokens for the counsellors' and employers' endpoints: HEZAMATCH_API_TOKENS (comma separated) or \
            --tokens-file FILE (one a line). Without any token, those endpoints answer 401. Requests and tokens are not logged.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("A file of accepted bearer tokens, one a line.", valueName: "file")) var tokensFile: String?

    func run() async throws {
        let tokens = try tokensFile.map { try APITokens.fromFile($0) } ?? APITokens.fromEnvironment()
        let service = try JobService(store: try options.openStore(), reference: try options.reference())
        var logger = Logger(label: "hezamatch")
        logger.logLevel = .notice
        let app = Application(router: Routes(service: service, tokens: tokens).router(),
                              configuration: .init(address: .hostname(host, port: port)), logger: logger)
        Terminal.error("hezamatch serving \(options.storePath) on http://\(host):\(port)" + (tokens.isEmpty ? " (no API token: protected endpoints answer 401)" : ""))
        try await app.runService()  // returns on SIGINT or SIGTERM, after in-flight requests
        try service.saveIndexes()
        Terminal.error("hezamatch: indexes saved beside \(options.storePath) for the next start")
    }
}
