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

    static func merge(_ segments: [Segment], deletions: [DeletionSet], schema: IndexSchema, reorderingDocuments: Bool = false) -> Segment {
        mergeMapping(segments, deletions: deletions, schema: schema, reorderingDocuments: reorderingDocuments).segment
    }

    /// - Parameter reorderingDocuments: number the documents by ``DocumentReordering``
    ///   (documents sharing terms near each other) instead of in segment order.
    static func mergeMapping(_ segments: [Segment], deletions: [DeletionSet], schema: IndexSchema,
                             reorderingDocuments: Bool = false) -> Result {
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
        // The live documents in segment order, then in their new order.
        var live: [(segment: Int, doc: Int)] = []
        for (s, segment) in segments.enumerated() {
            for field in 0..<fieldCount { totals[field] += segment.fieldTokenTotals[field] }
            for doc in 0..<segment.documentCount {
                if deletions[s].contains(doc) {
                    for field in 0..<fieldCount {
                        let length = UInt64(FieldNorm.decode(segment.norm(field: field, doc: doc)))
                        totals[field] -= min(totals[field], length)
                    }
                    continue
                }
                live.append((s, doc))
            }
        }
        var sources: [[UInt8]: [(segment: Int, ordinal: Int)]] = [:]
        for (s, segment) in segments.enumerated() {
            for ordinal in 0..<segment.termCount {
                sources[Array(segment.termKey(ordinal)), default: []].append((s, ordinal))
            }
        }
        let keys = sources.keys.sorted { $0.lexicographicallyPrecedes($1) }
        if reorderingDocuments {
            let order = Self.reordering(live: live, segments: segments, keys: keys, sources: sources)
            live = order.map { live[Int($0)] }
        }
        remap = segments.map { [UInt32](repeating: PostingsCursor.exhausted, count: $0.documentCount) }
        // Each segment's ids decoded once, a block of 16 at a time, instead of a block for every document.
        let segmentIDs = segments.map { segment in
            var all: [String] = []
            all.reserveCapacity(segment.documentCount)
            segment.ids.forEach { _, id in all.append(id) }
            return all
        }
        for (number, entry) in live.enumerated() {
            let (s, doc) = entry
            let segment = segments[s]
            remap[s][doc] = UInt32(number)
            ids.append(segmentIDs[s][doc])
            stored.append(segment.storedBytes(of: doc), checksum: segment.storedChecksum(of: doc))
            for field in 0..<fieldCount { norms[field].append(segment.norm(field: field, doc: doc)) }
            for field in 0..<schema.keywordFields.count {
                let remap = keyRemaps[field][s]
                keywords[field].appendDocument(segment.keywordValues(field: field, doc: doc).map { remap[Int($0)] }.sorted())
            }
            for field in 0..<schema.numericFields.count {
                numbers[field].append(segment.number(field: field, doc: doc) ?? SegmentBuilder.missingNumber)
            }
        }

        var encoder = PostingsEncoder(fieldCount: fieldCount)
        var termKeys: [[UInt8]] = []
        var termDocFrequency: [UInt32] = []
        var termFirstBlock: [UInt32] = []
        var termPositionsStart: [UInt64] = []
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        var docNorms = [UInt8](repeating: 0, count: fieldCount)
        var gathered = GatheredPostings()
        for key in keys {
            let firstBlock = UInt32(encoder.blockCount)
            let positionsStart = encoder.beginTerm()
            var documents: UInt32 = 0
            func forEachLivePosting(_ body: (UInt32, PostingsCursor, Segment) -> Void) {
                Self.forEachPosting(of: sources[key]!, in: segments, numbers: remap, positionFields: positionFields, body)
            }
            if reorderingDocuments {
                // New numbers are not in segment order: gather the term's postings, then sort them.
                gathered.removeAll()
                forEachLivePosting { newDoc, cursor, segment in
                    gathered.add(doc: newDoc, cursor: cursor, segment: segment, fieldCount: fieldCount, positions: hasPositions)
                }
                gathered.forEachInOrder(fieldCount: fieldCount) { doc, f, n, positions in
                    encoder.add(doc: doc, frequencies: f, norms: n)
                    if hasPositions { encoder.appendPositionBytes(positions) }
                    documents += 1
                }
            } else {
                forEachLivePosting { newDoc, cursor, segment in
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

    /// The order ``DocumentReordering`` gives the live documents (indexes into `live`), from
    /// the terms found in at least 8 of them (rarer ones hardly change gaps or blocks).
    private static func reordering(live: [(segment: Int, doc: Int)], segments: [Segment],
                                   keys: [[UInt8]], sources: [[UInt8]: [(segment: Int, ordinal: Int)]]) -> [UInt32] {
        var natural = segments.map { [UInt32](repeating: PostingsCursor.exhausted, count: $0.documentCount) }
        for (number, entry) in live.enumerated() { natural[entry.segment][entry.doc] = UInt32(number) }
        // Forward index: each document's terms, counted first, then filled (compressed rows).
        var counts = [Int](repeating: 0, count: live.count + 1)
        var chosen: [[(segment: Int, ordinal: Int)]] = []
        for key in keys {
            let list = sources[key]!
            let frequency = list.reduce(0) { $0 + Int(segments[$1.segment].termDocFrequency[$1.ordinal]) }
            guard frequency >= 8 else { continue }
            chosen.append(list)
        }
        func forEachDocument(_ list: [(segment: Int, ordinal: Int)], _ body: (Int) -> Void) {
            forEachPosting(of: list, in: segments, numbers: natural, positionFields: []) { number, _, _ in body(Int(number)) }
        }
        for list in chosen { forEachDocument(list) { counts[$0 + 1] += 1 } }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var terms = [UInt32](repeating: 0, count: counts[live.count])
        var next = counts
        for (term, list) in chosen.enumerated() {
            forEachDocument(list) { document in
                terms[next[document]] = UInt32(term)
                next[document] += 1
            }
        }
        return DocumentReordering(termStarts: counts, terms: terms, termCount: chosen.count).order()
    }

    /// Each posting of a term (`list`: its ordinal in each segment that has it) whose document
    /// `numbers` maps to a number (not ``PostingsCursor/exhausted``: deleted), with that number.
    private static func forEachPosting(of list: [(segment: Int, ordinal: Int)], in segments: [Segment], numbers: [[UInt32]],
                                       positionFields: [Bool], _ body: (UInt32, PostingsCursor, Segment) -> Void) {
        for source in list {
            let segment = segments[source.segment]
            let cursor = PostingsCursor(segment: segment, ordinal: source.ordinal, positionFields: positionFields)
            while cursor.nextDoc() != PostingsCursor.exhausted {
                let number = numbers[source.segment][Int(cursor.doc)]
                if number != PostingsCursor.exhausted { body(number, cursor, segment) }
            }
        }
    }
}

/// One term's postings gathered from several segments under new document numbers, to be
/// encoded in document order (a reordering merge).
struct GatheredPostings {
    private var docs: [UInt32] = []
    private var frequencies: [UInt32] = []
    private var norms: [UInt8] = []
    private var positionStarts: [Int] = [0]
    private var positionBytes: [UInt8] = []

    /// Empties it, keeping its capacity for the next term.
    mutating func removeAll() {
        docs.removeAll(keepingCapacity: true)
        frequencies.removeAll(keepingCapacity: true)
        norms.removeAll(keepingCapacity: true)
        positionStarts.removeAll(keepingCapacity: true)
        positionStarts.append(0)
        positionBytes.removeAll(keepingCapacity: true)
    }

    mutating func add(doc: UInt32, cursor: PostingsCursor, segment: Segment, fieldCount: Int, positions: Bool) {
        docs.append(doc)
        for field in 0..<fieldCount {
            frequencies.append(cursor.frequency(field: field))
            norms.append(segment.norm(field: field, doc: Int(cursor.doc)))
        }
        if positions { positionBytes.append(contentsOf: cursor.positionBytes()) }
        positionStarts.append(positionBytes.count)
    }

    /// Calls `body` with each posting, by increasing document.
    func forEachInOrder(fieldCount: Int,
                        _ body: (UInt32, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        let order = docs.indices.sorted { docs[$0] < docs[$1] }
        frequencies.withUnsafeBufferPointer { f in
            norms.withUnsafeBufferPointer { n in
                positionBytes.withUnsafeBufferPointer { p in
                    for index in order {
                        body(docs[index],
                             UnsafeBufferPointer(rebasing: f[(index * fieldCount)..<((index + 1) * fieldCount)]),
                             UnsafeBufferPointer(rebasing: n[(index * fieldCount)..<((index + 1) * fieldCount)]),
                             UnsafeBufferPointer(rebasing: p[positionStarts[index]..<positionStarts[index + 1]]))
                    }
                }
            }
        }
    }
}
