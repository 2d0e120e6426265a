/// "Tell me when a job like this appears": a saved search or a candidate's profile, a contact, a rhythm.
///
/// The contact (an e-mail address, a webhook) is personal data: it is kept with the alert only, never in a
/// notification waiting in the outbox, never logged, and it is gone when the alert is removed or the
/// candidate's profile erased.
public struct JobAlert: Sendable, Hashable {
    /// What the alert looks for.
    public enum Subject: Sendable, Hashable {
        /// Postings a search finds with every one of its words (or a synonym) and all of its filters.
        case search(SavedSearch)
        /// Postings a candidate fits, as `match` and the shortlist decide (the profile's id).
        case profile(String)
    }

    /// Where its messages go.
    public enum Delivery: Sendable, Hashable {
        /// A signed JSON POST to an operator-approved host (the operator's Zalo or SMS gateway).
        case webhook(String)
        /// A message in Vietnamese, through the operator's SMTP server.
        case email(String)

        public var isEmail: Bool { if case .email = self { true } else { false } }
    }

    /// When its messages go.
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnumeration {
        /// As soon as a posting fits (outside quiet hours).
        case instant
        /// One digest a day, at ``JobAlert/digestHour``.
        case daily

        public static var kindName: String { "mode" }
    }

    public enum Status: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnumeration {
        case active
        /// Saved from the public page: nothing is sent until the link mailed to the address is opened.
        case pendingConfirmation = "pending_confirmation"

        public static var kindName: String { "status" }
    }

    public var id: String
    public var subject: Subject
    public var delivery: Delivery
    public var mode: Mode
    /// The hour of a daily digest, Hải Phòng time (0 to 23); 7 unless asked.
    public var digestHour: Int
    public var status: Status
    /// Who made it: a token's label, `public page`, or `hezamatch`.
    public var createdBy: String
    /// When, as an ISO 8601 instant (`2026-12-06T10:00:00Z`).
    public var createdAt: String
    /// The secret of the confirmation link (public alerts, until confirmed).
    public var confirmToken: String?
    /// The secret of the unsubscribe link every message carries.
    public var unsubscribeToken: String

    public init(id: String, subject: Subject, delivery: Delivery, mode: Mode = .instant, digestHour: Int = 7,
                status: Status = .active, createdBy: String, createdAt: String, confirmToken: String? = nil, unsubscribeToken: String) {
        self.id = id
        self.subject = subject
        self.delivery = delivery
        self.mode = mode
        self.digestHour = digestHour
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.confirmToken = confirmToken
        self.unsubscribeToken = unsubscribeToken
    }

    /// The candidate a profile alert is for.
    public var profileID: String? { if case .profile(let id) = subject { id } else { nil } }
}
