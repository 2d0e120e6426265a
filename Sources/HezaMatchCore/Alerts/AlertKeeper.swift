import Foundation
import Synchronization
import JobRecords
import JobStorage
import JobMatching
import SearchIndex

/// Job alerts over a board: who subscribed to what, who a posting is for, and the outbox's delivery.
///
/// | step | when | does |
/// |---|---|---|
/// | ``add(_:createdBy:confirmed:)`` | a counsellor, the public page, the tool | checks the request, saves the alert, indexes it |
/// | ``percolate(now:)`` | after every change of the postings' feed | decides, once, who each changed posting is for; queues it |
/// | ``composeDigests(now:)`` | every minute | a daily alert's postings in one message at its hour |
/// | ``deliver(now:using:)`` | continuously | sends what is due, retries with backoff, gives up after the last |
///
/// Saved searches (compiled: ``JobMatcher/criteria(for:postings:employers:)``) and profile alerts (their trades:
/// ``JobMatcher/criteria(for:)``) are kept in memory in one ``AlertIndex``; a profile alert found there is then
/// checked as the shortlist would rank the candidate (``JobMatcher/alertFit(posting:profile:asOf:)``). Another process's changes to the alerts (a `hezamatch alerts add` beside the server) are seen by
/// ``AlertStore/alertsVersion()`` and reloaded.
public final class AlertKeeper: Sendable {
    public let board: JobBoard
    /// The alerts' store: callers read it through ``alert(id:)``, ``alerts(after:profile:limit:)`` and ``outboxCounts()``.
    let store: any AlertStore
    /// The public address of the Heza Works page, for the links in messages (`https://viec.heza.gov.vn`).
    public let publicURL: String
    /// No message in these hours (`nil`: none); a daily digest's hour must fall outside them.
    public let quietHours: QuietHours?

    /// Waits between tries of a message that failed: 10 s, 1 min, 5 min, 30 min, 2 h; then it is dead.
    public static let retryDelays: [TimeInterval] = [10, 60, 300, 1_800, 7_200]

    /// How long a sender holds the messages it took (the senders' timeout, 10 s, and a margin): a sender killed
    /// while sending leaves them to the next after this.
    public static let lease: TimeInterval = 15

    struct State: Sendable {
        /// Saved searches and profile alerts, filed by the terms a posting must have.
        var index = AlertIndex()
        var modes: [String: JobAlert.Mode] = [:]
        var version: Int64 = -1
    }
    private let state = Mutex(State())

    public init(board: JobBoard, publicURL: String, quietHours: QuietHours? = .evening) throws {
        guard let store = board.store as? any AlertStore else {
            throw MatchError(.invalidParameter, "\(board.store.location) keeps no job alerts")
        }
        self.board = board
        self.store = store
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.quietHours = quietHours
    }

    // MARK: Subscriptions

    /// Checks and saves an alert: active at once when `confirmed` (a counsellor's, the tool's), else pending until
    /// the link mailed to its address is opened (a confirmation message is queued).
    ///
    /// - Throws: ``MatchError`` `.unknownProfile` for a profile the store does not have, `.unknownPlace` for a place
    ///   no one can read, `.invalidParameter` for a search that cannot be understood.
    public func add(_ request: JobAlert.Request, createdBy: String, confirmed: Bool, now: Date = Date()) async throws -> JobAlert {
        if case .profile(let id) = request.subject, try board.store.documents(of: .profile, ids: [id]).isEmpty {
            throw MatchError(.unknownProfile, "no candidate \(id) in \(board.store.location)")
        }
        if request.mode == .daily, let quietHours, quietHours.contains(hour: request.digestHour) {
            throw MatchError(.invalidParameter, "digest_hour \(request.digestHour) falls in the quiet hours (\(quietHours.from):00 to \(quietHours.until):00)")
        }
        let criteria = try criteria(for: request.subject)
        // The postings changed before the alert are matched to the alerts before it: a new alert hears of what comes next.
        try percolate(now: now)
        let alert = JobAlert(id: "A-" + Self.newID().prefix(12), subject: request.subject, delivery: request.delivery, mode: request.mode,
                             digestHour: request.digestHour, status: confirmed ? .active : .pendingConfirmation, createdBy: createdBy,
                             createdAt: Instant.text(now.timeIntervalSince1970), confirmToken: confirmed ? nil : Self.newID(), unsubscribeToken: Self.newID())
        let before = try store.alertsVersion()
        try store.saveAlert(alert)
        remember(alert, criteria: criteria, versionBefore: before)
        if !confirmed {
            try store.queue(OutboxMessage(id: Self.newID(), alertID: alert.id, kind: .confirmation, payload: "{}", due: now.timeIntervalSince1970))
        }
        try await board.store.recordAccess(AccessRecord(actor: createdBy, action: "alert created", subject: alert.id,
                                                        profileIDs: alert.profileID.map { [$0] } ?? []), retention: board.accessRetention)
        return alert
    }

