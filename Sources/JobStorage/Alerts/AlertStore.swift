import JobRecords

/// Where alerts, the reverse matcher's progress and the outbox are kept: in the same database as the postings,
/// so that what a posting's change causes is written in one transaction with the progress through the feed
/// (a crash loses no notification and queues none twice).
///
/// ## The reverse matcher's cursor
/// ``alertCursor()`` is the number of the postings' feed up to which changes have been matched against the
/// alerts. ``recordMatches(_:through:newID:)`` moves it in the transaction that queues what the changes
/// caused; a restart starts again after it. A posting already sent for an alert (``AlertMatch/postingID``)
/// is never queued for it again, whatever later changes it has.
///
/// ## Claiming messages
/// ``claimDueMessages(now:limit:lease:)`` marks what it returns as taken for `lease` seconds, in one
/// transaction, so that two processes sending from one store (the server and a `hezamatch alerts send` run by
/// cron) never take the same message; a message whose sender died is taken again when its lease ends.
public protocol AlertStore: Sendable {
    /// Keeps `alert` (a new one, or a new state of one: confirmed).
    func saveAlert(_ alert: JobAlert) throws
    func alert(id: String) throws -> JobAlert?
    /// The alert whose confirmation or unsubscribe secret is `token`.
    func alert(token: String) throws -> JobAlert?
    /// Alerts in id order after `id`, at most `limit`; `profile` keeps a candidate's only.
    func alerts(after id: String?, profile: String?, limit: Int) throws -> [JobAlert]
    /// Removes the alert, the postings waiting for its digest and its messages not yet sent. `false` when none.
    func removeAlert(id: String) throws -> Bool
    /// A number that changes whenever an alert is saved or removed (by any process).
    func alertsVersion() throws -> Int64

    func alertCursor() throws -> Int64
    /// Queues the matches not sent before (one message per instant alert; daily ones wait for their digest) and
    /// moves the cursor to `sequence`, in one transaction. Returns the messages queued.
    @discardableResult
    func recordMatches(_ matches: [AlertMatch], through sequence: Int64, newID: () -> String) throws -> Int
    /// Queues one message (a confirmation link).
    func queue(_ message: OutboxMessage) throws
    /// For every active daily alert whose hour has come (`hour` ≥ its hour) and whose digest of `day` was not
    /// made: one message with the postings waiting for it. Returns the messages queued.
    @discardableResult
    func composeDigests(day: String, hour: Int, at time: Double, newID: () -> String) throws -> Int
    /// Pending messages due at `now`, not taken by another sender, taken for `lease` seconds.
    func claimDueMessages(now: Double, limit: Int, lease: Double) throws -> [OutboxMessage]
    func markSent(_ id: String, at time: Double) throws
    /// Not sent, and never to be: its postings closed or no longer fit (``OutboxMessage/Status/withdrawn``).
    func markWithdrawn(_ id: String, reason: String) throws
    /// Another try at `retryAt`, or dead when `nil`.
    func markFailed(_ id: String, error: String, retryAt: Double?) throws
    func message(id: String) throws -> OutboxMessage?
    func outboxCounts() throws -> OutboxCounts
}
