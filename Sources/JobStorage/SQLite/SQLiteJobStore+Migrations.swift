import GRDB

extension SQLiteJobStore {
    /// The store's layouts, oldest first. A store written by an older version is
    /// upgraded when opened, in one transaction per step.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // v1: the records as JSON lines, and one generation counter for both tables.
        migrator.registerMigration("v1") { db in
            try db.create(table: "posting") { table in
                table.primaryKey("id", .text)
                table.column("document", .text).notNull()
            }
            try db.create(table: "profile") { table in
                table.primaryKey("id", .text)
                table.column("document", .text).notNull()
            }
            try db.create(table: "meta") { table in
                table.primaryKey("key", .text)
                table.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('generation', 0)")
        }
        // v2: a change feed, one sequence a table; records already stored are numbered in rowid order.
        migrator.registerMigration("v2-change-feed") { db in
            for kind in [RecordKind.posting, .profile] {
                let table = kind.rawValue
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
                try db.execute(sql: "UPDATE \(table) SET seq = rowid")
                try db.execute(sql: "CREATE INDEX \(table)_seq ON \(table)(seq)")
                try db.create(table: "\(table)_tombstone") { tombstone in
                    tombstone.primaryKey("id", .text)
                    tombstone.column("seq", .integer).notNull()
                }
                try db.execute(sql: "CREATE INDEX \(table)_tombstone_seq ON \(table)_tombstone(seq)")
            }
            try db.create(table: "feed") { feed in
                feed.primaryKey("kind", .text)
                feed.column("sequence", .integer).notNull()
            }
            for kind in [RecordKind.posting, .profile] {
                try db.execute(sql: "INSERT INTO feed(kind, sequence) SELECT ?, COALESCE(MAX(seq), 0) FROM \(kind.rawValue)",
                               arguments: [kind.rawValue])
            }
            try db.drop(table: "meta")
        }
        // v3: the access record (who read whose personal data, when).
        migrator.registerMigration("v3-access-record") { db in
            try db.create(table: "access_log") { table in
                table.autoIncrementedPrimaryKey("seq")
                table.column("at", .double).notNull()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("subject", .text).notNull()
                table.column("profile_ids", .text).notNull()
            }
            try db.execute(sql: "CREATE INDEX access_log_at ON access_log(at)")
        }
        // v4: what names the store, and the mark of each write transaction (an index tells its store's history by them).
        migrator.registerMigration("v4-history") { db in
            try db.create(table: "store_identity") { table in
                table.column("identity", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO store_identity(identity) VALUES (?)", arguments: [HistoryMark.newToken()])
            try db.create(table: "history") { table in
                table.column("kind", .text).notNull()
                table.column("sequence", .integer).notNull()
                table.column("token", .text).notNull()
                table.primaryKey(["kind", "sequence"])
            }
            // The feed as it stands is the first mark: an index saved at that number before the upgrade is rebuilt anyway
            // (its documents' layout changed with this version).
            for kind in [RecordKind.posting, .profile] {
                try db.execute(sql: "INSERT INTO history(kind, sequence, token) SELECT ?, sequence, ? FROM feed WHERE kind = ?",
                               arguments: [kind.rawValue, HistoryMark.newToken(), kind.rawValue])
            }
        }
        // v5: job alerts, the reverse matcher's cursor, postings sent or waiting for a digest, the outbox.
        migrator.registerMigration("v5-alerts") { db in
            try db.execute(sql: """
                CREATE TABLE alert(id TEXT PRIMARY KEY, document TEXT NOT NULL, status TEXT NOT NULL, mode TEXT NOT NULL,
                                   digest_hour INTEGER NOT NULL, profile_id TEXT, confirm_token TEXT, unsubscribe_token TEXT NOT NULL,
                                   last_digest TEXT);
                CREATE INDEX alert_profile ON alert(profile_id);
                CREATE UNIQUE INDEX alert_confirm ON alert(confirm_token);
                CREATE UNIQUE INDEX alert_unsubscribe ON alert(unsubscribe_token);
                CREATE TABLE alert_sent(alert_id TEXT NOT NULL, posting_id TEXT NOT NULL, PRIMARY KEY(alert_id, posting_id)) WITHOUT ROWID;
                CREATE TABLE alert_digest(alert_id TEXT NOT NULL, posting_id TEXT NOT NULL, summary TEXT NOT NULL,
                                          PRIMARY KEY(alert_id, posting_id)) WITHOUT ROWID;
                CREATE TABLE outbox(id TEXT PRIMARY KEY, alert_id TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
                                    due REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, last_error TEXT,
                                    lease_until REAL NOT NULL DEFAULT 0, sent_at REAL);
                CREATE INDEX outbox_due ON outbox(status, due);
                CREATE INDEX outbox_alert ON outbox(alert_id);
                CREATE TABLE alert_state(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO alert_state(key, value) VALUES ('version', 0);
                INSERT INTO alert_state(key, value) SELECT 'cursor', sequence FROM feed WHERE kind = 'posting';
                """)
        }
        // v6: referrals, a third table of the change feed (replicas and indexes follow it like the others), found by candidate.
        migrator.registerMigration("v6-referrals") { db in
            try db.execute(sql: """
                CREATE TABLE referral(id TEXT PRIMARY KEY, document TEXT NOT NULL, seq INTEGER NOT NULL);
                CREATE INDEX referral_seq ON referral(seq);
                CREATE INDEX referral_candidate ON referral(json_extract(document, '$.candidate'));
                CREATE TABLE referral_tombstone(id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
                CREATE INDEX referral_tombstone_seq ON referral_tombstone(seq);
                INSERT INTO feed(kind, sequence) VALUES ('referral', 0);
                """)
        }
        return migrator
    }
}
