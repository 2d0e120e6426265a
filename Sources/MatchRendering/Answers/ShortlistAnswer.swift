import JobRecords

/// An employer's answer to "whom should we call first?": the eligible candidates of
/// a posting, best first, with reasons, names and phones.
public struct ShortlistAnswer: Codable, Sendable, Hashable {
    public var posting: JobPosting
    public var asOf: CalendarDate
    public var results: [CandidateResult]
    /// The candidate categories the list was narrowed to (empty: every category).
    public var categories: [CandidateCategory]

    public init(posting: JobPosting, asOf: CalendarDate, results: [CandidateResult], categories: [CandidateCategory] = []) {
        self.posting = posting
        self.asOf = asOf
        self.results = results
        self.categories = categories
    }

    private enum CodingKeys: String, CodingKey {
        case posting, asOf = "as_of", results, categories
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        posting = try container.decode(JobPosting.self, forKey: .posting)
        asOf = try container.decode(CalendarDate.self, forKey: .asOf)
        results = try container.decode([CandidateResult].self, forKey: .results)
        categories = try container.decodeIfPresent([CandidateCategory].self, forKey: .categories) ?? []
    }

    /// `categories` only when the list was narrowed: an answer for every category reads as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(posting, forKey: .posting)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(results, forKey: .results)
        if !categories.isEmpty { try container.encode(categories, forKey: .categories) }
    }
}
