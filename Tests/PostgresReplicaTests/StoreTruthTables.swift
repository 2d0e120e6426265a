import Foundation
import Testing
import JobStorage
import JobRecords

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
            ("pham  quang-cuong", ["C-00015"]),     // the analyzer's words: spaces and punctuation between them alike
            ("Pha\u{0323}m Quang", ["C-00015"]),    // NFD: the dot below as a combining mark
            ("tran thi ha", ["C-00016"]),
            ("tran thi hà c", []),
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
extension StoreTruthTables {
    /// Alerts and the outbox (``AlertStore``), with `other` a second handle on the same store (another process, another
    /// replica): matches queued once, the cursor never back, claims with a lease, retries and dead letters, digests once a
    /// day, removal and erasure taking the waiting messages with them.
    static func alerts(_ store: any JobStore & AlertStore, other: any AlertStore) throws {
        let cursor = try store.alertCursor()
        let created = "2026-12-06T00:00:00Z"
        let search = JobAlert(id: "A1", subject: .search(SavedSearch(query: "thợ hàn", zone: "KCN Đình Vũ")), delivery: .email("a@b.vn"),
                              createdBy: "t", createdAt: created, unsubscribeToken: "u1")
        let daily = JobAlert(id: "A2", subject: .profile("C1"), delivery: .webhook("https://gw.example.vn/h"), mode: .daily, digestHour: 8,
                             createdBy: "t", createdAt: created, unsubscribeToken: "u2")
        let pending = JobAlert(id: "A3", subject: .search(SavedSearch(query: "lái xe")), delivery: .email("c@d.vn"), status: .pendingConfirmation,
                               createdBy: "public", createdAt: created, confirmToken: "c3", unsubscribeToken: "u3")
        let version = try store.alertsVersion()
        for alert in [search, daily, pending] { try store.saveAlert(alert) }
        #expect(try other.alertsVersion() > version)
        #expect(try other.alert(id: "A1") == search)
        #expect(try store.alert(token: "c3")?.id == "A3" && store.alert(token: "u2")?.id == "A2" && store.alert(token: "nope") == nil)
        #expect(try store.alerts(after: nil, profile: nil, limit: 10).map(\.id) == ["A1", "A2", "A3"])
        #expect(try store.alerts(after: "A1", profile: nil, limit: 1).map(\.id) == ["A2"])
        #expect(try store.alerts(after: nil, profile: "C1", limit: 10).map(\.id) == ["A2"])

        var count = 0
        func next() -> String { count += 1; return "N\(count)" }
        func match(_ alert: String, _ posting: String, instant: Bool = true) -> AlertMatch {
            AlertMatch(alertID: alert, postingID: posting, summary: #"{"id":"\#(posting)"}"#, instant: instant, due: 100)
        }
        // One message for the instant alert's two postings; the daily alert's wait; the pending alert's none.
        #expect(try store.recordMatches([match("A1", "P1"), match("A1", "P2"), match("A2", "P1", instant: false), match("A3", "P1")],
                                        through: cursor + 5, newID: next) == 1)
        #expect(try other.alertCursor() == cursor + 5)
        // Sent before: nothing; the cursor never goes back.
        #expect(try other.recordMatches([match("A1", "P1")], through: cursor + 3, newID: next) == 0)
        #expect(try store.alertCursor() == cursor + 5)

        let claimed = try store.claimDueMessages(now: 100, limit: 10, lease: 15)
        #expect(claimed.map(\.payload) == [#"{"postings":[{"id":"P1"},{"id":"P2"}]}"#])
        #expect(try other.claimDueMessages(now: 110, limit: 10, lease: 15).isEmpty)          // taken
        #expect(try other.claimDueMessages(now: 116, limit: 10, lease: 15).map(\.id) == claimed.map(\.id))  // its lease ended
        try other.markFailed(claimed[0].id, error: "the webhook answered 503", retryAt: 200)
        #expect(try store.claimDueMessages(now: 150, limit: 10, lease: 15).isEmpty)
        try store.markFailed(claimed[0].id, error: "the webhook answered 503", retryAt: nil)
        let dead = try #require(try store.message(id: claimed[0].id))
        #expect(dead.status == .dead && dead.attempts == 2 && dead.lastError == "the webhook answered 503")
        #expect(try store.claimDueMessages(now: 10_000, limit: 10, lease: 15).isEmpty)

