/// One query's cursors and algorithm on one segment (see ``Searcher``).
struct SegmentPlan {
    /// A scored term: its cursor, its weight (idf × boost) and its best possible score here.
    final class Clause {
        let cursor: PostingsCursor
        let weight: Double
        var maxScore: Double = 0

        init(cursor: PostingsCursor, weight: Double) {
            self.cursor = cursor
            self.weight = weight
        }
    }

    let segment: Segment
    let segmentIndex: Int
    let scorer: BM25F
    let exhaustive: Bool
    let filter: CompiledFilter
    private var required: [Clause] = []
    private var optional: [Clause] = []
    private var excluded: [PostingsCursor] = []
    /// Required phrases: cursors of their syllables in order.
    private var phrases: [[PostingsCursor]] = []
    private var excludedPhrases: [[PostingsCursor]] = []
    private var matchesAll = false

    init(segment: Segment, segmentIndex: Int, scorer: BM25F, exhaustive: Bool, filter: CompiledFilter) {
        self.segment = segment
        self.segmentIndex = segmentIndex
        self.scorer = scorer
        self.exhaustive = exhaustive
        self.filter = filter
    }

    /// Opens the cursors; returns `false` when no document of the segment can match.
    mutating func prepare(_ parsed: ParsedQuery, ordinals: [(folded: Int?, canonical: Int?)],
                          foldedWeights: [Double], canonicalWeights: [Double], positionFields: [Bool]) -> Bool {
        var requiredByTerm: [Int: Clause] = [:]
        let excludedPhraseMembers = Set(parsed.phrases.filter(\.excluded).flatMap(\.terms))
        for (index, term) in parsed.terms.enumerated() {
            let folded = ordinals[index].folded
            switch term.occurrence {
            case .must:
                guard let folded else { return false }
                let clause = Clause(cursor: PostingsCursor(segment: segment, ordinal: folded, positionFields: positionFields), weight: foldedWeights[index])
                required.append(clause)
                requiredByTerm[index] = clause
            case .should:
                if let folded {
                    optional.append(Clause(cursor: PostingsCursor(segment: segment, ordinal: folded, positionFields: positionFields), weight: foldedWeights[index]))
                }
            case .mustNot:
                if let folded, !excludedPhraseMembers.contains(index) {
                    excluded.append(PostingsCursor(segment: segment, ordinal: folded, positionFields: positionFields))
                }
                continue
            }
            if let canonical = ordinals[index].canonical, canonicalWeights[index] > 0 {
                optional.append(Clause(cursor: PostingsCursor(segment: segment, ordinal: canonical, positionFields: positionFields), weight: canonicalWeights[index]))
            }
        }
        for phrase in parsed.phrases {
            if phrase.excluded {
                let cursors = phrase.terms.compactMap { ordinals[$0].folded }
                if cursors.count == phrase.terms.count {
                    excludedPhrases.append(cursors.map { PostingsCursor(segment: segment, ordinal: $0, positionFields: positionFields) })
                }
            } else {
                phrases.append(phrase.terms.map { requiredByTerm[$0]!.cursor })
            }
        }
        if required.isEmpty && optional.isEmpty {
            // Nothing to score: a query of filters only (or of excluded words only).
            guard parsed.terms.allSatisfy({ $0.occurrence == .mustNot }) else { return false }
            matchesAll = true
        }
        for clause in required + optional { clause.maxScore = maxScore(clause) }
        return true
    }

    /// The best score `clause` can give in this segment (from its blocks' bounds).
    private func maxScore(_ clause: Clause) -> Double {
        var best = 0.0
        for block in clause.cursor.blocks { best = max(best, scorer.blockBound(segment, block: block)) }
        return scorer.saturate(best, weight: clause.weight)
    }

    @inline(__always)
    private func score(_ clause: Clause) -> Double {
        scorer.saturate(scorer.pseudoFrequency(clause.cursor, segment: segment), weight: clause.weight)
    }

    @inline(__always)
    private func blockMaxScore(_ clause: Clause, block: Int) -> Double {
        scorer.saturate(scorer.blockBound(segment, block: block), weight: clause.weight)
    }

    /// Finds the segment's hits into `heap`; calls `matched` for every hit visited
    /// when exhaustive (for counts and facets).
    mutating func run(heap: inout TopK, matched: (Int) -> Void) {
        if matchesAll {
            runAll(&heap, matched)
        } else if required.isEmpty {
            runDisjunction(&heap, matched)
        } else {
            runConjunction(&heap, matched)
        }
    }

    /// Filters, deletions, exclusions and phrases.
    @inline(__always)
    private func accepts(_ doc: UInt32) -> Bool {
        guard filter.accepts(Int(doc)) else { return false }
        for cursor in excluded where cursor.advance(to: doc) == doc { return false }
        for phrase in phrases where !SegmentPlan.adjacent(phrase, fieldCount: segment.fieldCount) { return false }
        for phrase in excludedPhrases {
            if phrase.allSatisfy({ $0.advance(to: doc) == doc }) && SegmentPlan.adjacent(phrase, fieldCount: segment.fieldCount) { return false }
        }
        return true
    }

    /// Whether the cursors' terms (all on one document) stand next to each other, in
    /// order, in some field.
    private static func adjacent(_ cursors: [PostingsCursor], fieldCount: Int) -> Bool {
        for field in 0..<fieldCount {
            let lists = cursors.map { $0.positions(field: field) }
            guard let first = lists.first, !first.isEmpty, lists.allSatisfy({ !$0.isEmpty }) else { continue }
            for start in first {
                var all = true
                for (offset, list) in lists.enumerated().dropFirst() {
                    if !SegmentPlan.sortedContains(list, start + UInt32(offset)) {
                        all = false
                        break
                    }
                }
                if all { return true }
            }
        }
        return false
    }

