extension JobAlert {
    /// What a client asks for (`POST /v1/alerts`, `hezamatch alerts add`): a saved search
    /// (`{"query", "zone", "district", "education", "audience", "near", "within_km"}`) or a profile
    /// (`{"profile": "C-…"}`), with `"deliver": {"webhook": URL}` or `{"email": ADDRESS}`, `"mode"` and
    /// `"digest_hour"`. Who may ask for what is decided above (the server: a public page may only ask for e-mail).
    public struct Request: Sendable, Hashable {
        public var subject: Subject
        public var delivery: Delivery
        public var mode: Mode
        public var digestHour: Int

        public init(subject: Subject, delivery: Delivery, mode: Mode = .instant, digestHour: Int = 7) {
            self.subject = subject
            self.delivery = delivery
            self.mode = mode
            self.digestHour = digestHour
        }

        /// Reads the request's fields; the first one that cannot be read is thrown.
        public init(fields: JSONFields) throws(JSONFields.Problem) {
            if let profile = try fields.optionalString("profile") {
                for key in ["query", "zone", "district", "education", "audience", "near", "within_km"] where fields.members[key] != nil {
                    throw JSONFields.Problem(field: key, message: "is for a saved search; an alert is a search or a profile, not both")
                }
                subject = .profile(profile)
            } else {
                var search = SavedSearch(query: try fields.optionalString("query") ?? "")
                search.zone = try fields.optionalString("zone")
                search.district = try fields.optionalString("district")
                search.education = try fields.optionalValue("education", EducationLevel.self)
                search.audience = try fields.optionalValue("audience", CandidateCategory.self)
                search.near = try fields.optionalString("near")
                search.withinKilometres = try fields.optionalNumber("within_km")
                subject = .search(search)
            }
            guard case .object(let deliver)? = fields.members["deliver"] else {
                throw JSONFields.Problem(field: "deliver", message: "is required: {\"webhook\": URL} or {\"email\": ADDRESS}")
            }
            let target = JSONFields(deliver)
            switch (try target.optionalString("webhook"), try target.optionalString("email")) {
            case (let url?, nil): delivery = .webhook(url)
            case (nil, let address?): delivery = .email(address)
            default: throw JSONFields.Problem(field: "deliver", message: "needs exactly one of webhook and email")
            }
            mode = try fields.optionalValue("mode", Mode.self) ?? .instant
            digestHour = try fields.optionalWholeNumber("digest_hour") ?? 7
        }

        /// Problems beyond the JSON types: an empty search, a radius without a place, an hour that is none,
        /// an address or URL that cannot be one.
        public func validationProblems() -> [JSONFields.Problem] {
            var problems: [JSONFields.Problem] = []
            func problem(_ field: String, _ message: String) { problems.append(.init(field: field, message: message)) }
            switch subject {
            case .search(let search):
                if search.isEmpty { problem("query", "a saved search needs words or a filter (an alert for every posting is not offered)") }
                if let within = search.withinKilometres {
                    if search.near == nil { problem("within_km", "needs near (the place to measure from)") }
                    if !(within > 0 && within <= 2_000) { problem("within_km", "must be over 0 and at most 2000, not \(within)") }
                }
                if search.query.count > 200 { problem("query", "is longer than 200 characters") }
            case .profile(let id):
                if id.allSatisfy(\.isWhitespace) { problem("profile", "must not be empty") }
            }
            switch delivery {
            case .email(let address):
                let parts = address.split(separator: "@", omittingEmptySubsequences: false)
                if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || address.count > 254
                    || address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }) {
                    problem("deliver.email", "is not an e-mail address")
                }
            case .webhook(let url):
                if !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.count > 2_000 || url.contains(where: \.isWhitespace) {
                    problem("deliver.webhook", "must be an http:// or https:// URL")
                }
            }
            if !(0...23).contains(digestHour) { problem("digest_hour", "must be an hour from 0 to 23, not \(digestHour)") }
            return problems
        }

        /// The request in `text` (one JSON object), or the problems that keep it out.
        public static func read(_ text: String) -> Result<Request, RecordProblems> {
            var text = text
            let fields: JSONFields
            switch text.withUTF8({ JSONFields.object($0) }) {
            case .success(let object): fields = object
            case .failure(let problems): return .failure(problems)
            }
            do {
                let request = try Request(fields: fields)
                let problems = request.validationProblems()
                return problems.isEmpty ? .success(request) : .failure(RecordProblems(problems))
            } catch {
                return .failure(RecordProblems([error]))
            }
        }
    }

    public var request: Request { Request(subject: subject, delivery: delivery, mode: mode, digestHour: digestHour) }
}

/// The stored alert: the request's fields and `id`, `status`, `created_by`, `created_at`, `confirm_token`,
/// `unsubscribe_token`.
extension JobAlert: JSONRecord {
    public init(fields: JSONFields) throws(JSONFields.Problem) {
        let request = try Request(fields: fields)
        id = try fields.string("id")
        subject = request.subject
        delivery = request.delivery
        mode = request.mode
        digestHour = request.digestHour
        status = try fields.value("status", Status.self)
        createdBy = try fields.string("created_by")
        createdAt = try fields.string("created_at")
        confirmToken = try fields.optionalString("confirm_token")
        unsubscribeToken = try fields.string("unsubscribe_token")
    }

    public func validationProblems() -> [JSONFields.Problem] { request.validationProblems() }
}

extension JobAlert: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, profile, deliver, mode, status
        case digestHour = "digest_hour", createdBy = "created_by", createdAt = "created_at"
        case confirmToken = "confirm_token", unsubscribeToken = "unsubscribe_token"
    }

    private enum DeliveryKeys: String, CodingKey { case webhook, email }

    /// Every field, secrets and contact included: the stored form. What a client is shown is ``JobAlert/Summary``.
    public func encode(to encoder: any Encoder) throws {
        switch subject {
        case .search(let search): try search.encode(to: encoder)
        case .profile(let id):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .profile)
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        var deliver = container.nestedContainer(keyedBy: DeliveryKeys.self, forKey: .deliver)
        switch delivery {
        case .webhook(let url): try deliver.encode(url, forKey: .webhook)
        case .email(let address): try deliver.encode(address, forKey: .email)
        }
        try container.encode(mode, forKey: .mode)
        try container.encode(digestHour, forKey: .digestHour)
        try container.encode(status, forKey: .status)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(confirmToken, forKey: .confirmToken)
        try container.encode(unsubscribeToken, forKey: .unsubscribeToken)
    }
}
