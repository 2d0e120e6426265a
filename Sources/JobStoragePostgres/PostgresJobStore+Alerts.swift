import Foundation
import JobRecords
import JobStorage
import PostgresNIO

/// Alerts and the outbox on PostgreSQL, as on SQLite (``SQLiteJobStore``'s tables, the same names), shared by
/// every replica: each replica matches the postings' feed after the shared cursor (a posting already queued for
/// an alert is not queued again, whoever queued it), and messages are claimed with `FOR UPDATE SKIP LOCKED` and a
/// lease, so that exactly one replica sends each.
extension PostgresJobStore: AlertStore {
    static func createAlertSchema(_ connection: PostgresConnection, _ store: PostgresJobStore) throws {
        for statement in [
            """
            CREATE TABLE IF NOT EXISTS alert (id text PRIMARY KEY, document text NOT NULL, status text NOT NULL, mode text NOT NULL,
                digest_hour integer NOT NULL, profile_id text, confirm_token text UNIQUE, unsubscribe_token text NOT NULL UNIQUE, last_digest text)
            """,
            "CREATE INDEX IF NOT EXISTS alert_profile ON alert(profile_id)",
            "CREATE TABLE IF NOT EXISTS alert_sent (alert_id text NOT NULL, posting_id text NOT NULL, PRIMARY KEY (alert_id, posting_id))",
            """
            CREATE TABLE IF NOT EXISTS alert_digest (alert_id text NOT NULL, posting_id text NOT NULL, summary text NOT NULL,
                PRIMARY KEY (alert_id, posting_id))
            """,
            """
            CREATE TABLE IF NOT EXISTS outbox (id text PRIMARY KEY, alert_id text NOT NULL, kind text NOT NULL, payload text NOT NULL,
                due double precision NOT NULL, attempts integer NOT NULL DEFAULT 0, status text NOT NULL, last_error text,
                lease_until double precision NOT NULL DEFAULT 0, sent_at double precision)
            """,
            "CREATE INDEX IF NOT EXISTS outbox_due ON outbox(status, due)",
            "CREATE INDEX IF NOT EXISTS outbox_alert ON outbox(alert_id)",
            "CREATE TABLE IF NOT EXISTS alert_state (key text PRIMARY KEY, value bigint NOT NULL)",
            "INSERT INTO alert_state(key, value) VALUES ('version', 0) ON CONFLICT (key) DO NOTHING",
            "INSERT INTO alert_state(key, value) SELECT 'cursor', sequence FROM feed WHERE kind = 'posting' ON CONFLICT (key) DO NOTHING",
        ] {
            _ = try store.run(connection, PostgresQuery(unsafeSQL: statement))
        }
    }

