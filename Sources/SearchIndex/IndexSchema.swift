/// The fields of the documents an index holds, and how text is scored.
///
/// ```swift
/// let schema = IndexSchema(
///     textFields: [.init("title", weight: 3), .init("skills", weight: 2), .init("description")],
///     keywordFields: ["zone", "education"],
///     numericFields: ["salary_min", "deadline"]
/// )
/// ```
///
/// Text fields are analysed by `VietnameseAnalyzer` and scored with BM25F: a
/// term's frequencies in the fields are weighted, length-normalised field by field,
/// summed, and then saturated once (see ``BM25F``). Keyword fields hold exact values
/// (matched accent- and case-insensitively) for filters and facet counts. Numeric
/// fields hold integers (salaries in VND, ages, dates as `yyyymmdd`) for range filters.
public struct IndexSchema: Hashable, Sendable {
    /// A field of free text.
    public struct TextField: Hashable, Sendable {
        public var name: String
        /// How much a match in this field counts, against other fields (default 1).
        public var weight: Double
        /// BM25's length normalisation for this field, 0 (none) to 1 (full); default 0.75.
        public var lengthNormalization: Double
        /// Whether positions are kept, for phrase queries (default true).
        public var storesPositions: Bool

        public init(_ name: String, weight: Double = 1, lengthNormalization: Double = 0.75, storesPositions: Bool = true) {
            self.name = name
            self.weight = weight
            self.lengthNormalization = lengthNormalization
            self.storesPositions = storesPositions
        }
    }

    /// At most 8 text fields.
    public var textFields: [TextField]
    public var keywordFields: [String]
    public var numericFields: [String]
    /// BM25's term-frequency saturation (default 1.2, as Lucene and tantivy).
    public var k1: Double
    /// How much a match that also agrees on accents adds, as a share of the accent-free
    /// match's weight (default 0.5): typing `bàn` ranks `bàn` above `bán`.
    public var accentBonus: Double

    public init(textFields: [TextField], keywordFields: [String] = [], numericFields: [String] = [],
                k1: Double = 1.2, accentBonus: Double = 0.5) {
        precondition(!textFields.isEmpty && textFields.count <= 8, "an index has 1 to 8 text fields")
        self.textFields = textFields
        self.keywordFields = keywordFields
        self.numericFields = numericFields
        self.k1 = k1
        self.accentBonus = accentBonus
    }

    /// The index of the text field named `name`.
    public func textFieldIndex(_ name: String) -> Int? { textFields.firstIndex { $0.name == name } }
    /// The index of the keyword field named `name`.
    public func keywordFieldIndex(_ name: String) -> Int? { keywordFields.firstIndex(of: name) }
    /// The index of the numeric field named `name`.
    public func numericFieldIndex(_ name: String) -> Int? { numericFields.firstIndex(of: name) }

    /// Whether tokens with accents are also indexed in the canonical space. Only
    /// when ``accentBonus`` is positive: without the bonus they would never be read.
    public var indexesCanonicalForms: Bool { accentBonus > 0 }

    /// Whether any text field keeps positions.
    var storesPositions: Bool { textFields.contains { $0.storesPositions } }
}
