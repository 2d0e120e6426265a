import ArgumentParser
import Foundation
import JobRecords
import MatchRendering

/// `hezamatch audit`: who read whose personal data, and when.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The access record: each read of personal data (shortlists, exports, a candidate's matches, erasures), newest first.",
        discussion: """
            Each entry names when (UTC), who (a token's label, never the token; cli:USER for this tool), what (the \
            posting or profile asked about) and whose data (profile ids, never names). Entries are kept for a year \
            by default (hezamatch serve --audit-retention-days). Nothing of this is written to logs.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Only entries from this day on.", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: "Entries to show.") var limit = 100
    @Flag(help: "Print {\"records\": [...]}.") var json = false

    func run() throws {
        var start: Date?
        if let since {
            guard let day = CalendarDate(since) else { throw ValidationError("--since \(since): expected a date as YYYY-MM-DD") }
            var parts = DateComponents()
            (parts.year, parts.month, parts.day) = (day.year, day.month, day.day)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            start = calendar.date(from: parts)
        }
        let records = try options.openBoard().accessRecords(since: start, limit: limit)
        if json {
            struct Output: Encodable { var records: [AccessRecordOutput] }
            try printJSON(Output(records: records.map(AccessRecordOutput.init)))
        } else if records.isEmpty {
            print("(no access recorded)")
        } else {
            let formatter = ISO8601DateFormatter()
            let rows = records.map { record in
                TerminalTable.Row(cells: [formatter.string(from: record.at), record.actor, record.action, record.subject, "\(record.people)"],
                                  detail: record.profileIDs.count > 1 ? record.profileIDs.joined(separator: " ") : nil)
            }
            print(TerminalTable(header: ["when (UTC)", "who", "what", "subject", "people"], rows: rows, shrinkable: [1], width: Terminal.width).rendered)
        }
    }
}

import JobStorage

/// An access record as JSON (the store's type, encoded as is).
struct AccessRecordOutput: Encodable {
    let record: AccessRecord
    init(_ record: AccessRecord) { self.record = record }
    func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }
}
