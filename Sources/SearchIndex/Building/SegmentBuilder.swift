import VietnameseText

/// Analyses documents and builds them into one immutable ``Segment``.
///
/// Every token becomes an entry (term id; document, field, position); ``build()``
/// sorts the entries by term with a counting sort (stable, so documents and
/// positions stay in order) and encodes each term's postings. Building is
/// O(*n*) in the number of tokens, plus sorting the distinct terms.
final class SegmentBuilder {
    let schema: IndexSchema
    /// The analyzer, remembering the forms of the tokens met (a builder is used by one thread at a time).
    private let analysis = AnalysisSession()
    private var terms = TermTable()
    private var entryTerms: [UInt32] = []
    /// doc << 32 | field << 24 | position (positions past 2^24 - 1 are clamped).
    private var entryPayloads: [UInt64] = []
    private var ids: [String] = []
    private var stored = SegmentAssembler.StoredColumn()
    private var norms: [[UInt8]]
    private var fieldTokenTotals: [UInt64]
    /// Per keyword field: each document's (folded key, display value) pairs.
    private var keywordValues: [[[(key: String, display: String)]]]
    private var numbers: [[Int64]]

    static let missingNumber = Int64.min
    private static let maximumPosition: UInt32 = (1 << 24) - 1

    init(schema: IndexSchema) {
        self.schema = schema
        norms = Array(repeating: [], count: schema.textFields.count)
        fieldTokenTotals = Array(repeating: 0, count: schema.textFields.count)
        keywordValues = Array(repeating: [], count: schema.keywordFields.count)
        numbers = Array(repeating: [], count: schema.numericFields.count)
    }

    var documentCount: Int { ids.count }
    var tokenCount: Int { entryPayloads.count }

    /// Checks that `document` names only fields of the schema.
    static func validate(_ document: IndexDocument, against schema: IndexSchema) throws {
        for name in document.text.keys where schema.textFieldIndex(name) == nil {
            throw IndexError(.unknownField, "document \(document.id): no text field '\(name)' in the schema")
        }
        for name in document.keywords.keys where schema.keywordFieldIndex(name) == nil {
            throw IndexError(.unknownField, "document \(document.id): no keyword field '\(name)' in the schema")
        }
        for name in document.numbers.keys where schema.numericFieldIndex(name) == nil {
            throw IndexError(.unknownField, "document \(document.id): no numeric field '\(name)' in the schema")
        }
    }

    /// Analyses `document` and adds it as the next document of the segment.
    ///
    /// - Complexity: O(*n*) in the length of its text.
    func add(_ document: IndexDocument) {
        let doc = UInt64(ids.count)
        let indexesCanonical = schema.indexesCanonicalForms
        ids.append(document.id)
        document.stored.withUnsafeBytes { stored.append($0) }
        // The token tables as locals while the document is analysed: the per-token closure
        // mutating the class's stored properties cost a dynamic exclusivity check each
        // (`swift_beginAccess` and its kin, about 15% of building). The properties are left
        // with shared empty values meanwhile, so the locals stay uniquely referenced.
        var terms = self.terms, entryTerms = self.entryTerms, entryPayloads = self.entryPayloads
        self.terms = TermTable.placeholder
        self.entryTerms = []
        self.entryPayloads = []
        defer {
            self.terms = terms
            self.entryTerms = entryTerms
            self.entryPayloads = entryPayloads
        }
        for (field, textField) in schema.textFields.enumerated() {
            var length = 0
            if let text = document.text[textField.name] {
                let fieldBits = doc << 32 | UInt64(field) << 24
                analysis.forEachToken(in: text) { span, canonical, folded in
                    let payload = fieldBits | UInt64(min(UInt32(truncatingIfNeeded: span.position), SegmentBuilder.maximumPosition))
                    entryTerms.append(terms.intern(.folded, folded))
                    entryPayloads.append(payload)
                    // A code's parts too, at its position (`9001:2015` is also `9001` and `2015`).
                    CodeParts.forEach(in: folded) { part in
                        entryTerms.append(terms.intern(.folded, UnsafeBufferPointer(rebasing: folded[part])))
                        entryPayloads.append(payload)
                    }
                    if indexesCanonical, !(canonical.count == folded.count && memcmpEqual(canonical.baseAddress!, folded.baseAddress, folded.count)) {
                        entryTerms.append(terms.intern(.canonical, canonical))
                        entryPayloads.append(payload)
                    }
                    length += 1
                }
            }
            norms[field].append(FieldNorm.encode(length))
            fieldTokenTotals[field] += UInt64(length)
        }
        for (field, name) in schema.keywordFields.enumerated() {
            let values = (document.keywords[name] ?? []).map { (key: KeywordKey.fold($0), display: $0) }
            keywordValues[field].append(values.filter { !$0.key.isEmpty })
        }
        for (field, name) in schema.numericFields.enumerated() {
            numbers[field].append(document.numbers[name] ?? SegmentBuilder.missingNumber)
        }
    }