    /// The alert `id`, or `nil`.
    public func alert(id: String) throws -> JobAlert? {
        try store.alert(id: id)
    }

    /// Up to `limit` alerts after `id` (in id order), of one candidate's profile or all.
    public func alerts(after id: String?, profile: String?, limit: Int) throws -> [JobAlert] {
        try store.alerts(after: id, profile: profile, limit: limit)
    }

    /// The outbox's messages by state (pending, sent, dead, withdrawn).
    public func outboxCounts() throws -> OutboxCounts {
        try store.outboxCounts()
    }

    /// Opens a public alert's confirmation link: the alert becomes active. `nil` for a token that is no one's.
    public func confirm(token: String) throws -> JobAlert? {
        guard var alert = try store.alert(token: token), alert.confirmToken == token else { return nil }
        if alert.status == .pendingConfirmation {
            alert.status = .active
            let before = try store.alertsVersion()
            try store.saveAlert(alert)
            remember(alert, criteria: try? criteria(for: alert.subject), versionBefore: before)
        }
        return alert
    }

    /// Removes an alert, by a counsellor, the tool, or its unsubscribe link; its pending messages go with it.
    public func remove(id: String, by actor: String) async throws -> Bool {
        let alert = try store.alert(id: id)
        let before = try store.alertsVersion()
        guard try store.removeAlert(id: id) else { return false }
        forget(id, versionBefore: before)
        try await board.store.recordAccess(AccessRecord(actor: actor, action: "alert removed", subject: id,
                                                        profileIDs: alert?.profileID.map { [$0] } ?? []), retention: board.accessRetention)
        return true
    }

    /// The unsubscribe link: the alert whose secret `token` is, removed. `nil` for a token that is no one's.
    public func unsubscribe(token: String) async throws -> JobAlert? {
        guard let alert = try store.alert(token: token), alert.unsubscribeToken == token else { return nil }
        _ = try await remove(id: alert.id, by: "unsubscribe link")
        return alert
    }

    /// What the reverse matcher files the alert under: a saved search compiled as the postings read today; a
    /// profile's trades.
    ///
    /// - Throws: ``MatchError`` for a search that cannot be understood, `.invalidParameter` for a profile that
    ///   names no trade (its alert could never be sent), `.unknownProfile`.
    public func criteria(for subject: JobAlert.Subject) throws -> SavedSearchCriteria {
        switch subject {
        case .search(let saved):
            return try board.matcher.criteria(for: saved, postings: try board.postings.index().snapshot, employers: board.aids.current()?.employers)
        case .profile(let id):
            guard let profile = try board.profile(id: id) else { throw MatchError(.unknownProfile, "no candidate \(id) in \(board.store.location)") }
            guard let criteria = board.matcher.criteria(for: profile) else {
                throw MatchError(.invalidParameter, "candidate \(id)'s profile names no trade HezaMatch knows: add desired titles or skills first")
            }
            return criteria
        }
    }

