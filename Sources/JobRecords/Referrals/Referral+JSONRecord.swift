/// The stored referral: `id`, `candidate` (absent once erased), `posting`, `employer`, `zone`, `occupation`,
/// `category`, `source`, `rank`, `score`, `reasons`, `note`, `status` (the last move's, for readers of the
/// line), `history` (`[{"status", "at", "by", "reason", "note", "interview_at"}]`), `erased`.
extension Referral: JSONRecord {
    public init(fields: JSONFields) throws(JSONFields.Problem) {
        id = try fields.string("id")
        candidate = try fields.optionalString("candidate")
        posting = try fields.string("posting")
        employer = try fields.optionalString("employer") ?? ""
        zone = try fields.optionalString("zone")
        occupation = try fields.optionalString("occupation")
        category = try fields.optionalValue("category", CandidateCategory.self)
        source = try fields.optionalValue("source", Source.self) ?? .api
        rank = try fields.optionalWholeNumber("rank")
        score = try fields.optionalNumber("score")
        reasons = try fields.optionalStrings("reasons") ?? []
        note = try fields.optionalString("note")
        erased = try fields.optionalBool("erased") ?? false
        guard case .array(let moves)? = fields.members["history"], !moves.isEmpty else {
            throw JSONFields.Problem(field: "history", message: "is required: a list of moves, the first one referred")
        }
        history = []
        for (position, value) in moves.enumerated() {
            guard case .object(let members) = value else {
                throw JSONFields.Problem(field: "history[\(position)]", message: "expected an object, not \(value.kindName)")
            }
            do {
                history.append(try Move(fields: JSONFields(members)))
            } catch {
                throw JSONFields.Problem(field: "history[\(position)].\(error.field ?? "")", message: error.message)
            }
        }
    }

    public func validationProblems() -> [JSONFields.Problem] {
        var problems: [JSONFields.Problem] = []
        if id.isEmpty { problems.append(.init(field: "id", message: "must not be empty")) }
        if history.first?.status != .referred { problems.append(.init(field: "history[0].status", message: "the first move must be referred")) }
        if candidate == nil && !erased { problems.append(.init(field: "candidate", message: "is required (only an erased candidate's referral has none)")) }
        return problems
    }
}

extension Referral.Move {
    init(fields: JSONFields) throws(JSONFields.Problem) {
        status = try fields.value("status", Referral.Status.self)
        let text = try fields.string("at")
        guard let seconds = Instant.seconds(text) else { throw JSONFields.Problem(field: "at", message: "'\(text)' is not an ISO 8601 instant") }
        at = seconds
        by = try fields.optionalString("by") ?? ""
        reason = try fields.optionalValue("reason", Referral.RefusalReason.self)
        note = try fields.optionalString("note")
        interviewAt = try fields.optionalString("interview_at")
    }

    private enum Keys: String, CodingKey {
        case status, at, by, reason, note
        case interviewAt = "interview_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(status, forKey: .status)
        try container.encode(Instant.text(at), forKey: .at)
        try container.encode(by, forKey: .by)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(interviewAt, forKey: .interviewAt)
    }
}

extension Referral: Encodable {
    private enum Keys: String, CodingKey {
        case id, candidate, posting, employer, zone, occupation, category, source, rank, score, reasons, note, status, history, erased
        case referredAt = "referred_at", referredBy = "referred_by", interviewAt = "interview_at", reason
    }

    /// The stored form, and what counsellors and employers are given (with `referred_at`, `referred_by`,
    /// `interview_at` and `reason` of the last moves, for readers that do not walk the history).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(candidate, forKey: .candidate)
        try container.encode(posting, forKey: .posting)
        try container.encode(employer, forKey: .employer)
        try container.encodeIfPresent(zone, forKey: .zone)
        try container.encodeIfPresent(occupation, forKey: .occupation)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(rank, forKey: .rank)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encode(reasons, forKey: .reasons)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(status, forKey: .status)
        try container.encode(history, forKey: .history)
        try container.encode(Instant.text(referredAt), forKey: .referredAt)
        try container.encode(referredBy, forKey: .referredBy)
        try container.encodeIfPresent(interviewAt, forKey: .interviewAt)
        try container.encodeIfPresent(refusal, forKey: .reason)
        if erased { try container.encode(true, forKey: .erased) }
    }
}

