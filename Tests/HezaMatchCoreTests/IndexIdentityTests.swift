import Foundation
@testable import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage
import Testing

/// A saved index belongs to the store it was built from: restored from an older copy, or another store
/// behind the same file name, the next start answers exactly as a fresh build would.
@Suite struct IndexIdentityTests {
    let asOf = CalendarDate(year: 2026, month: 11, day: 23)
    let directory: URL

    init() throws {
        directory = try temporaryFolder("identity")
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A board over the SQLite store `store`, its indexes saved under `indexes`.
    private func board(store: String, indexes: String) throws -> JobBoard {
        let board = JobBoard(store: try SQLiteJobStore(path: path(store)), reference: try ReferenceData.load(directory: JobBoardTests.corpus),
                             indexPathPrefix: path(indexes))
        try board.warmUp()  // as a server starts
        return board
    }

    private func put(_ board: JobBoard, _ ids: [String], title: String = "Thợ hàn") async throws {
        let lines = ids.map { #"{"id":"\#($0)","employer":"Cơ khí Hải An","title":"\#(title) \#($0)","deadline":"2026-12-31"}"# }
        try await board.upsert(postings: try JSONLinesLoader.load(JobPosting.self, from: Array(lines.joined(separator: "\n").utf8), file: "put"))
    }

    /// The ids a search for `text` finds, in order.
    private func found(_ board: JobBoard, _ text: String = "thợ hàn") throws -> [String] {
        try board.search(JobMatcher.Search(text: text, asOf: asOf).with(limit: 50)).results.map(\.id)
    }

    /// What a fresh build over the same store answers (its indexes in a new place).
    private func fresh(_ store: String) throws -> [String] {
        let board = try board(store: store, indexes: "fresh-\(UUID().uuidString.prefix(6))")
        return try found(board)
    }

    private func copyStore(_ from: String, to: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path(from + suffix)) {
            try? FileManager.default.removeItem(atPath: path(to + suffix))
            try FileManager.default.copyItem(atPath: path(from + suffix), toPath: path(to + suffix))
        }
        for suffix in ["-wal", "-shm"] where !FileManager.default.fileExists(atPath: path(from + suffix)) {
            try? FileManager.default.removeItem(atPath: path(to + suffix))
        }
    }

    @Test func aStoreRestoredFromAnOlderCopy() async throws {
        do {
            let board = try board(store: "store.sqlite", indexes: "store.sqlite")
            try await put(board, ["P1", "P2", "P3"])
            try board.saveIndexes()
        }
        try copyStore("store.sqlite", to: "backup.sqlite")  // the copy, at change 3
        do {
            let board = try board(store: "store.sqlite", indexes: "store.sqlite")
            try await put(board, ["P4", "P5"])
            try board.saveIndexes()  // the indexes, at change 5
        }
        try copyStore("backup.sqlite", to: "store.sqlite")  // restored; the saved indexes stay beside it
        // The store is behind its indexes: rebuilt, and a posting written after the restore is found.
        do {
            let board = try board(store: "store.sqlite", indexes: "store.sqlite")
            #expect(try found(board) == fresh("store.sqlite"))
            #expect(try board.status().tables.first { $0.kind == .posting }?.opened?.hasPrefix("rebuilt") == true)
            try await put(board, ["P6"])
            #expect(try found(board).contains("P6") && !found(board).contains("P4"))
            #expect(try found(board) == fresh("store.sqlite"))
            try board.saveIndexes()  // the indexes, at change 4 (P6)
        }
        // Restored again, then written past the indexes' number: change 4 is another one now.
        try copyStore("backup.sqlite", to: "store.sqlite")
        do {
            let writer = try board(store: "store.sqlite", indexes: "elsewhere")
            try await put(writer, ["Q1", "Q2", "Q3"])  // changes 4, 5, 6: at or past the saved indexes' number
        }
        let board = try board(store: "store.sqlite", indexes: "store.sqlite")
        #expect(try found(board) == fresh("store.sqlite"))
        #expect(try found(board).contains("Q1") && !found(board).contains("P6"))
        #expect(try board.status().tables.first { $0.kind == .posting }?.opened?.hasPrefix("rebuilt") == true)
        // The search aids were learned anew too: nothing of the postings the restore took away.
        #expect(try board.suggestions(prefix: "tho han P4").isEmpty)
    }

    @Test func anotherStoreBehindTheSameFileName() async throws {
        do {
            let board = try board(store: "a.sqlite", indexes: "shared")
            try await put(board, ["A1", "A2"])
            try board.saveIndexes()
        }
        do {
            let other = try board(store: "b.sqlite", indexes: "b-own")
            try await put(other, ["B1"])
        }
        let board = try board(store: "b.sqlite", indexes: "shared")  // the same index files, another store
        #expect(try found(board) == ["B1"])
        let opened = try board.status().tables.first { $0.kind == .posting }?.opened
        #expect(opened == "rebuilt: it was built from another store", "\(opened ?? "nil")")
    }

    @Test func theSameStoreOpensItsSavedIndexAndCatchesUp() async throws {
        do {
            let board = try board(store: "store.sqlite", indexes: "store.sqlite")
            try await put(board, ["P1", "P2"])
            try board.saveIndexes()
        }
        do {
            let writer = try board(store: "store.sqlite", indexes: "other")
            try await put(writer, ["P3"])
        }
        let board = try board(store: "store.sqlite", indexes: "store.sqlite")
        #expect(try found(board) == fresh("store.sqlite"))
        #expect(try board.status().tables.first { $0.kind == .posting }?.opened?.hasPrefix("opened") == true)
    }
}

extension JobMatcher.Search {
    func with(limit: Int) -> Self {
        var copy = self
        copy.limit = limit
        return copy
    }
}
