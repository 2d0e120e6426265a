/// AND: leapfrog intersection with block-max skipping.
extension SegmentPlan {
    /// AND: leapfrog over the required clauses from the rarest, block-max skipping,
    /// optional clauses added to the score.
    ///
    /// Where most lead documents are in all the other clauses (their densities' product at
    /// least ¼), the score is summed as the clauses are found, in a competitive run of blocks
    /// with the heap full: a document whose sum so far and the rest's block bounds cannot beat
    /// the k-th score is passed over before the other cursors move (as Lucene's
    /// BlockMaxConjunctionBulkScorer). With sparser clauses the leapfrog leaves most lead
    /// documents unscored anyway, and scoring them first costs more than it saves.
    mutating func runConjunction(_ heap: inout TopK, _ matched: (Int) -> Void) {
        let musts = required.sorted { $0.cursor.docFrequency < $1.cursor.docFrequency }
        let density = musts.dropFirst().reduce(1.0) { $0 * Double($1.cursor.docFrequency) / Double(segment.documentCount) }
        // Two copies of the loop, each compiled for its constant: the test of one costs the other.
        if !exhaustive && musts.count > 1 && density >= 0.25 {
            leapfrog(musts, &heap, matched, scoreFirst: true)
        } else {
            leapfrog(musts, &heap, matched, scoreFirst: false)
        }
    }

    @inline(__always)
    private mutating func leapfrog(_ musts: [Clause], _ heap: inout TopK, _ matched: (Int) -> Void, scoreFirst: Bool) {
        let lead = musts[0].cursor
        // The other required cursors, unretained (`musts` keeps them alive): the leapfrog
        // calls them for every candidate, and a retain and release each time cost more than the call.
        let others = musts.dropFirst().map { Unmanaged.passUnretained($0.cursor) }
        let optionalMax = optional.reduce(0) { $0 + $1.maxScore }
        var threshold = exhaustive ? -Double.infinity : heap.threshold
        var target = lead.nextDoc()
        // Targets up to `competitiveThrough` lie in blocks whose bounds beat `threshold` (checked
        // once for the run of documents those blocks share, again when the threshold rises).
        var competitiveThrough: UInt32 = 0
        var competitive = false
        // `rest[i]`: the block bounds of required clauses `i...` and the optional clauses' bound.
        var rest = scoreFirst ? [Double](repeating: optionalMax, count: musts.count + 1) : []
        outer: while target != PostingsCursor.exhausted {
            if !exhaustive && heap.isFull && !(competitive && target <= competitiveThrough) {
                var bound = optionalMax
                var blockEnd = PostingsCursor.exhausted
                var index = 0
                for clause in musts {
                    guard let block = clause.cursor.shallowAdvance(to: target) else { break outer }
                    let blockBound = clause.blockScore(block)
                    bound += blockBound
                    if scoreFirst { rest[index] = blockBound }
                    index += 1
                    blockEnd = min(blockEnd, clause.cursor.lastDoc(ofBlock: block))
                }
                if scoreFirst {
                    for index in musts.indices.reversed() { rest[index] += rest[index + 1] }
                }
                if bound <= threshold {
                    guard blockEnd != PostingsCursor.exhausted else { break }
                    target = lead.advance(to: blockEnd + 1)
                    competitive = false
                    continue
                }
                competitiveThrough = blockEnd
                competitive = true
            }
            var score: UInt64 = 0
            let scored = scoreFirst && competitive && target <= competitiveThrough
            if scored {
                score = self.score(musts[0])
                for position in 1..<musts.count {
                    if SegmentPlan.real(score) + rest[position] <= threshold {
                        target = lead.nextDoc()
                        continue outer
                    }
                    let doc = others[position - 1]._withUnsafeGuaranteedRef { $0.advance(to: target) }
                    if doc > target {
                        target = lead.advance(to: doc)
                        continue outer
                    }
                    score += self.score(musts[position])
                }
                if SegmentPlan.real(score) + optionalMax <= threshold {
                    target = lead.nextDoc()
                    continue
                }
            } else {
                for other in others {
                    let doc = other._withUnsafeGuaranteedRef { $0.advance(to: target) }
                    if doc > target {
                        target = lead.advance(to: doc)
                        continue outer
                    }
                }
            }
            if accepts(target) {
                if !scored {
                    for clause in musts { score += self.score(clause) }
                }
                if exhaustive || SegmentPlan.real(score) + optionalMax > threshold {
                    for clause in optional where clause.cursor.advance(to: target) == target { score += self.score(clause) }
                }
                if exhaustive { matched(Int(target)) }
                if heap.insert(.init(score: SegmentPlan.real(score), segment: segmentIndex, doc: target)) && !exhaustive {
                    threshold = heap.threshold
                    competitive = false
                }
            }
            target = lead.nextDoc()
        }
    }
}
