import VietnameseText

/// Runs a ``SearchQuery`` over an ``IndexSnapshot``.
///
/// Per segment, the plan depends on the query:
/// - **no required term** (ranked OR): MaxScore with block-max bounds. Terms are
///   ordered by their highest possible score; those whose bounds together cannot
///   lift a document above the current k-th score are "non-essential" and only
///   looked up for documents the others found; a candidate whose block bounds
///   cannot reach the k-th score is skipped without decoding frequencies.
/// - **required terms** (AND, `+word`, phrases): leapfrog intersection from the
///   rarest term; a run of documents whose block bounds cannot reach the k-th
///   score is skipped a block at a time.
/// - **no term at all** (filters only): every live document that passes, score 0.
/// Counting every hit or facets adds a second pass that visits every match without
/// scoring it (a bitset union for OR), so the top k keeps its skipping.
/// Statistics (document count, document frequency, average lengths) are those of
/// the whole snapshot, so scores do not depend on how documents fall into segments.
struct Searcher {
    let snapshot: IndexSnapshot
    /// Counts of earlier queries, when the index keeps them.
    var countCache: CountCache? = nil
    private var schema: IndexSchema { snapshot.schema }

    func search(_ query: SearchQuery) throws -> SearchResult {
        try validate(query)
        let parsed = QueryParser.parse(query.text, mode: query.mode)
        let segments = snapshot.segments
        let totalDocuments = snapshot.totalDocuments
        let scorer = snapshot.scorer

        // Term weights from snapshot-wide document frequencies.
        var ordinals: [[(folded: Int?, canonical: Int?)]] = segments.map { segment in
            parsed.terms.map { term in
                (segment.termOrdinal(.folded, term.folded), term.canonical.flatMap { segment.termOrdinal(.canonical, $0) })
            }
        }
        var foldedWeights = [Double](repeating: 0, count: parsed.terms.count)
        var canonicalWeights = [Double](repeating: 0, count: parsed.terms.count)
        for index in parsed.terms.indices {
            var folded = 0, canonical = 0
            for (s, segment) in segments.enumerated() {
                if let ordinal = ordinals[s][index].folded { folded += Int(segment.termDocFrequency[ordinal]) }
                if let ordinal = ordinals[s][index].canonical { canonical += Int(segment.termDocFrequency[ordinal]) }
            }
            foldedWeights[index] = BM25F.idf(documentCount: totalDocuments, docFrequency: folded)
            canonicalWeights[index] = schema.accentBonus * BM25F.idf(documentCount: totalDocuments, docFrequency: canonical)
        }
        // Common terms (see SearchQuery.commonTermCutoff), judged on the whole snapshot.
        var isCommon = [Bool](repeating: false, count: parsed.terms.count)
        if let cutoff = query.commonTermCutoff, query.mode == .any {
            for (index, term) in parsed.terms.enumerated() where term.occurrence == .should {
                let frequency = segments.indices.reduce(0) { total, s in
                    total + (ordinals[s][index].folded.map { Int(segments[s].termDocFrequency[$0]) } ?? 0)
                }
                isCommon[index] = Double(frequency) > cutoff * Double(totalDocuments)
            }
            let bringsDocuments = parsed.terms.indices.contains { index in
                parsed.terms[index].occurrence == .should && !isCommon[index]
                    && segments.indices.contains { ordinals[$0][index].folded != nil }
            }
            if !bringsDocuments { isCommon = [Bool](repeating: false, count: parsed.terms.count) }
        }
        if schema.accentBonus <= 0 || !query.scoresAccents {
            for s in ordinals.indices { for t in ordinals[s].indices { ordinals[s][t].canonical = nil } }
        }

        let exhaustive = query.countsTotalHits || !query.facets.isEmpty
        let facetFields = query.facets.map { schema.keywordFieldIndex($0)! }
        var facetCounts: [[String: (display: String, count: Int)]] = Array(repeating: [:], count: facetFields.count)
        var heap = TopK(capacity: max(0, query.offset) + max(0, query.limit))
        var total = 0
        var capped = false
        let countLimit = query.countLimit ?? Int.max
        let liveSegments = Set(segments.map(\.serial))
        let positionFields = schema.textFields.map(\.storesPositions)

        for (s, segment) in segments.enumerated() {
            guard let filter = CompiledFilter(query.filters, schema: schema, segment: segment, deletions: snapshot.deletions[s]) else { continue }
            // Top k with pruning; then, when totals or facets are asked, a counting pass
            // that visits every match without scoring it.
            var plan = SegmentPlan(segment: segment, segmentIndex: s, scorer: scorer, exhaustive: query.scoresEveryMatch, filter: filter)
            guard plan.prepare(parsed, ordinals: ordinals[s], foldedWeights: foldedWeights, canonicalWeights: canonicalWeights,
                               positionFields: positionFields, isCommon: isCommon) else { continue }
            plan.run(heap: &heap) { _ in }
            var segmentFacets = facetFields.map { [Int](repeating: 0, count: segment.keywordColumns[$0].keyCount) }
            if exhaustive {
                let key = CountCache.Key(segment: segment.serial, text: query.text, mode: query.mode, filters: query.filters,
                                         facets: query.facets, limit: countLimit, commonTermCutoff: query.commonTermCutoff)
                let deletions = snapshot.deletions[s]
                let cached = countCache?.lookup(key, deletions: deletions) { gone in
                    // The newly deleted documents that matched, checked on the segment without its deletions.
                    guard let everyDocument = CompiledFilter(query.filters, schema: schema, segment: segment,
                                                             deletions: DeletionSet(documentCount: segment.documentCount)) else {
                        return gone.map { _ in nil }
                    }
                    var checker = SegmentPlan(segment: segment, segmentIndex: s, scorer: scorer, exhaustive: true, filter: everyDocument)
                    guard checker.prepare(parsed, ordinals: ordinals[s], foldedWeights: foldedWeights, canonicalWeights: canonicalWeights,
                                          positionFields: positionFields, isCommon: isCommon, scoring: false) else { return gone.map { _ in nil } }
                    return gone.map { doc in
                        checker.matches(UInt32(doc)) ? facetFields.map { Array(segment.keywordValues(field: $0, doc: doc)) } : nil
                    }
                }
                if let cached {
                    total += cached.total
                    segmentFacets = cached.facets
                    capped = capped || cached.capped
                } else {
                    var counter = SegmentPlan(segment: segment, segmentIndex: s, scorer: scorer, exhaustive: true, filter: filter)
                    _ = counter.prepare(parsed, ordinals: ordinals[s], foldedWeights: foldedWeights, canonicalWeights: canonicalWeights,
                                        positionFields: positionFields, isCommon: isCommon, scoring: false)
                    var counted = 0
                    var last = -1
                    var stopped = false
                    counter.count { doc in
                        if counted == countLimit {
                            stopped = true
                            return false
                        }
                        counted += 1
                        last = doc
                        for (f, field) in facetFields.enumerated() {
                            for key in segment.keywordValues(field: field, doc: doc) { segmentFacets[f][Int(key)] += 1 }
                        }
                        return true
                    }
                    total += counted
                    capped = capped || stopped
                    countCache?.store(key, .init(deletions: deletions, total: counted, facets: segmentFacets, capped: stopped,
                                                 lastCounted: stopped ? last : segment.documentCount, age: 0), liveSegments: liveSegments)
                }
            }
            for (f, field) in facetFields.enumerated() {
                for (key, count) in segmentFacets[f].enumerated() where count > 0 {
                    let value = segment.keyword(field: field, id: UInt32(key))
                    facetCounts[f][value.key, default: (value.display, 0)].count += count
                }
            }
        }

        let ranked = heap.sorted().dropFirst(max(0, query.offset))
        let hits = try ranked.map { entry -> SearchHit in
            let segment = segments[entry.segment]
            let explanation = query.explains
                ? explain(parsed, segment: segment, doc: entry.doc, ordinals: ordinals[entry.segment],
                          foldedWeights: foldedWeights, canonicalWeights: canonicalWeights, scorer: scorer, positionFields: positionFields)
                : nil
            return SearchHit(id: segment.id(of: Int(entry.doc)), score: entry.score, explanation: explanation,
                             stored: query.loadsStoredFields ? try segment.stored(Int(entry.doc)) : nil)
        }
        var facets: [String: [FacetCount]] = [:]
        for (f, name) in query.facets.enumerated() {
            facets[name] = facetCounts[f]
                .map { FacetCount(value: $0.value.display, key: $0.key, count: $0.value.count) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : VietnameseCollation.precedes($0.value, $1.value) }
        }
        return SearchResult(hits: Array(hits), totalHits: exhaustive ? total : nil, totalIsExact: !capped, facets: facets)
    }

