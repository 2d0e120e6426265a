import Foundation
import Testing
import JobRecords
import HezaMatchEvaluation
@testable import HezaMatchCore

/// The evaluation HEZA runs on its own judgments: the measures, the file, the rows.
@Suite struct EvaluationTests {
    @Test func measuresTruthTable() throws {
        // Gains 2^g − 1 over log2(rank + 1); the ideal puts the 3 first.
        let grades = ["A": 3, "B": 2, "C": 1]
        #expect(Judgments.ndcg(["A", "B", "C"], grades) == 1)
        let swapped = try #require(Judgments.ndcg(["C", "B", "A"], grades))
        let expected = (1 + 3 / log2(3.0) + 7 / 2) / (7 + 3 / log2(3.0) + 1 / 2)
        #expect(abs(swapped - expected) < 1e-12)
        #expect(Judgments.ndcg(["X"], [:]) == nil)
        #expect(Judgments.ndcg(["X", "Y"], grades) == 0)
        #expect(Judgments.recall(["A", "X", "C"], grades) == 0.5)   // A and B are relevant (≥ 2); A found
        #expect(Judgments.recall(["C"], ["C": 1]) == nil)
    }

    @Test func aBadFileIsRefusedWithLineAndField() {
        let file = "# comment\nsearch\tthợ hàn\tP-1\t3\nfind\tx\tP-1\t2\nmatch\tC-1\tP-1\t9\nshortlist\t\tC-1\t1\nsearch\tx\tP-1\n"
        do {
            _ = try Judgments(tsv: file, file: "j.tsv")
            Issue.record("a bad file was read")
        } catch let failure as LoadFailure {
            #expect(failure.problems.map(\.line) == [3, 4, 5, 6])
            #expect(failure.problems.map(\.field) == ["task", "grade", "query", nil])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aBoardIsMeasured() throws {
        let directory = try temporaryFolder("eval")
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus").path
        let board = try JobBoard.open(storePath: directory.appendingPathComponent("s.sqlite").path, corpus: corpus)
        let postings = directory.appendingPathComponent("p.jsonl")
        try """
            {"id":"W","employer":"Cơ khí","title":"Thợ hàn","skills":["hàn điện"],"deadline":"2026-12-31"}
            {"id":"F","employer":"Kho","title":"Lái xe nâng","skills":["lái xe nâng"],"deadline":"2026-12-31"}
            """.write(to: postings, atomically: true, encoding: .utf8)
        try board.load(postings: postings.path)
        // The welder's posting judged first: perfect; judged the forklift's: the search misses it.
        let right = try Judgments(tsv: "search\ttho han\tW\t3\n", file: "right.tsv")
        let wrong = try Judgments(tsv: "search\ttho han\tF\t3\n", file: "wrong.tsv")
        let asOf = CalendarDate("2026-11-23")!
        let perfect = EvaluationRow.Figures(ndcg: 1, recall: 1), nothing = EvaluationRow.Figures(ndcg: 0, recall: 0)
        #expect(try board.evaluate(right, asOf: asOf) == [EvaluationRow(name: "search", queries: 1, board: perfect, fts5: perfect, fts5Filtered: perfect)])
        #expect(try board.evaluate(wrong, asOf: asOf) == [EvaluationRow(name: "search", queries: 1, board: nothing, fts5: nothing, fts5Filtered: nothing)])
        // The baseline is plain FTS5: a synonym it does not know finds nothing, where the board's table finds the welder.
        let synonym = try Judgments(tsv: "search\twelder\tW\t3\n", file: "synonym.tsv")
        #expect(try board.evaluate(synonym, asOf: asOf) == [EvaluationRow(name: "search", queries: 1, board: perfect, fts5: nothing, fts5Filtered: nothing)])
        // Nothing was recorded: the answers are ids.
        #expect(try board.accessRecords().isEmpty)
    }
}
