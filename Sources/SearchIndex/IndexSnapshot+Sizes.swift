extension IndexSnapshot {
    /// Where an index's bytes go: each section's bytes summed over the segments (in the segment format's order;
    /// keyword columns as `keywords`, numeric columns as `numbers`, the headers and alignment as `headers`), and
    /// the number of postings (a term in a document) and of terms, for bytes per posting and per term.
    ///
    /// - Complexity: O(*s* · (*t* + sections)) for *s* segments of *t* terms.
    public func sizeBreakdown() -> (sections: [(name: String, bytes: Int)], postings: Int, terms: Int) {
        typealias S = SegmentFormat.Section
        var totals: [String: Int] = [:]
        var postings = 0, terms = 0
        for segment in segments {
            let base = segment.bytes.baseAddress!
            func load(_ offset: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            let sectionCount = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 28, as: UInt32.self)))
            var counted = 0
            for index in 0..<sectionCount {
                let length = Int(load(SegmentFormat.fixedHeaderBytes + index * 16 + 8))
                let name = S(rawValue: index).map { "\($0)" } ?? (index < S.keywordBase + SegmentFormat.KeywordSection.count * segment.keywordFieldCount
                                                                  ? "keywords" : "numbers")
                totals[name, default: 0] += length
                counted += length
            }
            totals["headers", default: 0] += segment.bytes.count - counted
            terms += segment.termCount
            postings += (0..<segment.termCount).reduce(0) { $0 + Int(segment.termDocFrequency[$1]) }
        }
        let order = (0..<S.keywordBase).compactMap { S(rawValue: $0).map { "\($0)" } } + ["keywords", "numbers", "headers"]
        return (order.compactMap { name in totals[name].map { (name, $0) } }, postings, terms)
    }
}