    private func validate(_ query: SearchQuery) throws {
        for name in query.facets where schema.keywordFieldIndex(name) == nil {
            throw IndexError(.unknownField, "no keyword field '\(name)' to count facets of")
        }
        for filter in query.filters {
            switch filter {
            case .keyword(let name, _) where schema.keywordFieldIndex(name) == nil:
                throw IndexError(.unknownField, "no keyword field '\(name)' to filter on")
            case .range(let name, _, _, _) where schema.numericFieldIndex(name) == nil:
                throw IndexError(.unknownField, "no numeric field '\(name)' to filter on")
            case .withinDistance(let latitude, let longitude, _, _, _)
                where schema.numericFieldIndex(latitude) == nil || schema.numericFieldIndex(longitude) == nil:
                throw IndexError(.unknownField, "no numeric fields '\(latitude)' and '\(longitude)' to filter on")
            default: break
            }
        }
    }

    /// Which query terms, in which fields, made the score of `doc`.
    private func explain(_ parsed: ParsedQuery, segment: Segment, doc: UInt32, ordinals: [(folded: Int?, canonical: Int?)],
                         foldedWeights: [Double], canonicalWeights: [Double], scorer: BM25F, positionFields: [Bool]) -> ScoreExplanation {
        var matches: [TermMatch] = []
        for (index, term) in parsed.terms.enumerated() where term.occurrence != .mustNot {
            for (space, ordinal, weight) in [(TermSpace.folded, ordinals[index].folded, foldedWeights[index]),
                                             (TermSpace.canonical, ordinals[index].canonical, canonicalWeights[index])] {
                guard let ordinal else { continue }
                let cursor = PostingsCursor(segment: segment, ordinal: ordinal, positionFields: positionFields)
                guard cursor.advance(to: doc) == doc else { continue }
                let tf = scorer.pseudoFrequency(cursor, segment: segment)
                let score = scorer.saturate(tf, weight: weight)
                var fields: [FieldMatch] = []
                for (field, textField) in schema.textFields.enumerated() {
                    let frequency = cursor.frequency(field: field)
                    guard frequency > 0 else { continue }
                    let share = Double(frequency) * scorer.factors[field * 256 + Int(segment.norm(field: field, doc: Int(doc)))] / tf
                    fields.append(FieldMatch(field: textField.name, frequency: Int(frequency), score: score * share))
                }
                matches.append(TermMatch(term: term.text, space: space, score: score, fields: fields))
            }
        }
        return ScoreExplanation(terms: matches)
    }
}
