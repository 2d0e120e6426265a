import ArgumentParser
import Foundation
import HezaMatchCore
import HezaMatchServer
import JobRecords
import JobStorage

/// `hezamatch alerts`: job alerts from the counsellor's desk.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Job alerts: saved searches and candidates' profiles that hear of new postings that fit.",
        subcommands: [AlertsAddCommand.self, AlertsListCommand.self, AlertsRemoveCommand.self, AlertsSendCommand.self]
    )
}

/// How an alert's messages are timed, as typed.
extension JobAlert.Mode: ExpressibleByArgument {}

struct AlertsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Save a search, or a candidate's profile, as an alert (active at once: a counsellor's).",
        discussion: """
            A saved search sends a posting when it has every word of the search (or a synonym) and passes its filters \
            (places understood in the words included). A profile alert sends a posting when the candidate is among the \
            first 20 of its shortlist and of its trade or occupation.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "The search's words.") var query: String?
    @Option(help: "Only postings in this zone.") var zone: String?
    @Option(help: "Only postings in this place (a zone, a commune, an old district, a province).") var district: String?
    @Option(help: "The seeker's education: only postings that accept it.") var education: EducationLevel?
    @Option(help: "Only postings that invite this category.") var audience: CandidateCategory?
    @Option(help: "A place; with --within-km, only postings that close.") var near: String?
    @Option(help: "Kilometres from --near.") var withinKm: Double?
    @Option(help: "A candidate's id: postings that fit their profile.") var profile: String?
    @Option(help: "An e-mail address to send to.") var email: String?
    @Option(help: "A webhook URL to send to (an operator-approved host).") var webhook: String?
    @Option(help: "instant or daily.") var mode: JobAlert.Mode = .instant
    @Option(help: "The hour of a daily digest (7 to 20, Hải Phòng time).") var digestHour = 7
    @OptionGroup var delivery: AlertDeliveryOptions

    func run() async throws {
        let subject: JobAlert.Subject
        if let profile {
            subject = .profile(profile)
        } else {
            subject = .search(SavedSearch(query: query ?? "", zone: zone, district: district, education: education, audience: audience,
                                          near: near, withinKilometres: withinKm))
        }
        let target: JobAlert.Delivery
        switch (email, webhook) {
        case (let address?, nil): target = .email(address)
        case (nil, let url?):
            do { _ = try delivery.policy.check(url) } catch { throw ValidationError(String(describing: error)) }
            target = .webhook(url)
        default: throw ValidationError("give --email ADDRESS or --webhook URL")
        }
        let request = JobAlert.Request(subject: subject, delivery: target, mode: mode, digestHour: digestHour)
        let problems = request.validationProblems()
        guard problems.isEmpty else {
            throw ValidationError(problems.map { "\($0.field ?? "alert"): \($0.message)" }.joined(separator: "; "))
        }
        let board = try options.openBoard()
        let keeper = try AlertKeeper(board: board, publicURL: delivery.publicURL ?? "http://127.0.0.1:8080", quietHours: delivery.quiet)
        let alert = try await keeper.add(request, createdBy: Requester.commandLine.label, confirmed: true)
        print("\(alert.id) \(alert.status.rawValue)")
    }
}

struct AlertsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the alerts (contacts included: a counsellor's view).")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this candidate's alerts.") var profile: String?

    func run() async throws {
        let board = try options.openBoard()
        let keeper = try AlertKeeper(board: board, publicURL: "")
        var after: String? = nil
        while true {
            let page = try keeper.alerts(after: after, profile: profile, limit: 1_000)
            guard let last = page.last else { break }
            for alert in page {
                let what: String
                switch alert.subject {
                case .profile(let id): what = "profile \(id)"
                case .search(let search):
                    what = "search '\(search.query)'" + [search.zone, search.district, search.near].compactMap { $0 }.map { " · \($0)" }.joined()
                }
                let target: String
                switch alert.delivery {
                case .email(let address): target = address
                case .webhook(let url): target = url
                }
                print("\(alert.id)\t\(alert.status.rawValue)\t\(alert.mode.rawValue)\t\(what)\t→ \(target)")
            }
            after = last.id
        }
        let counts = try keeper.outboxCounts()
        print("\(counts.alerts) alerts; outbox: \(counts.pending) waiting, \(counts.sent) sent, \(counts.dead) given up")
    }
}

struct AlertsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an alert and what it has waiting to be sent.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The alert's id.") var id: String

    func run() async throws {
        let board = try options.openBoard()
        let keeper = try AlertKeeper(board: board, publicURL: "")
        guard try await keeper.remove(id: id, by: Requester.commandLine.label) else {
            Terminal.error("no alert \(id) in \(options.storeLabel)")
            throw ExitCode.failure
        }
        print("removed alert \(id)")
    }
}

struct AlertsSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Match the postings changed since the last run, compose due digests, send what is due (for cron).",
        discussion: "The server does this continuously; this is for a store with no server, or a cron job beside one (a message is sent by one process only)."
    )

    @OptionGroup var options: StoreOptions
    @OptionGroup var delivery: AlertDeliveryOptions
    @Flag(help: "Print each message due (its e-mail's subject and text, no address) instead of sending it; marked sent.")
    var print = false

    func run() async throws {
        let board = try options.openBoard()
        let keeper = try AlertKeeper(board: board, publicURL: delivery.publicURL ?? "http://127.0.0.1:8080", quietHours: delivery.quiet)
        let matched = try keeper.percolate()
        let digests = try keeper.composeDigests()
        let sender: any AlertSender = self.print ? PrintedAlerts() : delivery.senders()
        var (sent, failed, dead) = (0, 0, 0)
        while true {
            let pass = try await keeper.deliver(using: sender)
            (sent, failed, dead) = (sent + pass.sent, failed + pass.failed, dead + pass.dead)
            if pass.sent + pass.failed + pass.dead == 0 { break }
        }
        Swift.print("\(matched.postings) postings matched (\(matched.matches) fits, \(matched.queued) messages), \(digests) digests; "
              + "\(sent) sent, \(failed) to retry, \(dead) given up")
    }
}

/// `alerts send --print`: each message as its e-mail would read, on standard output (the address left out).
struct PrintedAlerts: AlertSender {
    func send(_ notification: AlertNotification) async throws {
        print("── \(notification.alert.id), notification \(notification.message.id)")
        print("Tiêu đề: \(notification.subject)")
        print(notification.text)
        print("")
    }
}
