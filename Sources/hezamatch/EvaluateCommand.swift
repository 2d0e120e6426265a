import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import HezaMatchCore

/// `hezamatch evaluate --judgments FILE`: how well the store's answers match graded judgments.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "nDCG@10 and recall@10 of search, match and shortlist against graded judgments, per task and per candidate category.",
        discussion: """
            The judgments: one a line, task<TAB>query<TAB>id<TAB>grade; task search (query: the words), match (a profile id, \
            judging postings) or shortlist (a posting id, judging profiles); grade 1 to 3, unlisted ids 0. The project's own set \
            is Benchmarks/evaluation/judgments.tsv, and a second set judged as a counsellor would (occupation, level, licence, \
            commute) is Benchmarks/evaluation/counsellor-judgments.tsv (both on the bundled Corpus, as of 2026-11-23). Next to \
            the board's figures: SQLite FTS5 over the same text fields (unicode61, diacritics removed, words OR-ed, bm25), \
            plain and with the board's hard filters (open, education, age).
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The judgments file.", valueName: "file")) var judgments: String
    @OptionGroup var asOf: AsOfOption

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: judgments), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(judgments) as UTF-8")
        }
        let rows: [EvaluationRow]
        do {
            rows = try options.openBoard().evaluate(try Judgments(tsv: text, file: judgments), asOf: try asOf.date())
        } catch let failure as LoadFailure {
            for problem in failure.problems { Terminal.error(problem.description) }
            throw ExitCode.failure
        } catch let error as MatchError {
            Terminal.error(error.message)
            throw ExitCode.failure
        }
        func cells(_ figures: EvaluationRow.Figures) -> String { String(format: "%.3f | %.3f", figures.ndcg, figures.recall) }
        print("| task | judged | HezaMatch nDCG@10 | recall@10 | FTS5 nDCG@10 | recall@10 | FTS5 + filters nDCG@10 | recall@10 |")
        print("|---|---|---|---|---|---|---|---|")
        for row in rows {
            print("| \(row.name) | \(row.queries) | \(cells(row.board)) | \(cells(row.fts5)) | \(cells(row.fts5Filtered)) |")
        }
    }
}
