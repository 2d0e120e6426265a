import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// `hezamatch shortlist POSTING_ID`: "whom should we call first?", for a job fair booth.
struct ShortlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortlist",
        abstract: "The candidates eligible for a posting, best first, with reasons and phone numbers.",
        discussion: "Formats: json (SCHEMA.md), csv (UTF-8 with a byte-order mark, for Excel), html (a print-ready A4 page), markdown."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, html, markdown
    }

    @OptionGroup var options: StoreOptions
    @Argument(help: "The posting's id.") var postingID: String
    @Option(help: "Candidates to list.") var limit = 20
    @OptionGroup var asOf: AsOfOption
    @Option(help: "json, csv, html or markdown (default: a table on the terminal).") var format: Format?
    @Flag(help: "The same as --format json.") var json = false
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        let store = try options.openStore()
        guard let posting = try store.posting(id: postingID) else {
            Terminal.error("no posting \(postingID) in \(store.path)")
            throw ExitCode.failure
        }
        let day = try asOf.date()
        let matcher = JobMatcher(reference: try options.reference())
        let ranked: [RankedCandidate]
        do {
            ranked = try matcher.shortlist(posting: posting, asOf: day, limit: limit,
                                           profiles: try DerivedIndexes.profiles(of: store, synonyms: matcher.reference.synonyms), lookup: store.profile(id:))
        } catch let error as MatchError {
            Terminal.error(error.message)
            throw ExitCode.failure
        }
        let text: String
        switch json ? .json : format {
        case .json?: text = try ResultsOutput.json(ranked.map(ResultsOutput.entry))
        case .csv?: text = ShortlistDocument(posting: posting, asOf: day, candidates: ranked).csv
        case .html?: text = ShortlistDocument(posting: posting, asOf: day, candidates: ranked).html
        case .markdown?: text = ShortlistDocument(posting: posting, asOf: day, candidates: ranked).markdown
        case nil:
            let rows = ranked.enumerated().map { index, candidate in
                ["\(index + 1)", candidate.profile.id, String(format: "%.2f", candidate.score), candidate.profile.name,
                 candidate.profile.phone ?? "", candidate.explanation]
            }
            text = "\(posting.title) — \(posting.employer)\n" + TextTable(header: ["#", "id", "score", "name", "phone", "why"], rows: rows).rendered
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
