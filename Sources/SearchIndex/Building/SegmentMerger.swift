/// Merges segments into one, leaving out deleted documents, without re-analysing
/// any text: postings are decoded and re-encoded with new document numbers.
///
/// - Complexity: O(*p* + *t* log *t*) for *p* postings and positions and *t* distinct terms.
enum SegmentMerger {
    /// The merged segment, and for each input segment the new number of each of its
    /// documents (``PostingsCursor/exhausted`` for a deleted one): what lets a merge
    /// run beside writers and carry over the deletions they made meanwhile.
    struct Result {
        var segment: Segment
        var documentMap: [[UInt32]]
    }

    static func merge(_ segments: [Segment], deletions: [DeletionSet], schema: IndexSchema) -> Segment {
        mergeMapping(segments, deletions: deletions, schema: schema).segment
    }

    static func mergeMapping(_ segments: [Segment], deletions: [DeletionSet], schema: IndexSchema) -> Result {
        let fieldCount = schema.textFields.count
        let positionFields = schema.textFields.map(\.storesPositions)
        let hasPositions = positionFields.contains(true)
        // New document numbers: live documents in segment order.
        var remap: [[UInt32]] = []
        var ids: [String] = []
        var stored = SegmentAssembler.StoredColumn()
        var norms = [[UInt8]](repeating: [], count: fieldCount)
        var totals = [UInt64](repeating: 0, count: fieldCount)
        // Keyword columns: the union of the segments' keys, and each segment's key numbers in it.
        var keywords: [SegmentAssembler.KeywordColumn] = []
        var keyRemaps: [[[UInt32]]] = []  // [field][segment][old key] → new key
        for field in 0..<schema.keywordFields.count {
            var displayByKey: [String: String] = [:]
            for segment in segments {
                for key in 0..<segment.keywordColumns[field].keyCount {
                    let value = segment.keyword(field: field, id: UInt32(key))
                    if displayByKey[value.key] == nil { displayByKey[value.key] = value.display }
                }
            }
            var column = SegmentAssembler.KeywordColumn()
            column.keys = displayByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            column.displays = column.keys.map { displayByKey[$0]! }
            var number: [String: UInt32] = [:]
            for (id, key) in column.keys.enumerated() { number[key] = UInt32(id) }
            keywords.append(column)
            keyRemaps.append(segments.map { segment in
                (0..<segment.keywordColumns[field].keyCount).map { number[segment.keyword(field: field, id: UInt32($0)).key]! }
            })
        }
        var numbers = [[Int64]](repeating: [], count: schema.numericFields.count)
        for (s, segment) in segments.enumerated() {
            var map = [UInt32](repeating: PostingsCursor.exhausted, count: segment.documentCount)
            for field in 0..<fieldCount { totals[field] += segment.fieldTokenTotals[field] }
            for doc in 0..<segment.documentCount {
                if deletions[s].contains(doc) {
                    for field in 0..<fieldCount {
                        let length = UInt64(FieldNorm.decode(segment.norm(field: field, doc: doc)))
                        totals[field] -= min(totals[field], length)
                    }
                    continue
                }
                map[doc] = UInt32(ids.count)
                ids.append(segment.id(of: doc))
                let start = Int(segment.storedOffsets[doc]), end = Int(segment.storedOffsets[doc + 1])
                stored.append(UnsafeRawBufferPointer(start: segment.storedBytes + start, count: end - start),
                              checksum: segment.storedChecksums[doc])
                for field in 0..<fieldCount { norms[field].append(segment.norm(field: field, doc: doc)) }
                for field in 0..<schema.keywordFields.count {
                    let remap = keyRemaps[field][s]
                    keywords[field].appendDocument(segment.keywordValues(field: field, doc: doc).map { remap[Int($0)] }.sorted())
                }
                for field in 0..<schema.numericFields.count {
                    numbers[field].append(segment.number(field: field, doc: doc) ?? SegmentBuilder.missingNumber)
                }
            }
            remap.append(map)
        }

        var sources: [[UInt8]: [(segment: Int, ordinal: Int)]] = [:]
        for (s, segment) in segments.enumerated() {
            for ordinal in 0..<segment.termCount {
                sources[Array(segment.termKey(ordinal)), default: []].append((s, ordinal))
            }
        }
        let keys = sources.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var encoder = PostingsEncoder(fieldCount: fieldCount)
        var termKeys: [[UInt8]] = []
        var termDocFrequency: [UInt32] = []
        var termFirstBlock: [UInt32] = []
        var termPositionsStart: [UInt64] = []
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        var docNorms = [UInt8](repeating: 0, count: fieldCount)
        for key in keys {
            let firstBlock = UInt32(encoder.blockCount)
            let positionsStart = encoder.beginTerm()
            var documents: UInt32 = 0
            for source in sources[key]! {
                let segment = segments[source.segment]
                let cursor = PostingsCursor(segment: segment, ordinal: source.ordinal, positionFields: positionFields)
                while cursor.nextDoc() != PostingsCursor.exhausted {
                    let newDoc = remap[source.segment][Int(cursor.doc)]
                    guard newDoc != PostingsCursor.exhausted else { continue }
                    for field in 0..<fieldCount {
                        frequencies[field] = cursor.frequency(field: field)
                        docNorms[field] = segment.norm(field: field, doc: Int(cursor.doc))
                    }
                    frequencies.withUnsafeBufferPointer { f in
                        docNorms.withUnsafeBufferPointer { n in encoder.add(doc: newDoc, frequencies: f, norms: n) }
                    }
                    if hasPositions { encoder.appendPositionBytes(cursor.positionBytes()) }
                    documents += 1
                }
            }
            encoder.endTerm()
            guard documents > 0 else { continue }  // every document with the term was deleted
            termKeys.append(key)
            termDocFrequency.append(documents)
            termFirstBlock.append(firstBlock)
            termPositionsStart.append(positionsStart)
        }
        termFirstBlock.append(UInt32(encoder.blockCount))
        let segment = SegmentAssembler.assemble(
            schema: schema, termKeys: termKeys, termDocFrequency: termDocFrequency, termFirstBlock: termFirstBlock,
            termPositionsStart: termPositionsStart, encoder: encoder, norms: norms, fieldTokenTotals: totals,
            ids: ids, stored: stored, keywords: keywords, numbers: numbers)
        return Result(segment: segment, documentMap: remap)
    }
}
