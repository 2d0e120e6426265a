/// A candidate introduced to a posting by a counsellor, and what the employer did about it.
///
/// It remembers who referred, when, from where, and the rank, score and reasons the candidate had on the
/// list they were referred from (what `evaluate --outcomes` judges); then each move of its
/// ``Status`` (``Referral/history``), each with its time and who made it.
///
/// Personal data: the candidate's id (their name and phone are read from their profile when an employer or
/// counsellor looks), the notes and the reasons (the candidate's age, wishes, distance from home). When the candidate
/// is erased, all three go
/// (``anonymized()``); the anonymous facts stay for the counts: the posting, the employer, the zone, the
/// occupation, the candidate's category, the dates and the answer.
public struct Referral: Sendable, Hashable {
    /// Where a referral is: the states of ``ReferralRules``.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnumeration {
        /// Introduced; the employer has not answered yet.
        case referred
        /// The employer called the candidate.
        case contacted
        /// An interview is set (``Referral/interviewAt``).
        case interview
        /// Hired: final.
        case hired
        /// Refused, with a ``RefusalReason``: final.
        case refused
        /// No answer within the days allowed (`--answer-days`): closed as "không phản hồi"; a late answer still counts.
        case noAnswer = "no_answer"

        public static var kindName: String { "referral status" }

        /// Hired or refused: nothing moves a referral out of them.
        public var isFinal: Bool { self == .hired || self == .refused }

        public var vietnameseName: String {
            switch self {
            case .referred: "Đã giới thiệu"
            case .contacted: "Đã liên hệ"
            case .interview: "Hẹn phỏng vấn"
            case .hired: "Đã tuyển"
            case .refused: "Không tuyển"
            case .noAnswer: "Không phản hồi"
            }
        }

        /// What the employer's answer says of the candidate's fit, for ``JobBoard`` evaluation by outcomes:
        /// hired 3, interview 2, contacted 1, refused or no answer 0; `nil` while nothing is known.
        public var grade: Int? {
            switch self {
            case .referred: nil
            case .contacted: 1
            case .interview: 2
            case .hired: 3
            case .refused, .noAnswer: 0
            }
        }
    }

    /// Why an employer did not hire: one of a fixed list, so that refusals can be counted.
    public enum RefusalReason: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnumeration {
        case education, experience
        case licence
        case salary, distance
        case candidateDeclined = "candidate_declined"
        case noShow = "no_show"
        case other

        public static var kindName: String { "refusal reason" }

        public var vietnameseName: String {
            switch self {
            case .education: "Trình độ học vấn"
            case .experience: "Kinh nghiệm"
            case .licence: "Chứng chỉ, giấy phép"
            case .salary: "Mức lương"
            case .distance: "Khoảng cách"
            case .candidateDeclined: "Ứng viên từ chối"
            case .noShow: "Ứng viên không đến"
            case .other: "Lý do khác"
            }
        }
    }

    /// Where a referral was made.
    public enum Source: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnumeration {
        case console, api, cli, fair
        /// Made by `hezamatch referrals simulate` for a demonstration: generated, not real.
        case generated

        public static var kindName: String { "referral source" }
    }

    /// One move of the state machine, as it was made.
    public struct Move: Sendable, Hashable, Encodable {
        public var status: Status
        /// Seconds since 1970 (stored as ISO 8601, `2026-12-06T10:00:00Z`).
        public var at: Double
        /// A token's label, `cli:USER`, or `hezamatch` (closing unanswered referrals).
        public var by: String
        public var reason: RefusalReason?
        public var note: String?
        /// The interview's date and time as the employer gave it (`2026-12-10T09:00`).
        public var interviewAt: String?

        public init(status: Status, at: Double, by: String, reason: RefusalReason? = nil, note: String? = nil, interviewAt: String? = nil) {
            self.status = status
            self.at = at
            self.by = by
            self.reason = reason
            self.note = note
            self.interviewAt = interviewAt
        }
    }

    public var id: String
    /// The candidate's id; `nil` once the candidate is erased.
    public var candidate: String?
    public var posting: String
    /// The posting's employer, zone and occupation code when referred (kept when the posting is gone).
    public var employer: String
    public var zone: String?
    public var occupation: String?
    /// The candidate's category when referred (anonymous: kept after erasure, for the counts).
    public var category: CandidateCategory?
    public var source: Source
    /// The rank and score the candidate had on the list they were referred from (the shortlist, a booth of
    /// the fair's plan); `nil` when they were not on it.
    public var rank: Int?
    public var score: Double?
    /// The reasons that list showed.
    public var reasons: [String]
    /// The counsellor's note when referring (personal data: erased with the candidate).
    public var note: String?
    /// Every move, the first being `referred`; the last one is the referral's state.
    public var history: [Move]
    /// Whether the candidate was erased (their id and the notes are gone).
    public var erased: Bool

    public init(id: String, candidate: String?, posting: String, employer: String, zone: String? = nil, occupation: String? = nil,
                category: CandidateCategory? = nil, source: Source, rank: Int? = nil, score: Double? = nil, reasons: [String] = [],
                note: String? = nil, history: [Move], erased: Bool = false) {
        self.id = id
        self.candidate = candidate
        self.posting = posting
        self.employer = employer
        self.zone = zone
        self.occupation = occupation
        self.category = category
        self.source = source
        self.rank = rank
        self.score = score
        self.reasons = reasons
        self.note = note
        self.history = history
        self.erased = erased
    }

    /// The state: the last move's.
    public var status: Status { history.last?.status ?? .referred }
    /// When it was referred (the first move), in seconds since 1970.
    public var referredAt: Double { history.first?.at ?? 0 }
    public var referredBy: String { history.first?.by ?? "" }
    /// The employer's first answer (contacted, interview, hired or refused), if any.
    public var firstAnswer: Move? { history.dropFirst().first { $0.status != .noAnswer } }
    /// When the candidate was hired, if they were.
    public var hiredAt: Double? { status == .hired ? history.last?.at : nil }
    /// The interview set by the last move that set one.
    public var interviewAt: String? { history.last(where: { $0.interviewAt != nil })?.interviewAt }
    /// The reason of a refusal.
    public var refusal: RefusalReason? { status == .refused ? history.last?.reason : nil }

    /// The referral without its candidate, its notes and the reasons (they speak of the candidate: age, wishes, distance
    /// from home): what stays once the candidate is erased.
    public func anonymized() -> Referral {
        var copy = self
        copy.candidate = nil
        copy.note = nil
        copy.reasons = []
        copy.history = history.map { move in
            var move = move
            move.note = nil
            return move
        }
        copy.erased = true
        return copy
    }
}
