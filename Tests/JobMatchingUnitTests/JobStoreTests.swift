import Foundation
import GRDB
import Testing
@testable import JobRecords
import JobStorage

/// What only the SQLite store does (its file, its layouts). The behaviour every store owes (the
/// feed, all-or-nothing, finding a candidate) is in `Tests/PostgresReplicaTests/StoreTruthTables.swift`,
/// run on SQLite and on PostgreSQL.
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
