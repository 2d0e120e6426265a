/// A notification in the outbox: written in the same transaction as what caused it, sent by whichever process
/// claims it first, kept when sent (by its id, receivers drop a message they have already had).
///
/// It holds no contact: the address or URL is read from its alert when it is sent, so removing the alert (or
/// erasing the candidate) removes every way to reach the person, and the messages still waiting with it.
public struct OutboxMessage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Postings for the alert (`payload`: `{"postings": […]}`).
        case postings
        /// The double opt-in link of an alert saved on the public page (`payload`: `{}`).
        case confirmation
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case pending
        case sent
        /// Given up after the last retry (kept, with the last error, for the operator).
        case dead
        /// Not sent: by the time it was due, none of its postings was open and fitting any more.
        case withdrawn
    }

    /// The notification's id: what a receiver uses to drop a repeat.
    public var id: String
    public var alertID: String
    public var kind: Kind
    /// JSON without personal data.
    public var payload: String
    /// When it may be sent (seconds since 1970): now, or the end of quiet hours.
    public var due: Double
    public var attempts: Int
    public var status: Status
    public var lastError: String?

    public init(id: String, alertID: String, kind: Kind, payload: String, due: Double, attempts: Int = 0,
                status: Status = .pending, lastError: String? = nil) {
        self.id = id
        self.alertID = alertID
        self.kind = kind
        self.payload = payload
        self.due = due
        self.attempts = attempts
        self.status = status
        self.lastError = lastError
    }
}

extension OutboxMessage {
    /// The messages of the instant matches not sent before: one per alert, its postings in the order found (what
    /// every store queues in ``AlertStore/recordMatches(_:through:newID:)``).
    public static func messages(for fresh: [AlertMatch], newID: () -> String) -> [OutboxMessage] {
        var grouped: [(alert: String, due: Double, summaries: [String])] = []
        var position: [String: Int] = [:]
        for match in fresh where match.instant {
            if let index = position[match.alertID] {
                grouped[index].summaries.append(match.summary)
            } else {
                position[match.alertID] = grouped.count
                grouped.append((match.alertID, match.due, [match.summary]))
            }
        }
        return grouped.map { OutboxMessage(id: newID(), alertID: $0.alert, kind: .postings, payload: postingsPayload($0.summaries), due: $0.due) }
    }

    /// `{"postings": [...]}` of postings' summaries (each a JSON object).
    public static func postingsPayload(_ summaries: [String]) -> String {
        "{\"postings\":[" + summaries.joined(separator: ",") + "]}"
    }
}

/// A posting found for an alert by the reverse matching of one change of the feed.
public struct AlertMatch: Sendable, Hashable {
    public var alertID: String
    public var postingID: String
    /// The posting as the message shows it (JSON object: id, title, employer, zone, deadline, score, explanation, url).
    public var summary: String
    /// Instant alerts: a message now (``due``); daily ones: kept for the next digest.
    public var instant: Bool
    public var due: Double

    public init(alertID: String, postingID: String, summary: String, instant: Bool, due: Double) {
        self.alertID = alertID
        self.postingID = postingID
        self.summary = summary
        self.instant = instant
        self.due = due
    }
}

/// The outbox's counts, for `hezamatch status` and the operations endpoint.
public struct OutboxCounts: Sendable, Hashable, Codable {
    public var pending: Int
    public var sent: Int
    public var dead: Int
    public var withdrawn: Int
    public var alerts: Int

    public init(pending: Int, sent: Int, dead: Int, withdrawn: Int, alerts: Int) {
        (self.pending, self.sent, self.dead, self.withdrawn, self.alerts) = (pending, sent, dead, withdrawn, alerts)
    }
}