extension Referral {
    /// `POST /v1/referrals`: `{"candidate", "posting", "note"}`.
    public struct Request: Sendable, Hashable {
        public var candidate: String
        public var posting: String
        public var note: String?

        public init(candidate: String, posting: String, note: String? = nil) {
            self.candidate = candidate
            self.posting = posting
            self.note = note
        }

        public init(fields: JSONFields) throws(JSONFields.Problem) {
            candidate = try fields.string("candidate")
            posting = try fields.string("posting")
            note = try fields.optionalString("note")
            for key in fields.members.keys where !["candidate", "posting", "note"].contains(key) {
                throw JSONFields.Problem(field: key, message: "is not a field of a referral request (candidate, posting, note)")
            }
            if candidate.isEmpty { throw JSONFields.Problem(field: "candidate", message: "must not be empty") }
            if posting.isEmpty { throw JSONFields.Problem(field: "posting", message: "must not be empty") }
            if (note?.count ?? 0) > 500 { throw JSONFields.Problem(field: "note", message: "is longer than 500 characters") }
        }
    }

    /// `PATCH /v1/referrals/{id}`: `{"status", "reason", "note", "interview_at"}`: a refusal needs its reason,
    /// an interview its date (`2026-12-10` or `2026-12-10T09:00`); a reason is for a refusal only.
    public struct Answer: Sendable, Hashable {
        public var status: Status
        public var reason: RefusalReason?
        public var note: String?
        public var interviewAt: String?

        public init(status: Status, reason: RefusalReason? = nil, note: String? = nil, interviewAt: String? = nil) {
            self.status = status
            self.reason = reason
            self.note = note
            self.interviewAt = interviewAt
        }

        public init(fields: JSONFields) throws(JSONFields.Problem) {
            status = try fields.value("status", Status.self)
            reason = try fields.optionalValue("reason", RefusalReason.self)
            note = try fields.optionalString("note")
            interviewAt = try fields.optionalString("interview_at")
            for key in fields.members.keys where !["status", "reason", "note", "interview_at"].contains(key) {
                throw JSONFields.Problem(field: key, message: "is not a field of an answer (status, reason, note, interview_at)")
            }
            if let problem = validationProblems().first { throw problem }
        }

        /// A refusal without a reason, a reason without a refusal, an interview without a date, a note too long.
        public func validationProblems() -> [JSONFields.Problem] {
            var problems: [JSONFields.Problem] = []
            if status == .refused && reason == nil {
                problems.append(.init(field: "reason", message: "a refusal needs a reason: \(RefusalReason.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            if status != .refused && reason != nil { problems.append(.init(field: "reason", message: "is for a refusal only")) }
            if status == .interview {
                if let when = interviewAt {
                    if !Self.isInterviewTime(when) { problems.append(.init(field: "interview_at", message: "'\(when)' is not a date (2026-12-10) or a date and time (2026-12-10T09:00)")) }
                } else {
                    problems.append(.init(field: "interview_at", message: "an interview needs its date (2026-12-10 or 2026-12-10T09:00)"))
                }
            } else if interviewAt != nil {
                problems.append(.init(field: "interview_at", message: "is for an interview only"))
            }
            if (note?.count ?? 0) > 500 { problems.append(.init(field: "note", message: "is longer than 500 characters")) }
            return problems
        }

        /// `2026-12-10`, `2026-12-10T09:00` or `2026-12-10T09:00:00`.
        static func isInterviewTime(_ text: String) -> Bool {
            let parts = text.split(separator: "T", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), CalendarDate(String(parts[0])) != nil else { return false }
            guard parts.count == 2 else { return true }
            let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let hour = Int(clock[0]), let minute = Int(clock[1]) else { return false }
            return hour < 24 && minute < 60 && (clock.count == 2 || Int(clock[2])! < 60)
        }
    }
}

extension Referral {
    /// The stored line `json` with its candidate erased (``anonymized()``), or `nil` when it is no referral:
    /// what a store writes in the transaction that erases the candidate.
    public static func anonymizedDocument(_ json: String) throws -> String? {
        guard case .success(let referral) = Referral.read(json) else { return nil }
        return try JSONValueEncoder.text(referral.anonymized())
    }
}
