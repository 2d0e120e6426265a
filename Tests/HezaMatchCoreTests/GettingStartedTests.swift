import Foundation
import HezaMatchCore
import JobMatching
import JobRecords
import Testing

/// The getting-started article's code, run on the bundled Corpus, so that it stays true.
@Suite struct GettingStartedTests {
    @Test func theArticlesTwentyLinesWork() async throws {
        let directory = try temporaryFolder("start")
        let corpus = JobBoardTests.corpus

        let board = try JobBoard.open(storePath: directory.appendingPathComponent("hezamatch.sqlite").path, corpus: corpus)
        try board.load(postings: corpus + "/postings.jsonl", profiles: corpus + "/profiles.jsonl")
        let today = CalendarDate("2026-11-23")!
        let page = try board.search(JobMatcher.Search(text: "tho han", asOf: today))
        #expect(page.totalText == "86")
        #expect(VietnameseFolding.fold(page.results.first?.posting.title ?? "") == "tho han")
        let fits = try await board.matches(for: "C-00015", asOf: today, limit: 5, requester: Requester(label: "counsellor-lan"))
        #expect(fits.results.first?.explanation.contains("Đúng nghề: lái xe") == true)
        let calls = try await board.shortlist(for: "P-0001", asOf: today, limit: 30, requester: Requester(label: "counsellor-lan"))
        #expect(calls.results.count == 30 && calls.results.allSatisfy { $0.name != nil })
        try board.saveIndexes()
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("hezamatch.sqlite.profiles.hzix").path))
    }
}

/// Folding for the checks above (the analyzer's folded form, joined).
enum VietnameseFolding {
    static func fold(_ text: String) -> String {
        text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
            .map { $0 == "đ" || $0 == "Đ" ? "d" : String($0) }.joined().lowercased()
    }
}
