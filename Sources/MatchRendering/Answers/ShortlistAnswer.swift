import JobRecords

/// An employer's answer to "whom should we call first?": the eligible candidates of
/// a posting, best first, with reasons, names and phones.
public struct ShortlistAnswer: Codable, Sendable, Hashable {
    public var posting: JobPosting
    public var asOf: CalendarDate
    public var results: [CandidateResult]
    /// The candidate categories the list was narrowed to; `nil` (and absent from the JSON) for every category.
    public var categories: [CandidateCategory]?

    public init(posting: JobPosting, asOf: CalendarDate, results: [CandidateResult], categories: [CandidateCategory] = []) {
        self.posting = posting
        self.asOf = asOf
        self.results = results
        self.categories = categories.isEmpty ? nil : categories
    }

    private enum CodingKeys: String, CodingKey {
        case posting, asOf = "as_of", results, categories
    }
}
