import Foundation
import JobRecords
import JobStorage
import PostgresNIO

/// One write transaction on PostgreSQL: both rows of `feed` locked first (so writers through
/// any replica take their numbers in commit order), then each change with the next number of
/// its table (upserts sent in batches), then the feed's new numbers and a `NOTIFY`, all
/// committed together.
final class PostgresTransaction: StoreTransaction {
    private let connection: PostgresConnection
    private let store: PostgresJobStore
    private var sequences: [RecordKind: Int64] = [:]
    private var stored: [RecordKind: Int] = [:]
    private var deleted: [RecordKind: Int] = [:]
    private let started: [RecordKind: Int64]

    init(_ connection: PostgresConnection, _ store: PostgresJobStore) throws {
        self.connection = connection
        self.store = store
        for row in try store.run(connection, "SELECT kind, sequence FROM feed ORDER BY kind FOR UPDATE") {
            let (kind, sequence) = try row.decode((String, Int64).self)
            if let kind = RecordKind(rawValue: kind) { sequences[kind] = sequence }
        }
        started = sequences
    }

    /// Upserts not yet sent, per table, in order: sent 1,000 at a time as one statement (`unnest`
    /// of arrays), before a delete, before an id comes twice, and at the end.
    private var pending: [RecordKind: [(id: String, document: String, sequence: Int64)]] = [:]
    private var pendingIDs: [RecordKind: Set<String>] = [:]
    static let batchSize = 1_000

    func upsert(_ kind: RecordKind, id: String, document: String) throws {
        if pendingIDs[kind, default: []].contains(id) { try flush(kind) }
        let sequence = (sequences[kind] ?? 0) + 1
        sequences[kind] = sequence
        pending[kind, default: []].append((id, document, sequence))
        pendingIDs[kind, default: []].insert(id)
        stored[kind, default: 0] += 1
        if pending[kind, default: []].count >= Self.batchSize { try flush(kind) }
    }

    /// Sends the pending upserts of `kind` (one statement for the rows, one for their tombstones).
    private func flush(_ kind: RecordKind) throws {
        guard let rows = pending[kind], !rows.isEmpty else { return }
        pending[kind] = []
        pendingIDs[kind] = []
        let ids = rows.map(\.id), documents = rows.map(\.document), numbers = rows.map(\.sequence)
        switch kind {
        case .profile:
            let lookups = documents.map(Self.lookupFields)
            let names = lookups.map(\.name), phones = lookups.map(\.phone)
            _ = try store.run(connection, """
                INSERT INTO profile(id, document, seq, name_folded, phone_digits)
                SELECT * FROM unnest(\(ids)::text[], \(documents)::text[], \(numbers)::bigint[], \(names)::text[], \(phones)::text[])
                ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, seq = EXCLUDED.seq,
                    name_folded = EXCLUDED.name_folded, phone_digits = EXCLUDED.phone_digits
                """)
        case .posting, .referral:
            _ = try store.run(connection, """
                INSERT INTO \(unescaped: kind.rawValue)(id, document, seq)
                SELECT * FROM unnest(\(ids)::text[], \(documents)::text[], \(numbers)::bigint[])
                ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, seq = EXCLUDED.seq
                """)
        }
        _ = try store.run(connection, "DELETE FROM \(unescaped: kind.rawValue)_tombstone WHERE id = ANY(\(ids))")
    }

    func document(_ kind: RecordKind, id: String) throws -> String? {
        try flush(kind)
        for row in try store.run(connection, "SELECT document FROM \(unescaped: kind.rawValue) WHERE id = \(id)") {
            return try row.decode(String.self)
        }
        return nil
    }

    func delete(_ kind: RecordKind, id: String) throws -> Bool {
        try flush(kind)
        let result = try store.run(connection, "DELETE FROM \(unescaped: kind.rawValue) WHERE id = \(id)")
        guard (result.metadata.rows ?? 0) > 0 else { return false }
        let sequence = (sequences[kind] ?? 0) + 1
        sequences[kind] = sequence
        _ = try store.run(connection, """
            INSERT INTO \(unescaped: kind.rawValue)_tombstone(id, seq) VALUES (\(id), \(sequence))
            ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq
            """)
        // A candidate erased: their alerts, with the contact in them, and what was waiting to be sent go too.
        // Their referrals keep only what is anonymous (a new change of each, so replicas erase them as well).
        if kind == .profile {
            try PostgresJobStore.removeAlerts(connection, store, whereProfile: id, id: nil)
            try flush(.referral)
            for row in try store.run(connection, "SELECT id, document FROM referral WHERE (document::jsonb ->> 'candidate') = \(id)") {
                let (referral, document) = try row.decode((String, String).self)
                if let erased = try Referral.anonymizedDocument(document) { try upsert(.referral, id: referral, document: erased) }
            }
        }
        deleted[kind, default: 0] += 1
        return true
    }

    /// Writes the feed's new numbers and, when anything changed, the notification (sent at commit).
    func finish() throws -> WriteReceipt {
        for kind in RecordKind.allCases { try flush(kind) }
        var changed = false
        for (kind, sequence) in sequences where sequence != started[kind] {
            _ = try store.run(connection, "UPDATE feed SET sequence = \(sequence) WHERE kind = \(kind.rawValue)")
            _ = try store.run(connection, "INSERT INTO history(kind, sequence, token) VALUES (\(kind.rawValue), \(sequence), \(HistoryMark.newToken()))")
            changed = true
        }
        if changed { _ = try store.run(connection, "NOTIFY \(unescaped: PostgresJobStore.channel)") }
        return WriteReceipt(sequences: sequences, stored: stored, deleted: deleted)
    }

    /// A profile's folded name and phone digits, kept beside it for finding it (deleted with it).
    static func lookupFields(_ document: String) -> (name: String, phone: String) {
        ProfileLookup.fields(ofDocument: document)
    }
}
