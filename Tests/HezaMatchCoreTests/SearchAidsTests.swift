import Foundation
@testable import HezaMatchCore
import JobMatching
import JobRecords
import Testing

/// The search aids (accents, employers, title suggestions) are learned off the request path: from the
/// saved file or one pass at start, then in place from each change; a search never learns them.
@Suite struct SearchAidsTests {
    let asOf = CalendarDate(year: 2026, month: 11, day: 23)
    let directory: URL

    init() throws {
        directory = try temporaryFolder("aids")
    }

    private var storePath: String { directory.appendingPathComponent("store.sqlite").path }
    private func board() throws -> JobBoard { try JobBoard.open(storePath: storePath, corpus: JobBoardTests.corpus) }

    private func upsert(_ board: JobBoard, _ line: String) async throws {
        try await board.upsert(postings: try JSONLinesLoader.load(JobPosting.self, from: Array(line.utf8), file: "put"))
    }

    @Test func noSearchLearnsAndEveryChangeIsLearnedInPlace() async throws {
        let board = try board()
        try await upsert(board, #"{"id":"P1","employer":"Công ty TNHH Điện tử Đại An","title":"Kỹ sư điện tử","deadline":"2026-12-31"}"#)
        try board.warmUp()
        #expect(board.searchAidsBuilds.fromEveryPosting == 1)  // an empty store's first start: one pass
        #expect(try board.search(.init(text: "ky su dien tu", asOf: asOf)).didYouMean == "kỹ sư điện tử")
        // A change: counted in place, a new copy built in the background; searches never build.
        try await upsert(board, #"{"id":"P2","employer":"Công ty TNHH Cơ khí Phúc Điền","title":"Thợ hàn điện","skills":["hàn điện"],"deadline":"2026-12-31"}"#)
        board.aids.waitForBuilds()
        let built = board.searchAidsBuilds
        for query in ["tho han", "tho han dien", "ky su", "co khi phuc dien"] { _ = try board.search(.init(text: query, asOf: asOf)) }
        #expect(board.searchAidsBuilds == built)
        #expect(built.fromEveryPosting == 1)
        #expect(try board.search(.init(text: "tho han", asOf: asOf)).didYouMean == "thợ hàn")
        #expect(try board.suggestions(prefix: "tho h") == ["Thợ hàn điện"])
        // A posting replaced and one deleted: their words leave the counts.
        try await upsert(board, #"{"id":"P2","employer":"Công ty TNHH Cơ khí Phúc Điền","title":"Lái xe nâng","deadline":"2026-12-31"}"#)
        _ = try await board.delete(.posting, id: "P1", requester: Requester(label: "test"))
        board.aids.waitForBuilds()
        #expect(try board.suggestions(prefix: "tho h").isEmpty && board.suggestions(prefix: "ky su").isEmpty)
        #expect(try board.suggestions(prefix: "lai") == ["Lái xe nâng"])
        // Saved with the indexes: the next start reads them instead of learning them again.
        try board.saveIndexes()
        let next = try self.board()
        try next.warmUp()
        #expect(next.searchAidsBuilds.fromEveryPosting == 0)
        #expect(try next.search(.init(text: "lai xe nang", asOf: asOf)).didYouMean == "lái xe nâng")
    }

    /// A file that does not check out, or of another change than the index, is learned anew, never half-read.
    @Test func aDamagedOrStaleFileIsLearnedAnew() async throws {
        let board = try board()
        try await upsert(board, #"{"id":"P1","employer":"Cảng Lạch Huyện","title":"Tài xế xe tải","deadline":"2026-12-31"}"#)
        try board.warmUp()
        try board.saveIndexes()
        let path = storePath + ".postings.hzaids"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try self.board()
        try damaged.warmUp()
        #expect(damaged.searchAidsBuilds.fromEveryPosting == 1)
        #expect(try damaged.search(.init(text: "tai xe", asOf: asOf)).didYouMean == "tài xế")
    }
}