    /// The segment of every document added, in the order added.
    ///
    /// - Complexity: O(*n* + *t* log *t*) for *n* tokens and *t* distinct terms.
    func build() -> Segment {
        let fieldCount = schema.textFields.count
        let termCount = terms.count
        // Terms in byte order, and each term id's rank in it.
        let sortedTerms = (0..<termCount).sorted { terms.term($0).lexicographicallyPrecedes(terms.term($1)) }
        var rank = [UInt32](repeating: 0, count: termCount)
        for (position, id) in sortedTerms.enumerated() { rank[id] = UInt32(position) }
        // Counting sort of the entries by term rank.
        var starts = [Int](repeating: 0, count: termCount + 1)
        for term in entryTerms { starts[Int(rank[Int(term)]) + 1] += 1 }
        for index in 0..<termCount { starts[index + 1] += starts[index] }
        var cursor = starts
        var sorted = [UInt64](repeating: 0, count: entryPayloads.count)
        for index in 0..<entryPayloads.count {
            let r = Int(rank[Int(entryTerms[index])])
            sorted[cursor[r]] = entryPayloads[index]
            cursor[r] += 1
        }
        entryTerms = []
        entryPayloads = []

        var encoder = PostingsEncoder(fieldCount: fieldCount)
        var termDocFrequency = [UInt32](repeating: 0, count: termCount)
        var termFirstBlock = [UInt32](repeating: 0, count: termCount + 1)
        var termPositionsStart = [UInt64](repeating: 0, count: termCount)
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        var docNorms = [UInt8](repeating: 0, count: fieldCount)
        let positionFields = schema.textFields.map(\.storesPositions)
        for r in 0..<termCount {
            termFirstBlock[r] = UInt32(encoder.blockCount)
            termPositionsStart[r] = encoder.beginTerm()
            var index = starts[r]
            let end = starts[r + 1]
            var documents: UInt32 = 0
            while index < end {
                let doc = UInt32(truncatingIfNeeded: sorted[index] >> 32)
                var groupEnd = index
                for field in 0..<fieldCount { frequencies[field] = 0 }
                while groupEnd < end && UInt32(truncatingIfNeeded: sorted[groupEnd] >> 32) == doc {
                    frequencies[Int(sorted[groupEnd] >> 24 & 0xFF)] += 1
                    groupEnd += 1
                }
                for field in 0..<fieldCount { docNorms[field] = norms[field][Int(doc)] }
                frequencies.withUnsafeBufferPointer { f in
                    docNorms.withUnsafeBufferPointer { n in encoder.add(doc: doc, frequencies: f, norms: n) }
                }
                // Positions: per field in order, the first absolute, then deltas.
                var field = -1
                var previous: UInt32 = 0
                for entry in index..<groupEnd {
                    let entryField = Int(sorted[entry] >> 24 & 0xFF)
                    guard positionFields[entryField] else { continue }
                    let position = UInt32(truncatingIfNeeded: sorted[entry] & 0xFF_FFFF)
                    if entryField != field {
                        field = entryField
                        previous = 0
                    }
                    encoder.appendPosition(position - previous)
                    previous = position
                }
                documents += 1
                index = groupEnd
            }
            encoder.endTerm()
            termDocFrequency[r] = documents
        }
        termFirstBlock[termCount] = UInt32(encoder.blockCount)

        var keywordColumns: [SegmentAssembler.KeywordColumn] = []
        for field in 0..<schema.keywordFields.count {
            keywordColumns.append(SegmentAssembler.KeywordColumn(documents: keywordValues[field]))
        }
        return SegmentAssembler.assemble(
            schema: schema, termKeys: sortedTerms.map { Array(terms.term($0)) }, termDocFrequency: termDocFrequency,
            termFirstBlock: termFirstBlock, termPositionsStart: termPositionsStart, encoder: encoder,
            norms: norms, fieldTokenTotals: fieldTokenTotals, ids: ids, stored: stored, keywords: keywordColumns, numbers: numbers)
    }
}
