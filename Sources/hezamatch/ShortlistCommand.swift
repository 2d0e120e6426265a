import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import HezaMatchCore
import MatchRendering

/// `hezamatch shortlist POSTING_ID`: "whom should we call first?", for a job fair booth.
struct ShortlistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortlist",
        abstract: "The candidates eligible for a posting, best first, with reasons and phone numbers.",
        discussion: "Formats: json (docs/data-contract.md), csv (UTF-8 with a byte-order mark, for Excel; safe against formula injection), html (a print-ready A4 page), markdown."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, html, markdown
    }

    @OptionGroup var options: StoreOptions
    @Argument(help: "The posting's id.") var postingID: String
    @Option(help: "Candidates to list.") var limit = 20
    @Option(help: ArgumentHelp("Only candidates of this category (repeatable), in the order of the whole list.", valueName: "category"))
    var category: [CandidateCategory] = []
    @OptionGroup var asOf: AsOfOption
    @Option(help: "json, csv, html or markdown (default: a table on the terminal).") var format: Format?
    @Flag(help: "The same as --format json.") var json = false
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run() async throws {
        let answer: ShortlistAnswer
        do {
            let shown = json ? .json : format
            answer = try await options.openBoard().shortlist(for: postingID, asOf: try asOf.date(), limit: limit, requester: .commandLine,
                                                             action: shown.map { $0 == .json ? "shortlist" : "shortlist.\($0.rawValue)" } ?? "shortlist",
                                                             categories: category)
        } catch let error as MatchError {
            Terminal.error(error.message)
            throw ExitCode.failure
        }
        let text: String
        switch json ? .json : format {
        case .json?: text = try JSONValueEncoder.text(answer)
        case .csv?: text = ShortlistDocument(answer).csv
        case .html?: text = try ShortlistDocument(answer).html()
        case .markdown?: text = ShortlistDocument(answer).markdown
        case nil:
            let rows = answer.results.enumerated().map { index, candidate in
                TerminalTable.Row(cells: ["\(index + 1)", candidate.id, String(format: "%.2f", candidate.score), candidate.name ?? "",
                                          candidate.phone ?? "", candidate.district ?? ""],
                                  detail: candidate.explanation)
            }
            text = "\(answer.posting.title) — \(answer.posting.employer)"
                + (ShortlistDocument(answer).narrowing.map { " (\($0))" } ?? "") + "\n"
                + (rows.isEmpty ? "(no eligible candidate)" : TerminalTable(rows: rows, shrinkable: [3, 5], width: Terminal.width).rendered)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                throw ValidationError("cannot write \(output)")
            }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
