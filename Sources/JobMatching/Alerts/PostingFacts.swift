import SearchIndex
import VietnameseText
import JobRecords

/// What the reverse matcher reads of a posting: its words, folded, as its index document holds them (title,
/// skills, requirements, description, employer, concept tokens), and its keyword and numeric fields.
public struct PostingFacts: Sendable {
    public var id: String
    /// Every folded token of the posting's text fields.
    public var terms: Set<String>
    /// Each keyword field's values, folded as the index compares them.
    public var keywords: [String: Set<String>]
    public var numbers: [String: Int64]

    /// The facts of the document the postings' index is given for `posting` (``MatchIndexes/document(_:reference:)``).
    public init(_ document: IndexDocument) {
        id = document.id
        var terms = Set<String>()
        let analyzer = VietnameseAnalyzer()
        for (_, text) in document.text {
            for token in analyzer.tokens(in: text) { terms.insert(token.folded) }
        }
        self.terms = terms
        keywords = document.keywords.mapValues { Set($0.map(analyzer.foldedText)) }
        numbers = document.numbers
    }

    public init(posting: JobPosting, reference: ReferenceData) {
        self.init(MatchIndexes.document(posting, reference: reference))
    }

    /// Whether the posting passes `filter`, as the index would decide.
    public func admits(_ filter: SearchFilter) -> Bool {
        guard case .keyword(let field, let values) = filter else { return admits(folded: filter) }
        let analyzer = VietnameseAnalyzer()
        return admits(folded: .keyword(field, anyOf: values.map(analyzer.foldedText)))
    }

    /// ``admits(_:)`` for a filter whose keyword values are folded already (``SavedSearchCriteria``'s).
    public func admits(folded filter: SearchFilter) -> Bool {
        switch filter {
        case .keyword(let field, let values):
            guard let own = keywords[field] else { return false }
            return values.contains { own.contains($0) }
        case .range(let field, let lower, let upper, let orMissing):
            guard let value = numbers[field] else { return orMissing }
            return (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
        case .withinDistance(let latitude, let longitude, let centreLatitude, let centreLongitude, let kilometres):
            guard let lat = numbers[latitude], let lon = numbers[longitude] else { return false }
            let point = GeoPoint(latitude: Double(lat) / 1_000_000, longitude: Double(lon) / 1_000_000)
            return point.kilometres(to: GeoPoint(latitude: centreLatitude, longitude: centreLongitude)) <= kilometres
        }
    }
}
