import Foundation
import GRDB
import JobRecords

/// Alerts and the outbox in the store's SQLite file (tables `alert`, `alert_sent`, `alert_digest`, `outbox`,
/// `alert_state`: see the v5 migration).
extension SQLiteJobStore: AlertStore {
    public func saveAlert(_ alert: JobAlert) throws {
        let document = try JSONValueEncoder.text(alert)
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO alert(id, document, status, mode, digest_hour, profile_id, confirm_token, unsubscribe_token)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET document = excluded.document, status = excluded.status, mode = excluded.mode,
                    digest_hour = excluded.digest_hour, profile_id = excluded.profile_id, confirm_token = excluded.confirm_token,
                    unsubscribe_token = excluded.unsubscribe_token
                """, arguments: [alert.id, document, alert.status.rawValue, alert.mode.rawValue, alert.digestHour, alert.profileID,
                                 alert.confirmToken, alert.unsubscribeToken])
            try Self.bumpAlertsVersion(db)
        }
    }

    public func alert(id: String) throws -> JobAlert? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM alert WHERE id = ?", arguments: [id]).map(Self.readAlert)
        }
    }

    public func alert(token: String) throws -> JobAlert? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM alert WHERE confirm_token = ? OR unsubscribe_token = ?",
                                arguments: [token, token]).map(Self.readAlert)
        }
    }

    public func alerts(after id: String?, profile: String?, limit: Int) throws -> [JobAlert] {
        try database.read { db in
            try String.fetchAll(db, sql: """
                SELECT document FROM alert WHERE id > ? AND (? IS NULL OR profile_id = ?) ORDER BY id LIMIT ?
                """, arguments: [id ?? "", profile, profile, limit]).map(Self.readAlert)
        }
    }

    public func removeAlert(id: String) throws -> Bool {
        try database.write { db in
            try Self.removeAlerts(db, whereSQL: "id = ?", argument: id) > 0
        }
    }

    public func alertsVersion() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM alert_state WHERE key = 'version'") ?? 0 }
    }

    public func alertCursor() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM alert_state WHERE key = 'cursor'") ?? 0 }
    }

    public func recordMatches(_ matches: [AlertMatch], through sequence: Int64, newID: () -> String) throws -> Int {
        try database.write { db in
            var fresh: [AlertMatch] = []
            for match in matches {
                // Still an active alert (it may have been removed or unsubscribed since the matcher read it)?
                guard try String.fetchOne(db, sql: "SELECT status FROM alert WHERE id = ?", arguments: [match.alertID])
                    == JobAlert.Status.active.rawValue else { continue }
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO alert_sent(alert_id, posting_id) VALUES (?, ?)")
                    .execute(arguments: [match.alertID, match.postingID])
                guard db.changesCount > 0 else { continue }  // sent before: a change that does not make it newly fit
                fresh.append(match)
                if !match.instant {
                    try db.cachedStatement(sql: "INSERT OR REPLACE INTO alert_digest(alert_id, posting_id, summary) VALUES (?, ?, ?)")
                        .execute(arguments: [match.alertID, match.postingID, match.summary])
                }
            }
            let messages = OutboxMessage.messages(for: fresh, newID: newID)
            for message in messages { try Self.insert(message, db) }
            try db.execute(sql: "UPDATE alert_state SET value = ? WHERE key = 'cursor' AND value < ?", arguments: [sequence, sequence])
            return messages.count
        }
    }

    public func queue(_ message: OutboxMessage) throws {
        try database.write { db in try Self.insert(message, db) }
    }

    public func composeDigests(day: String, hour: Int, at time: Double, newID: () -> String) throws -> Int {
        try database.write { db in
            let due = try String.fetchAll(db, sql: """
                SELECT id FROM alert WHERE mode = 'daily' AND status = 'active' AND digest_hour <= ?
                    AND (last_digest IS NULL OR last_digest < ?) AND EXISTS (SELECT 1 FROM alert_digest WHERE alert_id = alert.id)
                """, arguments: [hour, day])
            for alert in due {
                let summaries = try String.fetchAll(db, sql: "SELECT summary FROM alert_digest WHERE alert_id = ? ORDER BY posting_id",
                                                    arguments: [alert])
                try Self.insert(OutboxMessage(id: newID(), alertID: alert, kind: .postings, payload: OutboxMessage.postingsPayload(summaries),
                                              due: time), db)
                try db.execute(sql: "DELETE FROM alert_digest WHERE alert_id = ?", arguments: [alert])
                try db.execute(sql: "UPDATE alert SET last_digest = ? WHERE id = ?", arguments: [day, alert])
            }
            return due.count
        }
    }

    public func claimDueMessages(now: Double, limit: Int, lease: Double) throws -> [OutboxMessage] {
        try database.write { db in
            let messages = try Row.fetchAll(db, sql: """
                SELECT id, alert_id, kind, payload, due, attempts, status, last_error FROM outbox
                WHERE status = 'pending' AND due <= ? AND lease_until <= ? ORDER BY due LIMIT ?
                """, arguments: [now, now, limit]).map(Self.message)
            for message in messages {
                try db.execute(sql: "UPDATE outbox SET lease_until = ? WHERE id = ?", arguments: [now + lease, message.id])
            }
            return messages
        }
    }

    public func markSent(_ id: String, at time: Double) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, lease_until = 0 WHERE id = ?",
                           arguments: [time, id])
        }
    }

    public func markWithdrawn(_ id: String, reason: String) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE outbox SET status = 'withdrawn', last_error = ?, lease_until = 0 WHERE id = ?", arguments: [reason, id])
        }
    }

    public func markFailed(_ id: String, error: String, retryAt: Double?) throws {
        try database.write { db in
            try db.execute(sql: """
                UPDATE outbox SET attempts = attempts + 1, last_error = ?, lease_until = 0,
                    status = CASE WHEN ? IS NULL THEN 'dead' ELSE status END, due = COALESCE(?, due) WHERE id = ?
                """, arguments: [String(error.prefix(500)), retryAt, retryAt, id])
        }
    }

    public func message(id: String) throws -> OutboxMessage? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT id, alert_id, kind, payload, due, attempts, status, last_error FROM outbox WHERE id = ?",
                             arguments: [id]).map(Self.message)
        }
    }

    public func outboxCounts() throws -> OutboxCounts {
        try database.read { db in
            var counts = OutboxCounts(pending: 0, sent: 0, dead: 0, withdrawn: 0, alerts: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert") ?? 0)
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM outbox GROUP BY status") {
                switch OutboxMessage.Status(rawValue: row[0]) {
                case .pending?: counts.pending = row[1]
                case .sent?: counts.sent = row[1]
                case .dead?: counts.dead = row[1]
                case .withdrawn?: counts.withdrawn = row[1]
                case nil: break
                }
            }
            return counts
        }
    }

    // MARK: Helpers

    /// A candidate's alerts, when their profile is deleted (in the deleting transaction).
    static func removeAlerts(ofProfile id: String, _ db: Database) throws {
        try removeAlerts(db, whereSQL: "profile_id = ?", argument: id)
    }

    @discardableResult
    private static func removeAlerts(_ db: Database, whereSQL: String, argument: String) throws -> Int {
        let ids = try String.fetchAll(db, sql: "SELECT id FROM alert WHERE \(whereSQL)", arguments: [argument])
        for id in ids {
            // Sent messages are kept (without contact: their payload names postings only); the others go.
            try db.execute(sql: "DELETE FROM outbox WHERE alert_id = ? AND status <> 'sent'", arguments: [id])
            try db.execute(sql: "DELETE FROM alert_digest WHERE alert_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM alert_sent WHERE alert_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM alert WHERE id = ?", arguments: [id])
        }
        if !ids.isEmpty { try bumpAlertsVersion(db) }
        return ids.count
    }

    private static func bumpAlertsVersion(_ db: Database) throws {
        try db.execute(sql: "UPDATE alert_state SET value = value + 1 WHERE key = 'version'")
    }

    private static func insert(_ message: OutboxMessage, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO outbox(id, alert_id, kind, payload, due, attempts, status) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [message.id, message.alertID, message.kind.rawValue, message.payload, message.due, message.attempts,
                                     message.status.rawValue])
    }

    private static func message(_ row: Row) -> OutboxMessage {
        OutboxMessage(id: row[0], alertID: row[1], kind: OutboxMessage.Kind(rawValue: row[2]) ?? .postings, payload: row[3], due: row[4],
                      attempts: row[5], status: OutboxMessage.Status(rawValue: row[6]) ?? .pending, lastError: row[7])
    }

    private static func readAlert(_ document: String) throws -> JobAlert {
        switch JobAlert.read(document) {
        case .success(let alert): return alert
        case .failure(let problems): throw AlertStoreError(message: "a stored alert cannot be read: \(problems)")
        }
    }
}

/// A stored alert that this version cannot read.
public struct AlertStoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
