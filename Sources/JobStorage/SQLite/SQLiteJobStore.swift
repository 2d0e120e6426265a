import Foundation
import GRDB
import JobRecords

/// The embedded store: one SQLite file (through GRDB), in WAL mode so that reads
/// never wait for a write.
///
/// Tables: `posting`, `profile` and `referral` (`id`, `document`: the JSON line, `seq`: the
/// number of the change that wrote it), `posting_tombstone`, `profile_tombstone` and `referral_tombstone`
/// (`id`, `seq` of deleted records), `feed` (each table's last number). See
/// ``JobStore`` for the feed.
///
/// **Erasure.** `secure_delete` is on, so SQLite overwrites deleted content with
/// zeros; after a transaction that deleted profiles, the WAL is checkpointed and
/// truncated, so the candidate's bytes are in neither file when ``write(_:)`` returns.
///
/// **Durability.** `synchronous = NORMAL` in WAL mode: a committed transaction
/// survives the process being killed; a power cut may lose the last ones, never
/// half of one.
public final class SQLiteJobStore: JobStore {
    public let path: String
    let database: DatabasePool

    public var location: String { path }

    /// Opens (creating when needed, and upgrading an older layout) the store at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: SQLiteJobStore.foldFunction)
        }
        database = try DatabasePool(path: path, configuration: configuration)
        try SQLiteJobStore.migrator.migrate(database)
    }

    public func sequence(of kind: RecordKind) throws -> Int64 {
        try database.read { db in try Self.sequence(kind, db) }
    }

    public func identity() throws -> String {
        try database.read { db in try String.fetchOne(db, sql: "SELECT identity FROM store_identity") ?? "" }
    }

    public func historyMark(of kind: RecordKind, atOrBefore sequence: Int64) throws -> HistoryMark? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT sequence, token FROM history WHERE kind = ? AND sequence <= ? ORDER BY sequence DESC LIMIT 1",
                             arguments: [kind.rawValue, sequence]).map { HistoryMark(sequence: $0[0], token: $0[1]) }
        }
    }

    private static func sequence(_ kind: RecordKind, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT sequence FROM feed WHERE kind = ?", arguments: [kind.rawValue]) ?? 0
    }

    public func changes(of kind: RecordKind, after sequence: Int64, limit: Int) throws -> [StoredChange] {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, id, document FROM \(kind.rawValue) WHERE seq > ?1
                UNION ALL SELECT seq, id, NULL FROM \(kind.rawValue)_tombstone WHERE seq > ?1
                ORDER BY seq LIMIT ?2
                """, arguments: [sequence, limit])
            var changes: [StoredChange] = []
            while let row = try rows.next() {
                changes.append(StoredChange(sequence: row[0], id: row[1], document: row[2]))
            }
            return changes
        }
    }

    @discardableResult
    public func forEachRecord(of kind: RecordKind, batchSize: Int, _ body: ([StoredChange]) throws -> Void) throws -> Int64 {
        try database.read { db in
            let sequence = try Self.sequence(kind, db)
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, id, document FROM \(kind.rawValue) ORDER BY rowid")
            var batch: [StoredChange] = []
            batch.reserveCapacity(batchSize)
            while let row = try rows.next() {
                batch.append(StoredChange(sequence: row[0], id: row[1], document: row[2]))
                if batch.count >= batchSize {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try body(batch) }
            return sequence
        }
    }

    public func documents(of kind: RecordKind, ids: [String]) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return try database.read { db in
            var found: [String: String] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(db, sql: "SELECT id, document FROM \(kind.rawValue) WHERE id IN (\(marks))",
                                               arguments: StatementArguments(chunk))
                while let row = try rows.next() { found[row[0]] = row[1] }
            }
            return found
        }
    }

    public func count(of kind: RecordKind) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(kind.rawValue)") ?? 0 }
    }

    public func write(_ body: (any StoreTransaction) throws -> Void) throws -> WriteReceipt {
        let receipt = try database.write { db in try Self.transaction(db, body) }
        try eraseIfNeeded(receipt)
        return receipt
    }

    public func write(_ body: @escaping @Sendable (any StoreTransaction) throws -> Void) async throws -> WriteReceipt {
        let receipt = try await database.write { db in try Self.transaction(db, body) }
        if receipt.deleted[.profile, default: 0] > 0 {
            try await database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        }
        return receipt
    }

    /// `hezamatch_fold(text)`: lowercase, without accents, `đ` as `d`, for finding names.
    static let foldFunction = DatabaseFunction("hezamatch_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return ProfileLookup.fold(text)
    }

    public func findProfiles(_ text: String, limit: Int) throws -> [StoredChange] {
        let lookup = ProfileLookup(text)
        guard !lookup.id.isEmpty else { return [] }
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, id, document FROM profile
                WHERE id = ?1
                   OR (length(?2) >= 4 AND replace(replace(replace(json_extract(document, '$.phone'), ' ', ''), '.', ''), '-', '') LIKE '%' || ?2 || '%')
                   OR (length(?3) > 2 AND hezamatch_fold(json_extract(document, '$.name')) LIKE ?3)
                ORDER BY id = ?1 DESC, id LIMIT ?4
                """, arguments: [lookup.id, lookup.phoneDigits, lookup.namePattern, limit]).map { StoredChange(sequence: $0[0], id: $0[1], document: $0[2]) }
        }
    }

    public func recordAccess(_ record: AccessRecord, retention: TimeInterval) async throws {
        let ids = record.storedProfileIDs
        let cutoff = Date().addingTimeInterval(-retention).timeIntervalSince1970
        try await database.write { db in
            try db.execute(sql: "INSERT INTO access_log(at, actor, action, subject, profile_ids) VALUES (?, ?, ?, ?, ?)",
                           arguments: [record.at.timeIntervalSince1970, record.actor, record.action, record.subject, ids])
            try db.execute(sql: "DELETE FROM access_log WHERE at < ?", arguments: [cutoff])
        }
    }

    public func accessRecords(since: Date?, limit: Int) throws -> [AccessRecord] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT at, actor, action, subject, profile_ids FROM access_log WHERE at >= ? ORDER BY seq DESC LIMIT ?
                """, arguments: [since?.timeIntervalSince1970 ?? 0, limit])
            return rows.map { row in
                let ids = AccessRecord.profileIDs(stored: row[4])
                return AccessRecord(at: Date(timeIntervalSince1970: row[0]), actor: row[1], action: row[2], subject: row[3], profileIDs: ids)
            }
        }
    }

    private static func transaction(_ db: Database, _ body: (any StoreTransaction) throws -> Void) throws -> WriteReceipt {
        let transaction = try Transaction(db)
        try body(transaction)
        return try transaction.finish()
    }

    /// After deleting profiles: moves the WAL into the database and truncates it,
    /// so that no old page with a deleted candidate's bytes stays in the WAL file.
    private func eraseIfNeeded(_ receipt: WriteReceipt) throws {
        guard receipt.deleted[.profile, default: 0] > 0 else { return }
        try database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// One write transaction's statements and counters.
    private final class Transaction: StoreTransaction {
        let db: Database
        var sequences: [RecordKind: Int64] = [:]
        var before: [RecordKind: Int64] = [:]
        var stored: [RecordKind: Int] = [:]
        var deleted: [RecordKind: Int] = [:]

        init(_ db: Database) throws {
            self.db = db
            for kind in RecordKind.allCases { sequences[kind] = try SQLiteJobStore.sequence(kind, db) }
            before = sequences
        }

        func upsert(_ kind: RecordKind, id: String, document: String) throws {
            let sequence = sequences[kind]! + 1
            sequences[kind] = sequence
            try db.cachedStatement(sql: """
                INSERT INTO \(kind.rawValue)(id, document, seq) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET document = excluded.document, seq = excluded.seq
                """).execute(arguments: [id, document, sequence])
            try db.cachedStatement(sql: "DELETE FROM \(kind.rawValue)_tombstone WHERE id = ?").execute(arguments: [id])
            stored[kind, default: 0] += 1
        }

        func document(_ kind: RecordKind, id: String) throws -> String? {
            try String.fetchOne(db.cachedStatement(sql: "SELECT document FROM \(kind.rawValue) WHERE id = ?"), arguments: [id])
        }

        func delete(_ kind: RecordKind, id: String) throws -> Bool {
            try db.cachedStatement(sql: "DELETE FROM \(kind.rawValue) WHERE id = ?").execute(arguments: [id])
            guard db.changesCount > 0 else { return false }
            let sequence = sequences[kind]! + 1
            sequences[kind] = sequence
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(kind.rawValue)_tombstone(id, seq) VALUES (?, ?)")
                .execute(arguments: [id, sequence])
            // A candidate erased: their alerts, with the contact in them, and what was waiting to be sent go too;
            // their referrals keep only what is anonymous (a new change of each, so replicas erase them as well).
            if kind == .profile {
                try SQLiteJobStore.removeAlerts(ofProfile: id, db)
                let referrals = try Row.fetchAll(db, sql: "SELECT id, document FROM referral WHERE json_extract(document, '$.candidate') = ?",
                                                 arguments: [id])
                for row in referrals {
                    if let erased = try Referral.anonymizedDocument(row[1]) { try upsert(.referral, id: row[0], document: erased) }
                }
            }
            deleted[kind, default: 0] += 1
            return true
        }

        func finish() throws -> WriteReceipt {
            for (kind, sequence) in sequences {
                try db.cachedStatement(sql: "UPDATE feed SET sequence = ? WHERE kind = ?").execute(arguments: [sequence, kind.rawValue])
                if sequence != before[kind] {
                    try db.cachedStatement(sql: "INSERT INTO history(kind, sequence, token) VALUES (?, ?, ?)")
                        .execute(arguments: [kind.rawValue, sequence, HistoryMark.newToken()])
                }
            }
            return WriteReceipt(sequences: sequences, stored: stored, deleted: deleted)
        }
    }
}
