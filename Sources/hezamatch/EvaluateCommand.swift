import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import HezaMatchCore
import HezaMatchEvaluation

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
            plain and with the board's hard filters (open, education, age). With --outcomes: the ranking judged by what \
            employers did with referrals (hired 3, interview 2, contacted 1, refused or no answer 0), in the order of the \
            rank each candidate had when referred, against random orders of the same candidates, and hires by rank band.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The judgments file.", valueName: "file")) var judgments: String?
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Judge the ranking by the employers' answers to referrals too.") var outcomes = false
    @Flag(help: "With --outcomes only: JSON.") var json = false

    func validate() throws {
        guard judgments != nil || outcomes else { throw ValidationError("give --judgments FILE, --outcomes, or both") }
    }

    func run() async throws {
        if let judgments { try judged(judgments) }
        if outcomes {
            let evaluation = try options.openBoard().evaluateOutcomes()
            if json { return try printJSON(evaluation) }
            if judgments != nil { print("") }
            print(Self.table(evaluation))
        }
    }

    static func table(_ evaluation: OutcomeEvaluation) -> String {
        var lines = ["Outcomes: \(evaluation.graded) referrals graded by the employers' answers (no answer: 0), \(evaluation.postings) postings with two or more",
                     "",
                     "| judged by | postings | nDCG@10 | random order of the same candidates |",
                     "|---|---|---|---|",
                     String(format: "| employers' answers | %d | %.3f | %.3f |", evaluation.postings, evaluation.ndcgAt10, evaluation.randomNdcgAt10),
                     "",
                     "| rank when referred | graded | interviews | hires | hire rate |",
                     "|---|---|---|---|---|"]
        for band in evaluation.bands {
            lines.append("| \(band.ranks) | \(band.graded) | \(band.interviews) | \(band.hires) | " + String(format: "%.1f%%", band.hireRate * 100) + " |")
        }
        if evaluation.generated > 0 {
            lines.append("\n\(evaluation.generated) of \(evaluation.graded) outcomes were GENERATED for a demonstration: they say nothing of the ranking.")
        }
        return lines.joined(separator: "\n")
    }

    func judged(_ judgments: String) throws {
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
