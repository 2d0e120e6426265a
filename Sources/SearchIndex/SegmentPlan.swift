/// One query's cursors and algorithm on one segment (see ``Searcher``).
struct SegmentPlan {
    /// A scored term: its cursor, its weight (idf × boost) and its best possible score here.
    final class Clause {
        let cursor: PostingsCursor
        let weight: Double
        /// The best score of the clause in the segment.
        var maxScore: Double = 0
        /// The best score in each of the term's blocks (index: block - first block).
        var blockScores: [Double] = []
        private var firstBlock = 0

        init(cursor: PostingsCursor, weight: Double) {
            self.cursor = cursor
            self.weight = weight
        }

        /// Computes the block bounds once: O(blocks).
        func computeBounds(_ scorer: BM25F) {
            let blocks = cursor.blocks
            firstBlock = blocks.lowerBound
            blockScores = blocks.map { scorer.saturate(scorer.blockBound(cursor.segment, block: $0), weight: weight) }
            maxScore = blockScores.max() ?? 0
        }

        @inline(__always)
        func blockScore(_ block: Int) -> Double { blockScores[block - firstBlock] }
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
    /// Whether any document could fail `accepts` (filters, deletions, exclusions, phrases).
    private var needsChecks = true

    init(segment: Segment, segmentIndex: Int, scorer: BM25F, exhaustive: Bool, filter: CompiledFilter) {
        self.segment = segment
        self.segmentIndex = segmentIndex
        self.scorer = scorer
        self.exhaustive = exhaustive
        self.filter = filter
    }

