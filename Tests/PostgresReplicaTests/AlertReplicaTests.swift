import Foundation
@testable import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage
import JobStoragePostgres
import Synchronization
import Testing

/// Job alerts on a PostgreSQL store shared by two replicas: both match the feed and both deliver, and each
/// notification is sent by exactly one of them, once.
@Suite struct AlertReplicaTests {
    /// Sends nothing: counts what it was given.
    final class Counter: AlertSender {
        let sent = Mutex<[String]>([])
        func send(_ notification: AlertNotification) async throws {
            try await Task.sleep(for: .milliseconds(5))
            sent.withLock { $0 += notification.postings.map(\.id) }
        }
    }

    @Test func twoReplicasSendEachNotificationOnce() async throws {
        let url = try TemporaryPostgres.shared().database().url
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus").path
        let reference = try ReferenceData.load(directory: corpus)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-alert-replicas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func replica(_ name: String) throws -> AlertKeeper {
            let store = try PostgresJobStore(address: try #require(try PostgresStoreAddress(url)))
            let board = JobBoard(store: store, reference: reference, indexPathPrefix: folder.appendingPathComponent(name).path)
            return try AlertKeeper(board: board, publicURL: "https://vieclam.example.vn", quietHours: nil)
        }
        let (first, second) = (try replica("a"), try replica("b"))
        _ = try await first.add(JobAlert.Request(subject: .search(SavedSearch(query: "thợ hàn")), delivery: .webhook("https://gw.example.vn/h")),
                                createdBy: "counsellor", confirmed: true)
        let lines = (0..<40).map { #"{"id":"P\#($0)","employer":"Cơ khí","title":"Thợ hàn \#($0)","skills":["hàn điện"],"deadline":"2099-12-31"}"# }
        for (number, line) in lines.enumerated() {
            // Written through either replica, a few at a time: the feed is the store's, whoever wrote.
            let writer = number % 2 == 0 ? first : second
            try await writer.board.upsert(postings: try JSONLinesLoader.load(JobPosting.self, from: Array(line.utf8), file: "t"))
            if number % 8 == 7 {
                try await first.board.followStore()
                try await second.board.followStore()
                async let a = Task.detached { try first.percolate() }.value
                async let b = Task.detached { try second.percolate() }.value
                _ = try await (a, b)
            }
        }
        let (counterA, counterB) = (Counter(), Counter())
        for _ in 0..<10 {
            async let a = first.deliver(using: counterA)
            async let b = second.deliver(using: counterB)
            _ = try await (a, b)
        }
        let sentA = counterA.sent.withLock { $0 }, sentB = counterB.sent.withLock { $0 }
        #expect((sentA + sentB).sorted() == (0..<40).map { "P\($0)" }.sorted(), "every posting once: \(sentA.count) + \(sentB.count)")
        #expect(try first.store.outboxCounts().pending == 0)
    }
}
