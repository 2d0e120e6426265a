/// A consistent, immutable view of an index: its segments and their deletions.
///
/// Searches run on a snapshot without locks; a writer publishes a new snapshot,
/// and searches that started on the old one finish on it.
public struct IndexSnapshot: Sendable {
    public let schema: IndexSchema
    public internal(set) var segments: [Segment]
    public internal(set) var deletions: [DeletionSet]
    /// What the writer of this snapshot recorded with it (as Lucene's commit user
    /// data): the store sequence it contains, the reference tables it was built with.
    /// Saved with the index and read back when it is opened.
    public internal(set) var userData: [String: String] = [:]

    /// Documents (deleted ones included, as Lucene counts them) and average field
    /// lengths: the statistics every score of this snapshot uses.
    private(set) var totalDocuments = 1
    private(set) var scorer: BM25F

    init(schema: IndexSchema, segments: [Segment] = [], deletions: [DeletionSet] = []) {
        self.schema = schema
        self.segments = segments
        self.deletions = deletions
        scorer = BM25F(schema: schema, averageLengths: Array(repeating: 1, count: schema.textFields.count))
        refreshStatistics()
    }

    /// Recomputes the statistics after segments changed: O(segments + 256 × fields).
    mutating func refreshStatistics() {
        totalDocuments = max(segments.reduce(0) { $0 + $1.documentCount }, 1)
        var averageLengths = [Double](repeating: 0, count: schema.textFields.count)
        for segment in segments {
            for field in 0..<schema.textFields.count { averageLengths[field] += Double(segment.fieldTokenTotals[field]) }
        }
        scorer = BM25F(schema: schema, averageLengths: averageLengths.map { $0 / Double(totalDocuments) })
    }

    /// Documents that can be found (deleted ones excluded).
    public var documentCount: Int {
        zip(segments, deletions).reduce(0) { $0 + $1.0.documentCount - $1.1.count }
    }

    /// Where the live document with id `id` is, or `nil`.
    func locate(_ id: String) -> (segment: Int, doc: Int)? {
        for index in segments.indices.reversed() {
            if let doc = segments[index].doc(withID: id), !deletions[index].contains(doc) { return (index, doc) }
        }
        return nil
    }

    /// Whether a live document has id `id`.
    public func contains(_ id: String) -> Bool { locate(id) != nil }

    /// Whether any segment has the folded term `term` (deleted documents included).
    ///
    /// - Complexity: O(*s* · log *t*) for *s* segments of *t* terms.
    public func containsTerm(folded term: String) -> Bool {
        let bytes = Array(term.utf8)
        return segments.contains { $0.termOrdinal(.folded, bytes) != nil }
    }

    /// Bytes of the segments (postings, positions, norms, columns, ids, stored fields).
    public var byteCount: Int { segments.reduce(0) { $0 + $1.bytes.count } }

    /// Calls `body` with the id and stored fields of every live document, segment by segment.
    ///
    /// - Complexity: O(*n*) in the stored bytes.
    public func forEachStoredFields(_ body: (String, [UInt8]) throws -> Void) throws {
        for (index, segment) in segments.enumerated() {
            try segment.ids.forEach { doc, id in
                if !deletions[index].contains(doc) { try body(id, try segment.stored(doc)) }
            }
        }
    }

    /// The columns of one segment, for counting over a whole index without decoding stored fields
    /// (``forEachSegmentColumns(keywords:numbers:_:)``): keyword values are key numbers of the segment, named by ``keys``.
    public struct SegmentColumns {
        let segment: Segment
        let deletions: DeletionSet
        let keywordIndexes: [Int]
        let numericIndexes: [Int]
        /// For each keyword field asked, the display value of each key number of this segment.
        public let keys: [[String]]

        /// Documents of the segment, live or deleted (``isLive(_:)``).
        public var documentCount: Int { segment.documentCount }
        public func isLive(_ doc: Int) -> Bool { !deletions.contains(doc) }
        /// The key numbers of `doc` in the `field`-th keyword field asked.
        public func keywords(_ field: Int, of doc: Int) -> UnsafeBufferPointer<UInt32> {
            segment.keywordValues(field: keywordIndexes[field], doc: doc)
        }
        /// The value of `doc` in the `field`-th numeric field asked, or `nil`.
        public func number(_ field: Int, of doc: Int) -> Int64? { segment.number(field: numericIndexes[field], doc: doc) }
    }

    /// Calls `body` with the columns of each segment: keyword fields as key numbers (each key's display value in
    /// ``SegmentColumns/keys``), numeric fields as numbers. What counting over a whole index needs: a count per key
    /// number, then the names once a segment.
    ///
    /// - Throws: ``IndexError`` `.unknownField` for a field the schema does not have.
    /// - Complexity: O(*s*) segments, plus the keys of the fields asked; the documents are the caller's.
    public func forEachSegmentColumns(keywords keywordFields: [String], numbers numericFields: [String],
                                      _ body: (SegmentColumns) throws -> Void) throws {
        let keywordIndexes = try keywordFields.map { name in
            guard let index = schema.keywordFieldIndex(name) else { throw IndexError(.unknownField, "no keyword field '\(name)'") }
            return index
        }
        let numericIndexes = try numericFields.map { name in
            guard let index = schema.numericFieldIndex(name) else { throw IndexError(.unknownField, "no numeric field '\(name)'") }
            return index
        }
        for (index, segment) in segments.enumerated() {
            let keys = keywordIndexes.map { field in
                (0..<segment.keywordColumns[field].keyCount).map { segment.keyword(field: field, id: UInt32($0)).display }
            }
            try body(SegmentColumns(segment: segment, deletions: deletions[index], keywordIndexes: keywordIndexes,
                                    numericIndexes: numericIndexes, keys: keys))
        }
    }

    /// The stored fields (``IndexDocument/stored``) of the live document with id `id`,
    /// or `nil` when there is none.
    ///
    /// - Throws: ``IndexError`` `.damaged` when the bytes fail their checksum.
    /// - Complexity: O(*s* log *n*) for *s* segments of *n* documents.
    public func storedFields(of id: String) throws -> [UInt8]? {
        guard let (segment, doc) = locate(id) else { return nil }
        return try segments[segment].stored(doc)
    }
}