    /// Opens the cursors; returns `false` when no document of the segment can match.
    /// - Parameter scoring: `false` for a plan that only ``count(_:)``s: it needs no
    ///   block bounds, and no accented-form clauses (their documents are a subset of
    ///   the accent-free ones).
    mutating func prepare(_ parsed: ParsedQuery, ordinals: [(folded: Int?, canonical: Int?)],
                          foldedWeights: [Double], canonicalWeights: [Double], positionFields: [Bool],
                          scoring: Bool = true) -> Bool {
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
            if scoring, let canonical = ordinals[index].canonical, canonicalWeights[index] > 0 {
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
        if scoring {
            for clause in required + optional { clause.computeBounds(scorer) }
        }
        needsChecks = filter.isTrivial == false || !excluded.isEmpty || !phrases.isEmpty || !excludedPhrases.isEmpty
        return true
    }

    /// The clause's score on its cursor's document, in fixed point (units of 2⁻³²).
    ///
    /// Sums of integers do not depend on their order, so a document gets the same
    /// score whichever clauses were essential when it was found: ties stay ties.
    /// Truncation keeps every sum below the bounds the pruning compares it with.
    @inline(__always)
    private func score(_ clause: Clause) -> UInt64 {
        UInt64(scorer.score(clause.cursor, segment: segment, weight: clause.weight) * SegmentPlan.fixedPointScale)
    }

    static let fixedPointScale = 4_294_967_296.0

    @inline(__always)
    private static func real(_ score: UInt64) -> Double { Double(score) / fixedPointScale }


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

    /// Visits every matching document once, in order, without scoring: for totals
    /// and facet counts. OR: a bitset union of the clauses' postings (no frequency
    /// is decoded); AND: a leapfrog intersection.
    ///
    /// - Complexity: O(*p*) in the postings of the query's terms, plus O(*n* / 64) for the bitset.
    mutating func count(_ matched: (Int) -> Void) {
        if matchesAll {
            for doc in 0..<segment.documentCount where accepts(UInt32(doc)) { matched(doc) }
            return
        }
        if !required.isEmpty {
            let musts = required.sorted { $0.cursor.docFrequency < $1.cursor.docFrequency }
            let lead = musts[0].cursor
            var target = lead.nextDoc()
            outer: while target != PostingsCursor.exhausted {
                for clause in musts.dropFirst() {
                    let doc = clause.cursor.advance(to: target)
                    if doc > target {
                        target = lead.advance(to: doc)
                        continue outer
                    }
                }
                if accepts(target) { matched(Int(target)) }
                target = lead.nextDoc()
            }
            return
        }
        var bits = [UInt64](repeating: 0, count: (segment.documentCount + 63) / 64)
        for clause in optional {
            var doc = clause.cursor.nextDoc()
            while doc != PostingsCursor.exhausted {
                bits[Int(doc) >> 6] |= 1 << UInt64(doc & 63)
                doc = clause.cursor.nextDoc()
            }
        }
        for (word, value) in bits.enumerated() where value != 0 {
            var remaining = value
            while remaining != 0 {
                let doc = word << 6 | remaining.trailingZeroBitCount
                remaining &= remaining - 1
                if accepts(UInt32(doc)) { matched(doc) }
            }
        }
    }

    /// Filters, deletions, exclusions and phrases.
    @inline(__always)
    private func accepts(_ doc: UInt32) -> Bool {
        guard needsChecks else { return true }
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

    /// Ranked OR: block-max MaxScore over the optional clauses.
    ///
    /// Documents are taken window by window, a window ending where the first of the
    /// clauses' current blocks ends. In a window, each clause's bound is its block's
    /// best score; clauses whose bounds together cannot beat the k-th score are
    /// non-essential (only looked up for candidates the others bring), and a window
    /// where all are non-essential is skipped without decoding anything.
    private mutating func runDisjunction(_ heap: inout TopK, _ matched: (Int) -> Void) {
        let clauses = optional
        let count = clauses.count
        for clause in clauses { clause.cursor.nextDoc() }
        if exhaustive {
            while true {
                var candidate = PostingsCursor.exhausted
                for clause in clauses { candidate = min(candidate, clause.cursor.doc) }
                if candidate == PostingsCursor.exhausted { return }
                let accepted = accepts(candidate)
                var score: UInt64 = 0
                for clause in clauses where clause.cursor.doc == candidate {
                    if accepted { score += self.score(clause) }
                    clause.cursor.nextDoc()
                }
                guard accepted else { continue }
                matched(Int(candidate))
                heap.insert(.init(score: SegmentPlan.real(score), segment: segmentIndex, doc: candidate))
            }
        }
        var threshold = heap.threshold
        let window = WindowBuffer()
        var order = Array(0..<count)
        var windowMax = [Double](repeating: 0, count: count)
        var prefix = [Double](repeating: 0, count: count)
        var windowStart: UInt32 = clauses.reduce(PostingsCursor.exhausted) { min($0, $1.cursor.doc) }
        while windowStart != PostingsCursor.exhausted {
            // The window: up to the end of the nearest block.
            var windowEnd = PostingsCursor.exhausted
            for index in 0..<count {
                let cursor = clauses[index].cursor
                if cursor.doc == PostingsCursor.exhausted { continue }
                guard let block = cursor.shallowAdvance(to: windowStart) else { continue }
                windowEnd = min(windowEnd, cursor.lastDoc(ofBlock: block))
            }
            if windowEnd == PostingsCursor.exhausted { return }
            windowEnd = min(windowEnd, windowStart + UInt32(WindowBuffer.capacity - 1))
            for index in 0..<count {
                // A clause whose next document is past the window adds nothing to it.
                let cursor = clauses[index].cursor
                windowMax[index] = cursor.doc > windowEnd ? 0 : clauses[index].blockScore(cursor.block)
            }
            order.sort { windowMax[$0] < windowMax[$1] }
            var running = 0.0
            for position in 0..<count {
                running += windowMax[order[position]]
                prefix[position] = running
            }
            var firstEssential = 0
            while firstEssential < count && prefix[firstEssential] <= threshold { firstEssential += 1 }
            if firstEssential < count {
                // Essential clauses: accumulate their scores over the window, clause by clause.
                for position in firstEssential..<count {
                    let clause = clauses[order[position]]
                    let cursor = clause.cursor
                    var doc = cursor.advance(to: windowStart)
                    while doc <= windowEnd {
                        let slot = Int(doc - windowStart)
                        let score = self.score(clause)
                        if window.marks[slot >> 6] & (1 << UInt64(slot & 63)) == 0 {
                            window.marks[slot >> 6] |= 1 << UInt64(slot & 63)
                            window.scores[slot] = score
                        } else {
                            window.scores[slot] += score
                        }
                        doc = cursor.nextDoc()
                    }
                }
                // Candidates in document order; non-essential clauses only while they can matter.
                let words = (Int(windowEnd - windowStart) >> 6) + 1
                for word in 0..<words {
                    var bits = window.marks[word]
                    window.marks[word] = 0
                    while bits != 0 {
                        let slot = word << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        let candidate = windowStart + UInt32(slot)
                        guard accepts(candidate) else { continue }
                        var score = window.scores[slot]
                        var position = firstEssential - 1
                        while position >= 0 {
                            if SegmentPlan.real(score) + prefix[position] <= threshold { break }
                            let clause = clauses[order[position]]
                            if clause.cursor.advance(to: candidate) == candidate { score += self.score(clause) }
                            position -= 1
                        }
                        if heap.insert(.init(score: SegmentPlan.real(score), segment: segmentIndex, doc: candidate)) {
                            threshold = heap.threshold
                        }
                    }
                }
            }
            if windowEnd >= PostingsCursor.exhausted - 1 { return }
            windowStart = windowEnd + 1
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
                    bound += clause.blockScore(block)
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
                var score: UInt64 = 0
                for clause in musts { score += self.score(clause) }
                if exhaustive || SegmentPlan.real(score) + optionalMax > threshold {
                    for clause in optional where clause.cursor.advance(to: target) == target { score += self.score(clause) }
                }
                if exhaustive { matched(Int(target)) }
                if heap.insert(.init(score: SegmentPlan.real(score), segment: segmentIndex, doc: target)) && !exhaustive { threshold = heap.threshold }
            }
            target = lead.nextDoc()
        }
    }
}

/// Scores and marks of the documents of one window of a ranked OR (at most
/// ``capacity`` documents), reused from window to window.
final class WindowBuffer {
    static let capacity = 4096
    let scores = UnsafeMutablePointer<UInt64>.allocate(capacity: WindowBuffer.capacity)
    let marks = UnsafeMutablePointer<UInt64>.allocate(capacity: WindowBuffer.capacity / 64)

    init() { marks.initialize(repeating: 0, count: WindowBuffer.capacity / 64) }

    deinit {
        scores.deallocate()
        marks.deallocate()
    }
}
