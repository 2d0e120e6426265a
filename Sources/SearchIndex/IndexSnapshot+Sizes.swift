extension IndexSnapshot {
    /// Where an index's bytes go: each section's bytes summed over the segments (by the segment format's section
    /// names; keyword columns as `keywords`, numeric columns as `numbers`, the headers and alignment as `headers`),
    /// and the number of postings (a term in a document) and of terms, for bytes per posting and per term.
    ///
    /// - Complexity: O(*s* · (*t* + sections)) for *s* segments of *t* terms.
    public func sizeBreakdown() -> (sections: [String: Int], postings: Int, terms: Int) {
        typealias S = SegmentFormat.Section
        var totals: [String: Int] = [:]
        var postings = 0, terms = 0
        for segment in segments {
            // The header and sections were checked when the segment was opened.
            var reader = SegmentReader(base: UnsafeRawPointer(segment.bytes.baseAddress!), count: segment.bytes.count)
            guard let header = try? reader.header() else { continue }
            var counted = 0
            for index in 0..<SegmentFormat.sectionCount(keywordFields: header.keywordFieldCount, numericFields: header.numericFieldCount) {
                guard let section: UnsafeBufferPointer<UInt8> = try? reader.section(index) else { continue }
                let name = S(rawValue: index).map { "\($0)" } ?? (index < S.keywordBase + SegmentFormat.KeywordSection.count * header.keywordFieldCount
                                                                  ? "keywords" : "numbers")
                totals[name, default: 0] += section.count
                counted += section.count
            }
            totals["headers", default: 0] += segment.bytes.count - counted
            terms += segment.termCount
            postings += (0..<segment.termCount).reduce(0) { $0 + Int(segment.termDocFrequency[$1]) }
        }
        return (totals, postings, terms)
    }
}