        #expect(try store.composeDigests(day: "2026-12-06", hour: 7, at: 300, newID: next) == 0)   // its hour is 8
        #expect(try store.composeDigests(day: "2026-12-06", hour: 8, at: 300, newID: next) == 1)
        #expect(try other.composeDigests(day: "2026-12-06", hour: 9, at: 300, newID: next) == 0)   // once a day
        let digest = try other.claimDueMessages(now: 300, limit: 10, lease: 15)
        #expect(digest.map(\.alertID) == ["A2"] && digest.map(\.payload) == [#"{"postings":[{"id":"P1"}]}"#])
        try other.markSent(digest[0].id, at: 301)
        #expect(try store.outboxCounts() == OutboxCounts(pending: 0, sent: 1, dead: 1, withdrawn: 0, alerts: 3))

        // Erasing the candidate takes their alert and what waits for it; removing an alert, its waiting messages.
        _ = try put(store, .profile, [("C1", #"{"id":"C1","name":"A","category":"other"}"#)])
        #expect(try store.recordMatches([match("A2", "P9", instant: false), match("A1", "P9")], through: cursor + 6, newID: next) == 1)
        _ = try store.write { _ = try $0.delete(.profile, id: "C1") }
        #expect(try other.alert(id: "A2") == nil && store.alerts(after: nil, profile: "C1", limit: 10).isEmpty)
        #expect(try store.composeDigests(day: "2026-12-07", hour: 8, at: 400, newID: next) == 0)
        #expect(try store.removeAlert(id: "A1"))
        #expect(try !other.removeAlert(id: "A1"))
        #expect(try store.outboxCounts() == OutboxCounts(pending: 0, sent: 1, dead: 0, withdrawn: 0, alerts: 1))
    }
}

extension StoreTruthTables {
    /// Referrals: a table of the feed like the others; erasing a candidate rewrites their referrals without them, as new
    /// changes in the same transaction, and leaves the others' alone.
    static func referrals(_ store: any JobStore) throws {
        func line(_ id: String, _ candidate: String, status: String = "referred") -> String {
            #"{"id":"\#(id)","candidate":"\#(candidate)","posting":"P1","employer":"Cơ khí Thử","category":"graduate","source":"console","reasons":[],"note":"gọi \#(candidate)","status":"\#(status)","history":[{"status":"referred","at":"2026-12-06T05:00:00Z","by":"counsellor","note":"số \#(candidate)"}]}"#
        }
        let sequence = try store.sequence(of: .referral)
        _ = try put(store, .profile, [("C1", #"{"id":"C1","name":"A","category":"graduate","education_level":"university"}"#),
                                      ("C2", #"{"id":"C2","name":"B","category":"graduate","education_level":"university"}"#)])
        _ = try put(store, .referral, [("R1", line("R1", "C1")), ("R2", line("R2", "C2")), ("R3", line("R3", "C1"))])
        #expect(try store.sequence(of: .referral) == sequence + 3 && store.count(of: .referral) == 3)
        let receipt = try store.write { _ = try $0.delete(.profile, id: "C1") }
        #expect(receipt.stored[.referral] == 2 && receipt.sequences[.referral] == sequence + 5)
        let changes = try store.changes(of: .referral, after: sequence + 3, limit: 10)
        #expect(Set(changes.map(\.id)) == ["R1", "R3"])
        for change in changes {
            let document = try #require(change.document)
            #expect(!document.contains("C1") && document.contains("\"erased\":true") && document.contains("Cơ khí Thử"))
        }
        #expect(try store.documents(of: .referral, ids: ["R2"])["R2"] == line("R2", "C2"))
    }
}

@Suite struct StoreTruthTableTests {
    private func store() throws -> SQLiteJobStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteJobStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    @Test func theFeedGivesEachChangedRecordOnceInItsLatestState() throws { try StoreTruthTables.feed(try store()) }
    @Test func aFailedTransactionStoresNothingAndTakesNoNumber() throws { try StoreTruthTables.failedTransaction(try store()) }
    @Test func findingACandidateByIdNameOrPhone() throws { try StoreTruthTables.findingACandidate(try store()) }
    @Test func referralsAreErasedWithTheirCandidate() throws { try StoreTruthTables.referrals(try store()) }
    @Test func alertsAndTheOutbox() throws {
        let store = try store()
        try StoreTruthTables.alerts(store, other: try SQLiteJobStore(path: store.path))
    }
}