    private func remember(_ alert: JobAlert, criteria: SavedSearchCriteria?, versionBefore: Int64) {
        state.withLock { state in
            state.index.remove(id: alert.id)
            state.modes[alert.id] = nil
            if alert.status == .active, let criteria {
                state.modes[alert.id] = alert.mode
                state.index.insert(id: alert.id, criteria: criteria, candidate: alert.profileID)
            }
            if state.version == versionBefore { state.version += 1 }
        }
    }

    private func forget(_ id: String, versionBefore: Int64) {
        state.withLock { state in
            state.index.remove(id: id)
            state.modes[id] = nil
            if state.version == versionBefore { state.version += 1 }
        }
    }

    /// Reads every alert again when another process changed them (or at the first call).
    public func refresh() throws {
        let version = try store.alertsVersion()
        guard state.withLock({ $0.version }) != version else { return }
        var fresh = State()
        fresh.version = version
        var after: String? = nil
        while true {
            let page = try store.alerts(after: after, profile: nil, limit: 5_000)
            guard let last = page.last else { break }
            for alert in page where alert.status == .active {
                // A search that no longer reads (a place removed from the map) is skipped, not fatal.
                guard let criteria = try? criteria(for: alert.subject) else { continue }
                fresh.modes[alert.id] = alert.mode
                fresh.index.insert(id: alert.id, criteria: criteria, candidate: alert.profileID)
            }
            after = last.id
        }
        state.withLock { $0 = fresh }
    }

    // MARK: Reverse matching

    /// What one pass of reverse matching did.
    public struct Percolation: Sendable, Hashable {
        public var postings = 0
        public var matches = 0
        public var queued = 0
        public var through: Int64 = 0
    }

    /// Decides who each posting changed since the cursor is for, and queues it, moving the cursor in the same
    /// transaction. Deleted postings and postings past their deadline are for no one; a posting already sent to an
    /// alert is not sent to it again.
    @discardableResult
    public func percolate(now: Date = Date()) throws -> Percolation {
        try refresh()
        var report = Percolation()
        var cursor = try store.alertCursor()
        report.through = cursor
        let today = HaiPhongClock.day(now)
        let due = (quietHours?.end(after: now) ?? now).timeIntervalSince1970
        while true {
            let changes = try board.store.changes(of: .posting, after: cursor, limit: 500)
            guard let last = changes.last else { break }
            var matches: [AlertMatch] = []
            for change in changes {
                guard let document = change.document, case .success(let posting) = JobPosting.read(document) else { continue }
                if let deadline = posting.deadline, deadline < today { continue }
                report.postings += 1
                matches += try recipients(of: posting, today: today, due: due)
            }
            report.matches += matches.count
            report.queued += try store.recordMatches(matches, through: last.sequence, newID: Self.newID)
            cursor = last.sequence
            report.through = cursor
        }
        return report
    }

    /// The alerts `posting` is for (not yet checked against what was sent before), as the outbox keeps them: the
    /// posting's summary, its points and reasons for a candidate weighed when the message is sent (``deliver(now:limit:using:)``).
    func recipients(of posting: JobPosting, today: CalendarDate, due: Double) throws -> [AlertMatch] {
        let (index, modes) = state.withLock { ($0.index, $0.modes) }
        let recipients = board.matcher.recipients(of: posting, asOf: today, alerts: index)
        guard !recipients.isEmpty else { return [] }
        let text = try JSONValueEncoder.text(summary(of: posting, score: nil, explanation: "Có mọi từ của tìm kiếm đã lưu"))
        return recipients.joined().map { member in
            AlertMatch(alertID: member.id, postingID: posting.id, summary: text, instant: modes[member.id] != .daily, due: due)
        }
    }

