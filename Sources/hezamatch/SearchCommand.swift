import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import MatchRendering

/// `hezamatch search "QUERY"`: postings for what a job seeker types.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find open postings for a query typed with or without accents (ky su dien tu = kỹ sư điện tử)."
    )

    @OptionGroup var options: StoreOptions
    @Argument(help: "What to look for. \"a phrase\" must appear as typed; +word is required, -word excluded.") var query: String
    @Option(help: "Only postings in this zone (e.g. \"KCN Tràng Duệ\", accents optional).") var zone: String?
    @Option(help: "Only postings in this place: a commune or ward of today (within 10 km), an old district, a province, old or new names (\"Phường Thành Đông\", \"huyện An Lão\", \"Yên Bái\").") var district: String?
    @Option(help: "Rank postings by their distance from this place (a home, however written: \"Xã An Hưng\", \"xã Quốc Tuấn, huyện An Lão\").") var near: String?
    @Option(name: .customLong("within-km"), help: "With --near: only postings within this many kilometres.") var withinKm: Double?
    @Flag(help: "Search the words as typed: no zone, district, level or category understood in them.") var literal = false
    @Option(help: "The searcher's education level: only postings that accept it.") var education: EducationLevel?
    @Option(help: "Only postings inviting this category.") var audience: CandidateCategory?
    @Option(help: "Hits to show.") var limit = 10
    @Option(help: "Hits to skip (pages).") var offset = 0
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print {\"results\": [...], \"total\": …} (docs/data-contract.md).") var json = false

    func validate() throws {
        if withinKm != nil && near == nil { throw ValidationError("--within-km needs --near (the place to measure from)") }
    }

    func run() throws {
        var search = JobMatcher.Search(text: query, asOf: try asOf.date())
        search.zone = zone
        search.district = district
        search.near = near
        search.withinKilometres = withinKm
        search.education = education
        search.audience = audience
        search.limit = limit
        search.offset = offset
        search.understands = !literal
        let answer: SearchAnswer
        do {
            let board = try options.openBoard()
            if !literal { try board.prepareSearchAids() }  // the saved ones: learned once, when there are none
            answer = try board.search(search)
        } catch let error as MatchError {
            throw ValidationError(error.message)
        }
        if json {
            try printJSON(answer)
        } else {
            if let understood = answer.understoodText { print(understood + "   (--literal: search the words as typed)") }
            if let didYouMean = answer.didYouMeanText { print(didYouMean) }
            print(PostingTable.render(answer.results, offset: offset))
            print("\(answer.totalText) open postings match; showing \(answer.results.count) from \(offset + 1)")
        }
    }
}

/// Postings as a terminal table, the reasons under each row.
enum PostingTable {
    static func render(_ results: [PostingResult], offset: Int = 0) -> String {
        guard !results.isEmpty else { return "(no posting found)" }
        let rows = results.enumerated().map { index, result in
            TerminalTable.Row(cells: ["\(offset + index + 1)", result.id, String(format: "%.2f", result.score), result.posting.title,
                                      result.posting.employer, result.posting.zone ?? ""],
                              detail: ([result.explanation] + (result.training ?? []).map { "→ " + $0 }).joined(separator: "\n"))
        }
        return TerminalTable(rows: rows, shrinkable: [3, 4, 5], width: Terminal.width).rendered
    }
}
