/// The answer to a ``SearchQuery``.
public struct SearchResult: Sendable {
    /// The page of hits asked for (``SearchQuery/offset``, ``SearchQuery/limit``), best first.
    public var hits: [SearchHit]
    /// Every matching document, counted when asked (``SearchQuery/countsTotalHits`` or facets).
    public var totalHits: Int?
    /// Whether ``totalHits`` (and the facet counts) are exact; false when counting stopped
    /// at ``SearchQuery/countLimit`` in some segment, and they are lower bounds.
    public var totalIsExact: Bool = true
    /// For each facet field asked for: its values among the matching documents, most frequent first.
    public var facets: [String: [FacetCount]]
}

/// One matching document.
public struct SearchHit: Sendable, Hashable {
    public var id: String
    /// Higher is better; 0 for a query with no words (filters only).
    public var score: Double
    /// Which terms in which fields made the score, when asked (``SearchQuery/explains``).
    public var explanation: ScoreExplanation?
    /// The document's stored fields, when asked (``SearchQuery/loadsStoredFields``).
    public var stored: [UInt8]?
}

/// How often a keyword value occurs among the matching documents.
public struct FacetCount: Sendable, Hashable {
    /// The value as first written in the documents (`KCN Tràng Duệ`).
    public var value: String
    /// The folded value filters compare with (`kcn trang due`).
    public var key: String
    public var count: Int
}

/// The terms that contributed to a hit's score.
public struct ScoreExplanation: Sendable, Hashable {
    public var terms: [TermMatch]
}

/// One query term's contribution to a hit.
public struct TermMatch: Sendable, Hashable {
    /// The term as typed in the query.
    public var term: String
    /// `.folded`: matched ignoring accents; `.canonical`: the bonus for matching the accents too.
    public var space: TermSpace
    public var score: Double
    /// The fields where the term occurs, with its frequency and share of the score.
    public var fields: [FieldMatch]
}

/// A term's occurrences in one field of a hit.
public struct FieldMatch: Sendable, Hashable {
    public var field: String
    public var frequency: Int
    public var score: Double
}