    /// Runs `body` in one transaction.
    private func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection(retrying: false) { connection in
            _ = try run(connection, "BEGIN")
            do {
                let value = try body(connection)
                _ = try run(connection, "COMMIT")
                return value
            } catch {
                _ = try? run(connection, "ROLLBACK")
                throw error
            }
        }
    }

    public func saveAlert(_ alert: JobAlert) throws {
        let document = try JSONValueEncoder.text(alert)
        try transaction { connection in
            _ = try run(connection, """
                INSERT INTO alert(id, document, status, mode, digest_hour, profile_id, confirm_token, unsubscribe_token)
                VALUES (\(alert.id), \(document), \(alert.status.rawValue), \(alert.mode.rawValue), \(alert.digestHour), \(alert.profileID),
                        \(alert.confirmToken), \(alert.unsubscribeToken))
                ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, status = EXCLUDED.status, mode = EXCLUDED.mode,
                    digest_hour = EXCLUDED.digest_hour, profile_id = EXCLUDED.profile_id, confirm_token = EXCLUDED.confirm_token,
                    unsubscribe_token = EXCLUDED.unsubscribe_token
                """)
            _ = try run(connection, "UPDATE alert_state SET value = value + 1 WHERE key = 'version'")
        }
    }

    public func alert(id: String) throws -> JobAlert? {
        try withConnection(retrying: true) { connection in
            for row in try run(connection, "SELECT document FROM alert WHERE id = \(id)") { return try Self.readAlert(try row.decode(String.self)) }
            return nil
        }
    }

    public func alert(token: String) throws -> JobAlert? {
        try withConnection(retrying: true) { connection in
            for row in try run(connection, "SELECT document FROM alert WHERE confirm_token = \(token) OR unsubscribe_token = \(token)") {
                return try Self.readAlert(try row.decode(String.self))
            }
            return nil
        }
    }

    public func alerts(after id: String?, profile: String?, limit: Int) throws -> [JobAlert] {
        try withConnection(retrying: true) { connection in
            try run(connection, """
                SELECT document FROM alert WHERE id > \(id ?? "") AND (\(profile)::text IS NULL OR profile_id = \(profile))
                ORDER BY id LIMIT \(Int64(limit))
                """).map { try Self.readAlert(try $0.decode(String.self)) }
        }
    }

    public func removeAlert(id: String) throws -> Bool {
        try transaction { connection in try Self.removeAlerts(connection, self, whereProfile: nil, id: id) > 0 }
    }

    public func alertsVersion() throws -> Int64 { try state("version") }

    public func alertCursor() throws -> Int64 { try state("cursor") }

    private func state(_ key: String) throws -> Int64 {
        try withConnection(retrying: true) { connection in
            for row in try run(connection, "SELECT value FROM alert_state WHERE key = \(key)") { return try row.decode(Int64.self) }
            return 0
        }
    }

    public func recordMatches(_ matches: [AlertMatch], through sequence: Int64, newID: () -> String) throws -> Int {
        try transaction { connection in
            var active: [String: Bool] = [:]
            var fresh: [AlertMatch] = []
            for match in matches {
                if active[match.alertID] == nil {
                    active[match.alertID] = try run(connection, "SELECT 1 FROM alert WHERE id = \(match.alertID) AND status = 'active'")
                        .contains { _ in true }
                }
                guard active[match.alertID] == true else { continue }
                let inserted = try run(connection, """
                    INSERT INTO alert_sent(alert_id, posting_id) VALUES (\(match.alertID), \(match.postingID)) ON CONFLICT DO NOTHING RETURNING 1
                    """).contains { _ in true }
                guard inserted else { continue }  // sent before, by this replica or another
                fresh.append(match)
                if !match.instant {
                    _ = try run(connection, """
                        INSERT INTO alert_digest(alert_id, posting_id, summary) VALUES (\(match.alertID), \(match.postingID), \(match.summary))
                        ON CONFLICT (alert_id, posting_id) DO UPDATE SET summary = EXCLUDED.summary
                        """)
                }
            }
            let messages = OutboxMessage.messages(for: fresh, newID: newID)
            for message in messages { try Self.insert(message, connection, self) }
            _ = try run(connection, "UPDATE alert_state SET value = \(sequence) WHERE key = 'cursor' AND value < \(sequence)")
            return messages.count
        }
    }

    public func queue(_ message: OutboxMessage) throws {
        try withConnection(retrying: false) { connection in try Self.insert(message, connection, self) }
    }

    public func composeDigests(day: String, hour: Int, at time: Double, newID: () -> String) throws -> Int {
        try transaction { connection in
            // Locked, so that two replicas composing at once make one digest.
            let due = try run(connection, """
                SELECT id FROM alert WHERE mode = 'daily' AND status = 'active' AND digest_hour <= \(hour)
                    AND (last_digest IS NULL OR last_digest < \(day)) AND EXISTS (SELECT 1 FROM alert_digest WHERE alert_id = alert.id)
                FOR UPDATE SKIP LOCKED
                """).map { try $0.decode(String.self) }
            for alert in due {
                let summaries = try run(connection, "SELECT summary FROM alert_digest WHERE alert_id = \(alert) ORDER BY posting_id")
                    .map { try $0.decode(String.self) }
                try Self.insert(OutboxMessage(id: newID(), alertID: alert, kind: .postings,
                                              payload: OutboxMessage.postingsPayload(summaries), due: time), connection, self)
                _ = try run(connection, "DELETE FROM alert_digest WHERE alert_id = \(alert)")
                _ = try run(connection, "UPDATE alert SET last_digest = \(day) WHERE id = \(alert)")
            }
            return due.count
        }
    }

    public func claimDueMessages(now: Double, limit: Int, lease: Double) throws -> [OutboxMessage] {
        try withConnection(retrying: false) { connection in
            // One statement: the rows another replica is claiming are skipped, not waited for.
            try run(connection, """
                UPDATE outbox SET lease_until = \(now + lease) WHERE id IN (
                    SELECT id FROM outbox WHERE status = 'pending' AND due <= \(now) AND lease_until <= \(now)
                    ORDER BY due LIMIT \(Int64(limit)) FOR UPDATE SKIP LOCKED)
                RETURNING id, alert_id, kind, payload, due, attempts, status, last_error
                """).map(Self.message).sorted { $0.due < $1.due }
        }
    }

    public func markSent(_ id: String, at time: Double) throws {
        try withConnection(retrying: true) { connection in
            _ = try run(connection, "UPDATE outbox SET status = 'sent', sent_at = \(time), attempts = attempts + 1, lease_until = 0 WHERE id = \(id)")
        }
    }

    public func markWithdrawn(_ id: String, reason: String) throws {
        try withConnection(retrying: true) { connection in
            _ = try run(connection, "UPDATE outbox SET status = 'withdrawn', last_error = \(reason), lease_until = 0 WHERE id = \(id)")
        }
    }

    public func markFailed(_ id: String, error: String, retryAt: Double?) throws {
        try withConnection(retrying: true) { connection in
            _ = try run(connection, """
                UPDATE outbox SET attempts = attempts + 1, last_error = \(String(error.prefix(500))), lease_until = 0,
                    status = CASE WHEN \(retryAt)::double precision IS NULL THEN 'dead' ELSE status END,
                    due = COALESCE(\(retryAt)::double precision, due) WHERE id = \(id)
                """)
        }
    }

    public func message(id: String) throws -> OutboxMessage? {
        try withConnection(retrying: true) { connection in
            try run(connection, "SELECT id, alert_id, kind, payload, due, attempts, status, last_error FROM outbox WHERE id = \(id)")
                .map(Self.message).first
        }
    }

    public func outboxCounts() throws -> OutboxCounts {
        try withConnection(retrying: true) { connection in
            var counts = OutboxCounts(pending: 0, sent: 0, dead: 0, withdrawn: 0, alerts: 0)
            for row in try run(connection, "SELECT COUNT(*) FROM alert") { counts.alerts = Int(try row.decode(Int64.self)) }
            for row in try run(connection, "SELECT status, COUNT(*) FROM outbox GROUP BY status") {
                let (status, count) = try row.decode((String, Int64).self)
                switch OutboxMessage.Status(rawValue: status) {
                case .pending?: counts.pending = Int(count)
                case .sent?: counts.sent = Int(count)
                case .dead?: counts.dead = Int(count)
                case .withdrawn?: counts.withdrawn = Int(count)
                case nil: break
                }
            }
            return counts
        }
    }

    // MARK: Helpers

    /// The alerts of a profile (`whereProfile`) or the one `id`, with what waits for them (in the caller's transaction).
    @discardableResult
    static func removeAlerts(_ connection: PostgresConnection, _ store: PostgresJobStore, whereProfile profile: String?, id: String?) throws -> Int {
        let ids = try store.run(connection, """
            SELECT id FROM alert WHERE (\(profile)::text IS NOT NULL AND profile_id = \(profile)) OR (\(id)::text IS NOT NULL AND id = \(id))
            """).map { try $0.decode(String.self) }
        guard !ids.isEmpty else { return 0 }
        _ = try store.run(connection, "DELETE FROM outbox WHERE alert_id = ANY(\(ids)) AND status <> 'sent'")
        _ = try store.run(connection, "DELETE FROM alert_digest WHERE alert_id = ANY(\(ids))")
        _ = try store.run(connection, "DELETE FROM alert_sent WHERE alert_id = ANY(\(ids))")
        _ = try store.run(connection, "DELETE FROM alert WHERE id = ANY(\(ids))")
        _ = try store.run(connection, "UPDATE alert_state SET value = value + 1 WHERE key = 'version'")
        return ids.count
    }

    private static func insert(_ message: OutboxMessage, _ connection: PostgresConnection, _ store: PostgresJobStore) throws {
        _ = try store.run(connection, """
            INSERT INTO outbox(id, alert_id, kind, payload, due, attempts, status)
            VALUES (\(message.id), \(message.alertID), \(message.kind.rawValue), \(message.payload), \(message.due), \(message.attempts),
                    \(message.status.rawValue))
            """)
    }

    private static func message(_ row: PostgresRow) throws -> OutboxMessage {
        let (id, alert, kind, payload, due, attempts, status, error) = try row.decode((String, String, String, String, Double, Int32, String, String?).self)
        return OutboxMessage(id: id, alertID: alert, kind: OutboxMessage.Kind(rawValue: kind) ?? .postings, payload: payload, due: due,
                             attempts: Int(attempts), status: OutboxMessage.Status(rawValue: status) ?? .pending, lastError: error)
    }

    private static func readAlert(_ document: String) throws -> JobAlert {
        switch JobAlert.read(document) {
        case .success(let alert): return alert
        case .failure(let problems): throw AlertStoreError(message: "a stored alert cannot be read: \(problems)")
        }
    }
}
