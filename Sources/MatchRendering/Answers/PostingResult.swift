import JobRecords
import JobMatching

/// A posting in a list of results (a search, a candidate's matches): every field of
/// the posting as the data contract (docs/data-contract.md) names them, with the score, the reasons, and for a
/// search the highlighted title and skills.
///
/// Encoded flat: `{"id", "score", "explanation", "reasons", "title", "employer", …}`.
public struct PostingResult: Codable, Sendable, Hashable {
    public var posting: JobPosting
    /// Higher is better.
    public var score: Double
    /// One sentence each, in Vietnamese, to read aloud.
    public var reasons: [String]
    /// The title and skills with `<mark>` around the words the query matched (HTML, escaped).
    public var highlights: Highlights?
    /// For a candidate's matches: what to learn to fit this posting better
    /// (``JobMatching/TrainingSuggestion/sentence``), possibly none; absent in a search.
    public var training: [String]?
    /// Kilometres from the place searched near or in (`near`, a place typed), when both are known.
    public var distanceKilometres: Double?

    /// Highlighted fields of a search hit.
    public struct Highlights: Codable, Sendable, Hashable {
        public var title: String
        public var skills: String

        public init(title: String, skills: String) {
            self.title = title
            self.skills = skills
        }
    }

    public init(posting: JobPosting, score: Double, reasons: [String], highlights: Highlights? = nil) {
        self.posting = posting
        self.score = score
        self.reasons = reasons
        self.highlights = highlights
    }

    public init(_ ranked: RankedPosting, highlights: Highlights? = nil) {
        self.init(posting: ranked.posting, score: ranked.score, reasons: ranked.reasons, highlights: highlights)
        distanceKilometres = ranked.distanceKilometres
    }

    public var id: String { posting.id }

    /// The reasons as one line: `Đúng nghề: hàn điện; đủ trình độ (…); cách nhà 12 km`.
    public var explanation: String { reasons.joined(separator: "; ") }

    private enum CodingKeys: String, CodingKey {
        case score, explanation, reasons, highlights, training
        case distanceKilometres = "distance_km"
    }

    public func encode(to encoder: any Encoder) throws {
        try posting.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score, forKey: .score)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(reasons, forKey: .reasons)
        try container.encodeIfPresent(highlights, forKey: .highlights)
        try container.encodeIfPresent(training, forKey: .training)
        try container.encodeIfPresent(distanceKilometres, forKey: .distanceKilometres)
    }

    public init(from decoder: any Decoder) throws {
        posting = try JobPosting(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        score = try container.decode(Double.self, forKey: .score)
        reasons = try container.decode([String].self, forKey: .reasons)
        highlights = try container.decodeIfPresent(Highlights.self, forKey: .highlights)
        training = try container.decodeIfPresent([String].self, forKey: .training)
        distanceKilometres = try container.decodeIfPresent(Double.self, forKey: .distanceKilometres)
    }
}
