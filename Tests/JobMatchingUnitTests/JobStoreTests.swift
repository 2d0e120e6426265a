import Foundation
import GRDB
import Testing
@testable import JobRecords
import JobStorage

/// The SQLite store and its change feed.
@Suite struct JobStoreTests {
    private func put(_ store: SQLiteJobStore, _ kind: RecordKind, _ records: [(String, String)]) throws -> WriteReceipt {
        try store.write { transaction in
            for (id, json) in records { try transaction.upsert(kind, id: id, document: json) }
        }
    }

    @Test func eachTableHasItsOwnSequence() throws {
        let store = try SQLiteJobStore(path: temporaryStorePath())
        #expect(try store.sequence(of: .posting) == 0 && store.sequence(of: .profile) == 0)
        let receipt = try put(store, .posting, [("P1", #"{"id":"P1"}"#), ("P2", #"{"id":"P2"}"#)])
        #expect(receipt.sequences[.posting] == 2 && receipt.stored[.posting] == 2)
        // A posting changes the postings' sequence only: the profiles' index need not move.
        #expect(try store.sequence(of: .profile) == 0)
        _ = try put(store, .profile, [("C1", #"{"id":"C1"}"#)])
        #expect(try store.sequence(of: .posting) == 2 && store.sequence(of: .profile) == 1)
    }

    /// The feed's truth table: after each step, what a reader at sequence `after` is told.
    @Test func theFeedGivesEachChangedRecordOnceInItsLatestState() throws {
        let store = try SQLiteJobStore(path: temporaryStorePath())
        _ = try put(store, .posting, [("A", "a1"), ("B", "b1"), ("C", "c1")])   // 1, 2, 3
        _ = try put(store, .posting, [("A", "a2")])                             // 4
        _ = try store.write { _ = try $0.delete(.posting, id: "B") }             // 5
        let missing = try store.write { _ = try $0.delete(.posting, id: "nope") }
        #expect(missing.deleted[.posting] == nil && missing.sequences[.posting] == 5)
        _ = try put(store, .posting, [("D", "d1")])                             // 6
        let cases: [(after: Int64, expected: [StoredChange])] = [
            (0, [.init(sequence: 3, id: "C", document: "c1"), .init(sequence: 4, id: "A", document: "a2"),
                 .init(sequence: 5, id: "B", document: nil), .init(sequence: 6, id: "D", document: "d1")]),
            (3, [.init(sequence: 4, id: "A", document: "a2"), .init(sequence: 5, id: "B", document: nil),
                 .init(sequence: 6, id: "D", document: "d1")]),
            (5, [.init(sequence: 6, id: "D", document: "d1")]),
            (6, []),
        ]
        for (after, expected) in cases {
            #expect(try store.changes(of: .posting, after: after, limit: 100) == expected, "after \(after)")
        }
        #expect(try store.changes(of: .posting, after: 0, limit: 2).map(\.sequence) == [3, 4])
        // A deleted record stored again leaves the tombstones.
        _ = try put(store, .posting, [("B", "b2")])
        #expect(try store.changes(of: .posting, after: 6, limit: 10) == [.init(sequence: 7, id: "B", document: "b2")])
        #expect(try store.changes(of: .posting, after: 0, limit: 10).filter { $0.id == "B" }.count == 1)
    }

    /// Finding a candidate by id, name or phone: what each text finds.
    @Test func findingACandidateByIdNameOrPhone() throws {
        let store = try SQLiteJobStore(path: temporaryStorePath())
        _ = try put(store, .profile, [
            ("C-00015", #"{"id":"C-00015","name":"Phạm Quang Cường","phone":"0912 345 678"}"#),
            ("C-00016", #"{"id":"C-00016","name":"Trần Thị Hà","phone":"0900015000"}"#),
            ("C-00017", #"{"id":"C-00017","name":"Phạm Thị Lan","phone":"0388.123.456"}"#),
        ])
        let cases: [(text: String, expected: [String])] = [
            ("C-00015", ["C-00015"]),               // an id finds itself, not the phones holding 00015
            ("00015", ["C-00016"]),                 // digits alone are a phone
            ("0912345678", ["C-00015"]),
            ("0912.345.678", ["C-00015"]),
            ("+84 912 345 678", ["C-00015"]),
            ("388123456", ["C-00017"]),
            ("123", []),                            // fewer than 4 digits: no phone search
            ("pham quang cuong", ["C-00015"]),      // a name without accents
            ("PHẠM", ["C-00015", "C-00017"]),
            ("  ", []),
            ("%", []),
        ]
        for (text, expected) in cases {
            #expect(try store.findProfiles(text, limit: 10).map(\.id) == expected, "\(text)")
        }
    }

    @Test func aFailedTransactionStoresNothingAndTakesNoNumber() throws {
        let store = try SQLiteJobStore(path: temporaryStorePath())
        _ = try put(store, .profile, [("C1", "one")])
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            _ = try store.write { transaction in
                try transaction.upsert(.profile, id: "C2", document: "two")
                try transaction.upsert(.profile, id: "C1", document: "changed")
                throw Refused()
            }
        }
        #expect(try store.sequence(of: .profile) == 1)
        #expect(try store.documents(of: .profile, ids: ["C1", "C2"]) == ["C1": "one"])
    }

    @Test func reopeningKeepsTheDataAndTheFeed() throws {
        let path = temporaryStorePath()
        do {
            let store = try SQLiteJobStore(path: path)
            _ = try put(store, .profile, [("C1", #"{"id":"C1","name":"Nguyễn Văn An","category":"discharged_soldier"}"#)])
        }
        let reopened = try SQLiteJobStore(path: path)
        #expect(try reopened.count(of: .profile) == 1)
        #expect(try reopened.sequence(of: .profile) == 1)
        var seen: [String] = []
        let sequence = try reopened.forEachRecord(of: .profile, batchSize: 10) { seen += $0.map(\.id) }
        #expect(seen == ["C1"] && sequence == 1)
    }

    /// A store written by the version before the change feed is upgraded when opened.
    @Test func aStoreOfTheFirstLayoutIsUpgraded() throws {
        let path = temporaryStorePath()
        do {
            let old = try DatabaseQueue(path: path)
            try old.write { db in
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1')")
                try db.execute(sql: "CREATE TABLE posting (id TEXT PRIMARY KEY, document TEXT NOT NULL)")
                try db.execute(sql: "CREATE TABLE profile (id TEXT PRIMARY KEY, document TEXT NOT NULL)")
                try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
                try db.execute(sql: "INSERT INTO meta VALUES ('generation', 7)")
                try db.execute(sql: "INSERT INTO posting VALUES ('P1', 'one'), ('P2', 'two')")
            }
        }
        let store = try SQLiteJobStore(path: path)
        #expect(try store.sequence(of: .posting) == 2)
        #expect(try store.changes(of: .posting, after: 0, limit: 10).map(\.id) == ["P1", "P2"])
        #expect(try put(store, .posting, [("P3", "three")]).sequences[.posting] == 3)
    }
}
