import Foundation
import Testing
import JobStorage

/// The behaviour every `JobStore` owes (docs: `JobStore`), as truth tables run against each
/// implementation: `SQLiteJobStore` (StoreTruthTableTests) and `PostgresJobStore` (PostgresJobStoreTests).
enum StoreTruthTables {
    static func put(_ store: any JobStore, _ kind: RecordKind, _ records: [(String, String)]) throws -> WriteReceipt {
        try store.write { transaction in
            for (id, json) in records { try transaction.upsert(kind, id: id, document: json) }
        }
    }

    /// The feed: after each step, what a reader at sequence `after` is told; each table its own sequence.
    static func feed(_ store: any JobStore) throws {
        #expect(try store.sequence(of: .posting) == 0 && store.sequence(of: .profile) == 0)
        _ = try put(store, .posting, [("A", "a1"), ("B", "b1"), ("C", "c1")])   // 1, 2, 3
        _ = try put(store, .posting, [("A", "a2")])                             // 4
        _ = try store.write { _ = try $0.delete(.posting, id: "B") }             // 5
        let missing = try store.write { _ = try $0.delete(.posting, id: "nope") }
        #expect(missing.deleted[.posting] == nil && missing.sequences[.posting] == 5)
        _ = try put(store, .posting, [("D", "d1")])                             // 6
        #expect(try store.sequence(of: .profile) == 0)
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
        var seen: [String] = []
        let sequence = try store.forEachRecord(of: .posting, batchSize: 2) { seen += $0.map(\.id) }
        #expect(Set(seen) == ["A", "B", "C", "D"] && seen.count == 4 && sequence == 7)
        #expect(try store.count(of: .posting) == 4)
        #expect(try store.documents(of: .posting, ids: ["A", "B", "zzz"]) == ["A": "a2", "B": "b2"])
    }

    /// A transaction that throws stores nothing and takes no number; the store works after it.
    static func failedTransaction(_ store: any JobStore) throws {
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
        _ = try put(store, .profile, [("C3", "three")])
        #expect(try store.sequence(of: .profile) == 2)
    }

    /// Finding a candidate by id, name or phone: what each text finds; a deleted one is found by nothing.
    static func findingACandidate(_ store: any JobStore) throws {
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
        _ = try store.write { _ = try $0.delete(.profile, id: "C-00015") }
        #expect(try store.findProfiles("pham quang cuong", limit: 10).isEmpty)
        #expect(try store.documents(of: .profile, ids: ["C-00015"]).isEmpty)
    }
}

/// The truth tables on the embedded SQLite store.
@Suite struct StoreTruthTableTests {
    private func store() throws -> SQLiteJobStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteJobStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    @Test func theFeedGivesEachChangedRecordOnceInItsLatestState() throws { try StoreTruthTables.feed(try store()) }
    @Test func aFailedTransactionStoresNothingAndTakesNoNumber() throws { try StoreTruthTables.failedTransaction(try store()) }
    @Test func findingACandidateByIdNameOrPhone() throws { try StoreTruthTables.findingACandidate(try store()) }
}
