/// AND: leapfrog intersection with block-max skipping.
extension SegmentPlan {
    /// AND: leapfrog over the required clauses from the rarest, block-max skipping,
    /// optional clauses added to the score.
    mutating func runConjunction(_ heap: inout TopK, _ matched: (Int) -> Void) {
        let musts = required.sorted { $0.cursor.docFrequency < $1.cursor.docFrequency }
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
        outer: while target != PostingsCursor.exhausted {
            if !exhaustive && heap.isFull && !(competitive && target <= competitiveThrough) {
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
                    competitive = false
                    continue
                }
                competitiveThrough = blockEnd
                competitive = true
            }
            for other in others {
                let doc = other._withUnsafeGuaranteedRef { $0.advance(to: target) }
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
                if heap.insert(.init(score: SegmentPlan.real(score), segment: segmentIndex, doc: target)) && !exhaustive {
                    threshold = heap.threshold
                    competitive = false
                }
            }
            target = lead.nextDoc()
        }
    }
}
