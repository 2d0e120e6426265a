import Foundation
import Testing
import JobStorage
import JobStoragePostgres

/// The PostgreSQL store behaves as the SQLite one does (``StoreTruthTables``, run on both), on a
/// real throwaway cluster; and what only a shared store does: racing writers, notifications, restarts.
@Suite final class PostgresJobStoreTests {
    private(set) var postgres: TemporaryPostgres
    private(set) var url: String

    init() throws {
        postgres = try TemporaryPostgres.shared()
        url = try postgres.database().url
    }

    /// For a test that stops PostgreSQL: a cluster of its own, so that other tests' databases stay up.
    private func ownCluster() throws {
        postgres = try TemporaryPostgres()
        url = try postgres.database().url
    }

    private func store() throws -> PostgresJobStore { try PostgresJobStore(address: try #require(try PostgresStoreAddress(url))) }

    private func put(_ store: PostgresJobStore, _ kind: RecordKind, _ records: [(String, String)]) throws -> WriteReceipt {
        try StoreTruthTables.put(store, kind, records)
    }

    @Test func addressesAreReadAsLibpqWritesThem() throws {
        let cases: [(String, String?)] = [
            ("postgres://heza:pw@db.example:5433/jobs", "postgres://heza:***@db.example:5433/jobs"),
            ("postgresql://heza@localhost/jobs", "postgres://heza@localhost:5432/jobs"),
            ("postgres://heza@/jobs?host=/tmp/pg", "postgres://heza@:5432/jobs?host=/tmp/pg"),
            ("postgres://heza@:6000/jobs?host=/tmp/pg", "postgres://heza@:6000/jobs?host=/tmp/pg"),
            ("/data/hezamatch.sqlite", nil),
        ]
        for (text, expected) in cases { #expect(try PostgresStoreAddress(text)?.description == expected, "\(text)") }
        #expect(throws: PostgresStoreError.self) { _ = try PostgresStoreAddress("postgres://db.example/jobs") }   // no user
        #expect(throws: PostgresStoreError.self) { _ = try PostgresStoreAddress("postgres://heza@db.example/") }  // no database
    }

    @Test func theFeedGivesEachChangedRecordOnceInItsLatestState() throws { try StoreTruthTables.feed(try store()) }

    /// Upserts go in batches: an id twice in one transaction, a delete after an upsert, more
    /// records than a batch, all in the order written.
    @Test func batchedUpsertsKeepTheOrderWritten() throws {
        let store = try store()
        let receipt = try store.write { transaction in
            for number in 0..<2_500 { try transaction.upsert(.posting, id: "P\(number)", document: "v1") }
            try transaction.upsert(.posting, id: "P7", document: "v2")              // again, in the same batch
            #expect(try transaction.delete(.posting, id: "P8"))                      // pending, then deleted
            try transaction.upsert(.posting, id: "P9", document: "v2")
        }
        #expect(receipt.sequences[.posting] == 2_503 && receipt.stored[.posting] == 2_502 && receipt.deleted[.posting] == 1)
        #expect(try store.count(of: .posting) == 2_499)
        #expect(try store.documents(of: .posting, ids: ["P7", "P8", "P9", "P2499"]) == ["P7": "v2", "P9": "v2", "P2499": "v1"])
        let tail = try store.changes(of: .posting, after: 2_500, limit: 10)
        #expect(tail == [.init(sequence: 2_501, id: "P7", document: "v2"), .init(sequence: 2_502, id: "P8", document: nil),
                         .init(sequence: 2_503, id: "P9", document: "v2")])
    }

    @Test func aFailedTransactionStoresNothingAndTakesNoNumber() throws { try StoreTruthTables.failedTransaction(try store()) }

    @Test func findingACandidateByIdNameOrPhone() throws { try StoreTruthTables.findingACandidate(try store()) }

    /// A store whose names were folded by an older folding (no `lookup_version`, names folded as Foundation did, with
    /// two spaces kept) has them folded again when a store opens it, once.
    @Test func namesFoldedByAnOlderFoldingAreFoldedAgainOnOpening() throws {
        let (name, url) = try postgres.database()
        let address = try #require(try PostgresStoreAddress(url))
        _ = try put(try PostgresJobStore(address: address), .profile,
                    [("C1", #"{"id":"C1","name":"Phạm  Quang-Cường","phone":"0912345678"}"#)])
        #expect(try postgres.psql(name, "SELECT name_folded FROM profile") == "pham quang cuong\n")
        try postgres.psql(name, "UPDATE profile SET name_folded = 'pham  quang-cuong'; DROP TABLE lookup_version")
        #expect(try PostgresJobStore(address: address).findProfiles("pham quang cuong", limit: 10).map(\.id) == ["C1"])
        #expect(try postgres.psql(name, "SELECT name_folded FROM profile") == "pham quang cuong\n")
        #expect(try postgres.psql(name, "SELECT version FROM lookup_version") == "\(ProfileLookup.foldVersion)\n")
    }

    /// Two replicas on one database: alerts and the outbox as on SQLite, each message claimed by one of them.
    @Test func referralsAreErasedWithTheirCandidate() throws { try StoreTruthTables.referrals(try store()) }
    @Test func alertsAndTheOutboxAcrossReplicas() throws { try StoreTruthTables.alerts(try store(), other: try store()) }

    @Test func theAccessRecordKeepsAndForgets() async throws {
        let store = try store()
        let old = AccessRecord(at: Date().addingTimeInterval(-7_200), actor: "c", action: "shortlist", subject: "P-1", profileIDs: ["C1"])
        try await store.recordAccess(old, retention: 86_400)
        try await store.recordAccess(AccessRecord(at: Date(), actor: "c", action: "fair", subject: "2026-09", profileIDs: ["C2", "C3"]), retention: 3_600)
        let records = try store.accessRecords(since: nil, limit: 10)
        #expect(records.map(\.action) == ["fair"] && records.first?.profileIDs == ["C2", "C3"])  // the old one is forgotten
    }

    /// Two writers through two stores (two replicas) race on one id: the feed is one order with
    /// no gap and no number twice, and the record is the last commit's.
    @Test func twoWritersRacingOnOneId() async throws {
        let first = try store(), second = try store()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (writer, name) in [(first, "a"), (second, "b")] {
                group.addTask {
                    for round in 0..<40 {
                        _ = try await writer.write { try $0.upsert(.posting, id: "P-RACE", document: "\(name)\(round)") }
                        _ = try await writer.write { try $0.upsert(.posting, id: "P-\(name)\(round)", document: "x") }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.sequence(of: .posting) == 160 && second.sequence(of: .posting) == 160)
        let feed = try first.changes(of: .posting, after: 0, limit: 1_000)
        #expect(feed.map(\.sequence) == feed.map(\.sequence).sorted() && Set(feed.map(\.sequence)).count == feed.count)
        let race = try #require(feed.first { $0.id == "P-RACE" })
        #expect(race.sequence == feed.filter { $0.id == "P-RACE" }.map(\.sequence).max())
        #expect(try second.documents(of: .posting, ids: ["P-RACE"])["P-RACE"] == race.document)
        #expect(try first.count(of: .posting) == 81)
    }

    /// A write through one store wakes a server waiting on another (NOTIFY at commit); without a
    /// write, the wait ends at its timeout.
    @Test func aWriteWakesTheOtherReplica() async throws {
        let writer = try store(), follower = try store()
        _ = await follower.waitForChanges(timeout: .milliseconds(10))  // opens the LISTEN connection
        let started = ContinuousClock.now
        #expect(await follower.waitForChanges(timeout: .milliseconds(300)) == false)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        async let told = follower.waitForChanges(timeout: .seconds(10))
        try await Task.sleep(for: .milliseconds(100))
        _ = try await writer.write { try $0.upsert(.profile, id: "C1", document: "{}") }
        #expect(await told == true)
    }

    /// PostgreSQL restarted under a store: reads reconnect; nothing written is lost.
    @Test func aRestartOfPostgreSQLLosesNothing() throws {
        try ownCluster()
        let store = try store()
        _ = try put(store, .posting, [("A", "a1"), ("B", "b1")])
        try postgres.stop(immediately: true)
        try postgres.start()
        #expect(try store.sequence(of: .posting) == 2)
        #expect(try store.documents(of: .posting, ids: ["A", "B"]) == ["A": "a1", "B": "b1"])
        _ = try put(store, .posting, [("C", "c1")])
        #expect(try store.changes(of: .posting, after: 0, limit: 10).map(\.sequence) == [1, 2, 3])
    }

    /// PostgreSQL down: a clear error naming the store, without its password.
    @Test func anUnreachableStoreSaysWhere() throws {
        let url = "postgres://heza:secret@/nothing?host=\(postgres.folder)/missing"
        do {
            _ = try PostgresJobStore(address: try #require(try PostgresStoreAddress(url)))
            Issue.record("connected to nothing")
        } catch {
            let message = "\(error)"
            #expect(message.contains("postgres://heza:***@:5432/nothing") && !message.contains("secret"), "\(message)")
        }
    }
}
