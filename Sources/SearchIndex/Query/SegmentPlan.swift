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
    var required: [Clause] = []
    var optional: [Clause] = []
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
    func score(_ clause: Clause) -> UInt64 {
        UInt64(scorer.score(clause.cursor, segment: segment, weight: clause.weight) * SegmentPlan.fixedPointScale)
    }

    static let fixedPointScale = 4_294_967_296.0

    @inline(__always)
    static func real(_ score: UInt64) -> Double { Double(score) / fixedPointScale }


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