    func summary(of posting: JobPosting, score: Double?, explanation: String) -> PostingSummary {
        PostingSummary(id: posting.id, title: posting.title, employer: posting.employer, zone: posting.zone,
                       deadline: posting.deadline?.description, score: score, explanation: explanation, url: "\(publicURL)/jobs/\(posting.id)")
    }

    /// A message's postings as they stand when it is sent: those deleted, closed, or (for a profile alert) no longer
    /// fitting the candidate (a licence the posting requires, not of the trade) are left out; a candidate's get
    /// their points and reasons. `nil` when none is left.
    func current(_ message: OutboxMessage, of alert: JobAlert, today: CalendarDate) throws -> OutboxMessage? {
        guard message.kind == .postings else { return message }
        let queued = AlertNotification(alert: alert, message: message, unsubscribeURL: "").postings
        var kept: [PostingSummary] = []
        let profile = try alert.profileID.flatMap { try board.profile(id: $0) }
        if alert.profileID != nil && profile == nil { return nil }
        for item in queued {
            guard let posting = try board.posting(id: item.id) else { continue }
            if let deadline = posting.deadline, deadline < today { continue }
            if let profile {
                guard let fit = board.matcher.alertFit(posting: posting, profile: profile, asOf: today) else { continue }
                kept.append(summary(of: posting, score: fit.score, explanation: fit.explanation))
            } else {
                kept.append(summary(of: posting, score: nil, explanation: item.explanation))
            }
        }
        guard !kept.isEmpty else { return nil }
        var current = message
        current.payload = "{\"postings\":" + (try JSONValueEncoder.text(kept)) + "}"
        return current
    }

    /// Daily alerts whose hour has come: their waiting postings in one message.
    @discardableResult
    public func composeDigests(now: Date = Date()) throws -> Int {
        let hour = HaiPhongClock.hour(now)
        if let quietHours, quietHours.contains(hour: hour) { return 0 }
        return try store.composeDigests(day: HaiPhongClock.day(now).description, hour: hour, at: now.timeIntervalSince1970, newID: Self.newID)
    }

    // MARK: Delivery

    /// What one delivery pass did.
    public struct Delivery: Sendable, Hashable {
        public var sent = 0
        public var failed = 0
        public var dead = 0
        public var withdrawn = 0
    }

    /// Sends the messages due, each through `sender`; a failure is tried again after ``retryDelays``, then dead.
    @discardableResult
    public func deliver(now: Date = Date(), limit: Int = 100, using sender: any AlertSender) async throws -> Delivery {
        var report = Delivery()
        for message in try store.claimDueMessages(now: now.timeIntervalSince1970, limit: limit, lease: Self.lease) {
            guard let alert = try store.alert(id: message.alertID) else {
                try store.markFailed(message.id, error: "the alert was removed", retryAt: nil)
                report.dead += 1
                continue
            }
            guard let message = try current(message, of: alert, today: HaiPhongClock.day(now)) else {
                try store.markWithdrawn(message.id, reason: "no posting of it is open and fitting any more")
                report.withdrawn += 1
                continue
            }
            let notification = AlertNotification(alert: alert, message: message,
                                                 unsubscribeURL: "\(publicURL)/v1/alerts/unsubscribe?token=\(alert.unsubscribeToken)",
                                                 confirmURL: alert.confirmToken.map { "\(publicURL)/v1/alerts/confirm?token=\($0)" })
            do {
                try await sender.send(notification)
                try store.markSent(message.id, at: now.timeIntervalSince1970)
                report.sent += 1
            } catch {
                let retry = message.attempts < Self.retryDelays.count
                    ? now.timeIntervalSince1970 + Self.retryDelays[message.attempts] : nil
                // The error says what the receiver answered, never the address.
                try store.markFailed(message.id, error: String(describing: error), retryAt: retry)
                if retry == nil { report.dead += 1 } else { report.failed += 1 }
            }
        }
        return report
    }

    // MARK: Helpers

    /// 128 random bits as 32 hex digits: notification ids and link secrets.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
