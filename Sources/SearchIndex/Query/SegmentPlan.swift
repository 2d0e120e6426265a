/// One query's cursors and algorithm on one segment (see ``Searcher``).
struct SegmentPlan {
    /// A scored term: its cursor, its weight (idf × boost) and its best possible score here.
    final class Clause {
        let cursor: PostingsCursor
        let weight: Double
        // What a block bound needs, as plain values and pointers (the segment and the
        // scorer's tables outlive the plan): bounds are computed in loops, without
        // reference counting.
        private let fieldCount: Int
        private let blockMaxFrequency: UnsafePointer<UInt16>
        private let blockMinNorm: UnsafePointer<UInt8>
        private let factors: UnsafePointer<Double>
        private let k1: Double

        init(cursor: PostingsCursor, weight: Double, scorer: BM25F) {
            self.cursor = cursor
            self.weight = weight
            fieldCount = cursor.segment.fieldCount
            blockMaxFrequency = cursor.segment.blockMaxFrequency
            blockMinNorm = cursor.segment.blockMinNorm
            factors = scorer.factors
            k1 = scorer.k1
        }

        /// The best score of the clause in the segment: O(blocks), computed when first asked
        /// (only an AND with optional clauses asks).
        private(set) lazy var maxScore: Double = cursor.blocks.reduce(0) { max($0, blockScore($1)) }

        /// The best score of any document of block `block`, computed when asked (no per-query
        /// table of every block): the block's largest frequency in each field at the field's
        /// smallest norm in the block, summed and saturated (``BM25F/saturate(_:weight:k1:)``).
        @inline(__always)
        func blockScore(_ block: Int) -> Double {
            var tf = 0.0
            for field in 0..<fieldCount {
                let frequency = blockMaxFrequency[block &* fieldCount &+ field]
                if frequency > 0 {
                    tf += Double(frequency) * factors[field &* 256 &+ Int(blockMinNorm[block &* fieldCount &+ field])]
                }
            }
            return BM25F.saturate(tf, weight: weight, k1: k1)
        }

        /// The best score of the clause among its blocks that may hold documents in
        /// `start...end` (moves the cursor's block pointer, never its document).
        ///
        /// - Complexity: O(log *b* + *w*) for *w* blocks in the range.
        func maxScore(from start: UInt32, through end: UInt32) -> Double {
            guard let first = cursor.shallowAdvance(to: start) else { return 0 }
            var best = blockScore(first)
            var block = first
            let last = cursor.blocks.upperBound - 1
            while block < last && cursor.lastDoc(ofBlock: block) < end {
                block += 1
                best = max(best, blockScore(block))
            }
            return best
        }
    }

