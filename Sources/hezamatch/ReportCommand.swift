import ArgumentParser
import Foundation
import HezaMatchCore
import JobRecords
import MatchRendering

/// `hezamatch report --from D --to D`: the Authority's labour report.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The labour report: demand and supply by trade and zone, tension, fills, training gaps, duplicates merged.",
        discussion: """
            Demand: the postings open at some time in the period (the same employer, occupation and zone within 30 days \
            counted once, listed at the end); supply: every registered candidate; tension: openings per candidate of the \
            occupation eligible for one of its postings; fills: the referrals made in the period. Formats: html (A4, charts \
            in SVG, Vietnamese numbers and dates), csv (every table, for Excel), json (docs/data-contract.md); default: the \
            summary and the sentences on the terminal.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, csv, json
    }

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The period's first day.", valueName: "YYYY-MM-DD")) var from: CalendarDate
    @Option(help: ArgumentHelp("The period's last day.", valueName: "YYYY-MM-DD")) var to: CalendarDate
    @Option(help: "Only this zone's postings and referrals (supply stays every candidate).") var zone: String?
    @Option(help: "html, csv or json.") var format: Format?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run() async throws {
        guard from <= to else { throw ValidationError("--from \(from) is after --to \(to)") }
        let board = try options.openBoard()
        let report = try board.labourReport(from: from, to: to, zone: zone)
        let document = LabourReportDocument(report, today: HaiPhongClock.day(Date()))
        let text: String
        switch format {
        case .json?: text = try JSONValueEncoder.text(report)
        case .csv?: text = document.csv
        case .html?: text = try document.html()
        case nil:
            text = (["\(VietnameseNumber.text(report.demand.postings)) tin, \(VietnameseNumber.text(report.demand.openings)) chỉ tiêu; "
                     + "\(VietnameseNumber.text(report.supply.candidates)) ứng viên; \(VietnameseNumber.text(report.fills.hires)) được tuyển qua "
                     + "\(VietnameseNumber.text(report.fills.referrals)) lượt giới thiệu; \(report.duplicates.count) nhóm tin trùng gộp"]
                    + report.tension.shortest + report.tension.surplus + report.trainingGaps.prefix(3).map(\.sentence)).joined(separator: "\n")
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else { throw ValidationError("cannot write \(output)") }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        // The board's memory (every referral, the maps of both indexes) goes back to the system with the process: freeing
        // it object by object took 0.1 s of a report at 100,000 postings. The report only reads; a store's writes are
        // each committed and an index's files renamed into place whole, so nothing is half done here.
        Foundation.exit(0)
    }
}
