import JobStorage
import PostgresNIO

extension PostgresJobStore {
    /// The tables, created when missing, in one transaction under an advisory lock: replicas
    /// that start together do not race to create them.
    static func createSchema(_ connection: PostgresConnection, _ store: PostgresJobStore) throws {
        _ = try store.run(connection, "BEGIN")
        do {
            _ = try store.run(connection, "SELECT pg_advisory_xact_lock(7243601)")
            for kind in RecordKind.allCases {
                let table = kind.rawValue
                let lookup = kind == .profile ? ", name_folded text NOT NULL DEFAULT '', phone_digits text NOT NULL DEFAULT ''" : ""
                _ = try store.run(connection, "CREATE TABLE IF NOT EXISTS \(unescaped: table) (id text PRIMARY KEY, document text NOT NULL, seq bigint NOT NULL\(unescaped: lookup))")
                _ = try store.run(connection, "CREATE INDEX IF NOT EXISTS \(unescaped: table)_seq ON \(unescaped: table)(seq)")
                _ = try store.run(connection, "CREATE TABLE IF NOT EXISTS \(unescaped: table)_tombstone (id text PRIMARY KEY, seq bigint NOT NULL)")
                _ = try store.run(connection, "CREATE INDEX IF NOT EXISTS \(unescaped: table)_tombstone_seq ON \(unescaped: table)_tombstone(seq)")
            }
            _ = try store.run(connection, "CREATE TABLE IF NOT EXISTS feed (kind text PRIMARY KEY, sequence bigint NOT NULL)")
            for kind in RecordKind.allCases {
                _ = try store.run(connection, "INSERT INTO feed(kind, sequence) VALUES (\(kind.rawValue), 0) ON CONFLICT (kind) DO NOTHING")
            }
            _ = try store.run(connection, """
                CREATE TABLE IF NOT EXISTS access_log (seq bigserial PRIMARY KEY, at double precision NOT NULL, actor text NOT NULL,
                    action text NOT NULL, subject text NOT NULL, profile_ids text NOT NULL)
                """)
            _ = try store.run(connection, "CREATE INDEX IF NOT EXISTS access_log_at ON access_log(at)")
            // What names the store, and the mark of each write transaction (see HistoryMark).
            _ = try store.run(connection, "CREATE TABLE IF NOT EXISTS store_identity (identity text NOT NULL)")
            _ = try store.run(connection, "INSERT INTO store_identity(identity) SELECT \(HistoryMark.newToken()) WHERE NOT EXISTS (SELECT 1 FROM store_identity)")
            _ = try store.run(connection, "CREATE TABLE IF NOT EXISTS history (kind text NOT NULL, sequence bigint NOT NULL, token text NOT NULL, PRIMARY KEY (kind, sequence))")
            _ = try store.run(connection, "CREATE INDEX IF NOT EXISTS referral_candidate ON referral ((document::jsonb ->> 'candidate'))")
            try createAlertSchema(connection, store)
            try refoldNames(connection, store)
            _ = try store.run(connection, "COMMIT")
        } catch {
            _ = try? store.run(connection, "ROLLBACK")
            throw error
        }
    }

    /// Profiles' folded names (`name_folded`, what a counsellor's name search compares) folded again when the store
    /// last folded them with an older ``ProfileLookup/fold(_:)`` (a store without `lookup_version` was folded by
    /// version 1), in the schema's transaction: a replica never sees names of two foldings.
    ///
    /// - Complexity: O(*n*) in the profiles, once per version of the folding; otherwise one row read.
    static func refoldNames(_ connection: PostgresConnection, _ store: PostgresJobStore) throws {
        _ = try store.run(connection, "CREATE TABLE IF NOT EXISTS lookup_version (version integer NOT NULL)")
        var folded = 1
        for row in try store.run(connection, "SELECT version FROM lookup_version") { folded = Int(try row.decode(Int32.self)) }
        guard folded < ProfileLookup.foldVersion else { return }
        // Writers take no advisory lock: the table is locked against writes until the transaction ends, so that no
        // profile changes between the read and the update (a rename in between would get the old name's fold).
        _ = try store.run(connection, "LOCK TABLE profile IN SHARE ROW EXCLUSIVE MODE")
        var ids: [String] = [], names: [String] = []
        for row in try store.run(connection, "SELECT id, document FROM profile") {
            let (id, document) = try row.decode((String, String).self)
            ids.append(id)
            names.append(ProfileLookup.fields(ofDocument: document).name)
        }
        if !ids.isEmpty {
            _ = try store.run(connection, """
                UPDATE profile SET name_folded = folded.name
                FROM unnest(\(ids)::text[], \(names)::text[]) AS folded(id, name) WHERE profile.id = folded.id
                """)
        }
        _ = try store.run(connection, "DELETE FROM lookup_version")
        _ = try store.run(connection, "INSERT INTO lookup_version(version) VALUES (\(Int32(ProfileLookup.foldVersion)))")
    }
}