    private static func sortedContains(_ list: [UInt32], _ value: UInt32) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == value
    }

    private func runAll(_ heap: inout TopK, _ matched: (Int) -> Void) {
        for doc in 0..<segment.documentCount {
            if !exhaustive && heap.isFull { return }  // score 0 everywhere: later documents lose ties
            guard accepts(UInt32(doc)) else { continue }
            if exhaustive { matched(doc) }
            heap.insert(.init(score: 0, segment: segmentIndex, doc: UInt32(doc)))
        }
    }

    /// Ranked OR: MaxScore over the optional clauses, with block-max bounds.
    private mutating func runDisjunction(_ heap: inout TopK, _ matched: (Int) -> Void) {
        let clauses = optional.sorted { $0.maxScore < $1.maxScore }
        var prefix = [Double](repeating: 0, count: clauses.count)
        var running = 0.0
        for (index, clause) in clauses.enumerated() {
            running += clause.maxScore
            prefix[index] = running
        }
        for clause in clauses { clause.cursor.nextDoc() }
        var threshold = exhaustive ? -Double.infinity : heap.threshold
        var firstEssential = 0
        func repartition() {
            while firstEssential < clauses.count && prefix[firstEssential] <= threshold { firstEssential += 1 }
        }
        repartition()
        while firstEssential < clauses.count {
            var candidate = PostingsCursor.exhausted
            for index in firstEssential..<clauses.count { candidate = min(candidate, clauses[index].cursor.doc) }
            if candidate == PostingsCursor.exhausted { break }
            let nonEssential = firstEssential > 0 ? prefix[firstEssential - 1] : 0

            if !exhaustive && heap.isFull {
                // Block-max bound of the essential clauses on this candidate.
                var bound = nonEssential
                for index in firstEssential..<clauses.count where clauses[index].cursor.doc == candidate {
                    bound += blockMaxScore(clauses[index], block: clauses[index].cursor.block)
                }
                if bound <= threshold {
                    // Up to the end of those blocks, and before any other essential clause's
                    // next document, only these clauses can match, within the same bound.
                    var next = PostingsCursor.exhausted
                    for index in firstEssential..<clauses.count {
                        let cursor = clauses[index].cursor
                        if cursor.doc == candidate {
                            let end = cursor.lastDoc(ofBlock: cursor.block)
                            next = min(next, end == PostingsCursor.exhausted - 1 ? end : end + 1)
                        } else {
                            next = min(next, cursor.doc)
                        }
                    }
                    next = max(next, candidate + 1)
                    for index in firstEssential..<clauses.count where clauses[index].cursor.doc == candidate {
                        clauses[index].cursor.advance(to: next)
                    }
                    continue
                }
            }

            guard accepts(candidate) else {
                for index in firstEssential..<clauses.count where clauses[index].cursor.doc == candidate { clauses[index].cursor.nextDoc() }
                continue
            }
            var score = 0.0
            for index in firstEssential..<clauses.count where clauses[index].cursor.doc == candidate {
                score += self.score(clauses[index])
                clauses[index].cursor.nextDoc()
            }
            var index = firstEssential - 1
            while index >= 0 {
                if !exhaustive && score + prefix[index] <= threshold { break }
                let cursor = clauses[index].cursor
                if cursor.advance(to: candidate) == candidate { score += self.score(clauses[index]) }
                index -= 1
            }
            if exhaustive { matched(Int(candidate)) }
            if heap.insert(.init(score: score, segment: segmentIndex, doc: candidate)) && !exhaustive {
                threshold = heap.threshold
                repartition()
            }
        }
    }

    /// AND: leapfrog over the required clauses from the rarest, block-max skipping,
    /// optional clauses added to the score.
    private mutating func runConjunction(_ heap: inout TopK, _ matched: (Int) -> Void) {
        let musts = required.sorted { $0.cursor.docFrequency < $1.cursor.docFrequency }
        let lead = musts[0].cursor
        let optionalMax = optional.reduce(0) { $0 + $1.maxScore }
        var threshold = exhaustive ? -Double.infinity : heap.threshold
        var target = lead.nextDoc()
        outer: while target != PostingsCursor.exhausted {
            if !exhaustive && heap.isFull {
                var bound = optionalMax
                var blockEnd = PostingsCursor.exhausted
                for clause in musts {
                    guard let block = clause.cursor.shallowAdvance(to: target) else { break outer }
                    bound += blockMaxScore(clause, block: block)
                    blockEnd = min(blockEnd, clause.cursor.lastDoc(ofBlock: block))
                }
                if bound <= threshold {
                    guard blockEnd != PostingsCursor.exhausted else { break }
                    target = lead.advance(to: blockEnd + 1)
                    continue
                }
            }
            for clause in musts.dropFirst() {
                let doc = clause.cursor.advance(to: target)
                if doc > target {
                    target = lead.advance(to: doc)
                    continue outer
                }
            }
            if accepts(target) {
                var score = 0.0
                for clause in musts { score += self.score(clause) }
                if exhaustive || score + optionalMax > threshold {
                    for clause in optional where clause.cursor.advance(to: target) == target { score += self.score(clause) }
                }
                if exhaustive { matched(Int(target)) }
                if heap.insert(.init(score: score, segment: segmentIndex, doc: target)) && !exhaustive { threshold = heap.threshold }
            }
            target = lead.nextDoc()
        }
    }
}
