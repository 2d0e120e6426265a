/// What to look for, how many, and which documents may qualify.
///
/// ```swift
/// var query = SearchQuery("thợ hàn \"xe nâng\" -ca đêm", limit: 10)
/// query.filters = [.keyword("zone", anyOf: ["KCN Tràng Duệ"]), .range("salary_min", atLeast: 8_000_000)]
/// query.facets = ["zone"]
/// ```
///
/// The text is parsed by ``QueryParser``: plain words are optional in ``Mode/any``
/// and required in ``Mode/all``; `+word` is required, `-word` excluded, `"a phrase"`
/// is required with its syllables next to each other in one field.
public struct SearchQuery: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable {
        /// Ranked OR: a document with any of the words qualifies (top-k by score).
        case any
        /// AND: a document needs every word.
        case all
    }

    public var text: String
    public var mode: Mode
    public var filters: [SearchFilter]
    /// Hits to skip (for pages).
    public var offset: Int
    /// Hits to return.
    public var limit: Int
    /// Keyword fields to count values of, over every matching document.
    public var facets: [String]
    /// Whether to count every matching document (``SearchResult/totalHits``). Facets
    /// imply it. Without it, the engine may skip documents that cannot enter the top.
    public var countsTotalHits: Bool
    /// At most how many matches a segment counts for the total and facets; `nil`
    /// counts them all. Beyond it they are lower bounds (``SearchResult/totalIsExact``).
    public var countLimit: Int? = nil
    /// With ranked OR, a term found in more than this share of the documents only adds
    /// to the score of documents another term of the query brought (as Lucene's
    /// common-terms query): a document matching only such terms is not a hit. Common
    /// syllables (`nhân`, `viên`, `công`) then cost little. `nil`: every term brings
    /// documents. A query whose terms are all common is run as if this were `nil`.
    public var commonTermCutoff: Double? = nil
    /// Whether a word typed with accents also scores its accented form (the schema's `accentBonus`): what a
    /// person's query wants (`bàn` before `bán`); a record compared with records (a candidate's postings) may
    /// go without, at half the clauses.
    public var scoresAccents = true
    /// Whether each hit says which terms in which fields made its score.
    public var explains: Bool
    /// Whether each hit carries its document's stored fields (``SearchHit/stored``).
    public var loadsStoredFields: Bool
    /// Scores every match, without block-max skipping: the reference the tests
    /// compare the pruned top k with. Not public: it only costs time.
    var scoresEveryMatch = false

    public init(_ text: String, mode: Mode = .any, filters: [SearchFilter] = [], offset: Int = 0, limit: Int = 10,
                facets: [String] = [], countsTotalHits: Bool = false, explains: Bool = false, loadsStoredFields: Bool = false) {
        self.text = text
        self.mode = mode
        self.filters = filters
        self.offset = offset
        self.limit = limit
        self.facets = facets
        self.countsTotalHits = countsTotalHits
        self.explains = explains
        self.loadsStoredFields = loadsStoredFields
    }
}