    let segment: Segment
    let segmentIndex: Int
    let scorer: BM25F
    let exhaustive: Bool
    let filter: CompiledFilter
    var required: [Clause] = []
    /// Optional clauses that bring candidates.
    var optional: [Clause] = []
    /// Optional clauses of very common terms (``SearchQuery/commonTermCutoff``): they
    /// add to the score of a document that another term brought, and bring none.
    var common: [Clause] = []
    var excluded: [PostingsCursor] = []
    /// Required phrases: cursors of their syllables in order.
    var phrases: [[PostingsCursor]] = []
    var excludedPhrases: [[PostingsCursor]] = []
    var matchesAll = false
    /// Whether any document could fail `accepts` (filters, deletions, exclusions, phrases).
    var needsChecks = true

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
    /// - Parameter isCommon: per term, whether it is a common term whose clauses only add score.
    mutating func prepare(_ parsed: ParsedQuery, ordinals: [(folded: Int?, canonical: Int?)],
                          foldedWeights: [Double], canonicalWeights: [Double], positionFields: [Bool],
                          isCommon: [Bool] = [], scoring: Bool = true) -> Bool {
        var requiredByTerm: [Int: Clause] = [:]
        let excludedPhraseMembers = Set(parsed.phrases.filter(\.excluded).flatMap(\.terms))
        for (index, term) in parsed.terms.enumerated() {
            let folded = ordinals[index].folded
            switch term.occurrence {
            case .must:
                guard let folded else { return false }
                let clause = Clause(cursor: PostingsCursor(segment: segment, ordinal: folded, positionFields: positionFields), weight: foldedWeights[index], scorer: scorer)
                required.append(clause)
                requiredByTerm[index] = clause
            case .should:
                if let folded {
                    let clause = Clause(cursor: PostingsCursor(segment: segment, ordinal: folded, positionFields: positionFields), weight: foldedWeights[index], scorer: scorer)
                    if index < isCommon.count && isCommon[index] { common.append(clause) } else { optional.append(clause) }
                }
            case .mustNot:
                if let folded, !excludedPhraseMembers.contains(index) {
                    excluded.append(PostingsCursor(segment: segment, ordinal: folded, positionFields: positionFields))
                }
                continue
            }
            if scoring, let canonical = ordinals[index].canonical, canonicalWeights[index] > 0 {
                let clause = Clause(cursor: PostingsCursor(segment: segment, ordinal: canonical, positionFields: positionFields), weight: canonicalWeights[index], scorer: scorer)
                if index < isCommon.count && isCommon[index] { common.append(clause) } else { optional.append(clause) }
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
        if !required.isEmpty {
            // With required terms, the optional ones never bring candidates anyway.
            optional += common
            common = []
        }
        if required.isEmpty && optional.isEmpty {
            // Nothing to score: a query of filters only (or of excluded words only).
            // (Common terms alone bring nothing: the query's other terms are not in this segment.)
            guard common.isEmpty, parsed.terms.allSatisfy({ $0.occurrence == .mustNot }) else { return false }
            matchesAll = true
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
    func score(_ clause: Clause) -> UInt64 {
        SegmentPlan.fixedPoint(scorer.score(clause.cursor, segment: segment, weight: clause.weight))
    }

    /// A score in fixed point, never negative nor NaN whatever a damaged segment holds
    /// (`max` keeps 0 for a NaN), at most 10⁶.
    @inline(__always)
    static func fixedPoint(_ real: Double) -> UInt64 {
        // Through Int64 (one instruction on x86-64, where UInt64 needs a second conversion and a mask); at most
        // 10⁶ · 2³², far below 2⁶³, so the same truncation.
        UInt64(truncatingIfNeeded: Int64(min(max(0, real), 1e6) * fixedPointScale))
    }

    static let fixedPointScale = 4_294_967_296.0

    @inline(__always)
    static func real(_ score: UInt64) -> Double { Double(score) / fixedPointScale }

    /// The largest fixed-point sum that, with `margin` still to come, cannot beat a k-th
    /// score (`real(sum) ≤ margin`), so that pruning compares integers instead of converting
    /// each candidate's sum: compare it with `Int64(bitPattern:)` of the sum (a term scores at
    /// most 10⁶ · 2³², so a sum stays far below 2⁶³). A negative margin gives -1: no sum is
    /// hopeless; a margin beyond any score is capped (a cap under it keeps the answer true).
    @inline(__always)
    static func hopeless(_ margin: Double) -> Int64 {
        guard margin >= 0 else { return -1 }
        return Int64(min(margin, 2e6) * fixedPointScale)
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
    func accepts(_ doc: UInt32) -> Bool {
        guard needsChecks else { return true }
        guard filter.accepts(Int(doc)) else { return false }
        for cursor in excluded where cursor.advance(to: doc) == doc { return false }
        for phrase in phrases where !SegmentPlan.adjacent(phrase, fieldCount: segment.fieldCount) { return false }
        for phrase in excludedPhrases {
            if phrase.allSatisfy({ $0.advance(to: doc) == doc }) && SegmentPlan.adjacent(phrase, fieldCount: segment.fieldCount) { return false }
        }
        return true
    }
}
