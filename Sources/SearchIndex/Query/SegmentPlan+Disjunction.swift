/// Ranked OR (block-max MaxScore in windows) and the filters-only scan.
extension SegmentPlan {
    func runAll(_ heap: inout TopK, _ matched: (Int) -> Void) {
        for doc in 0..<segment.documentCount {
            if !exhaustive && heap.isFull { return }  // score 0 everywhere: later documents lose ties
            guard accepts(UInt32(doc)) else { continue }
            if exhaustive { matched(doc) }
            heap.insert(.init(score: 0, segment: segmentIndex, doc: UInt32(doc)))
        }
    }

    /// Ranked OR: block-max MaxScore over the optional clauses.
    ///
    /// Documents are taken window by window. A window ends where the first block of
    /// the clauses that were essential in the previous window ends (at least
    /// ``minimumWindow`` documents, at most the buffer's capacity): dense clauses that
    /// cannot matter do not cut the windows small (as Lucene's MaxScoreBulkScorer). In a
    /// window, each clause's bound is the best score of its blocks in the window;
    /// clauses whose bounds together cannot beat the k-th score are non-essential
    /// (only looked up for candidates the others bring), and a window where all are
    /// non-essential is skipped without decoding anything.
    ///
    /// Common-term clauses (``common``) come first in the order and are always
    /// non-essential: they only add to candidates the other clauses bring. A clause
    /// is non-essential only when its bound, the bounds of those before it and the
    /// common clauses' together cannot beat the k-th score, so no document that
    /// another clause could bring is missed.
    mutating func runDisjunction(_ heap: inout TopK, _ matched: (Int) -> Void) {
        let commonCount = common.count
        let clauses = common + optional
        let count = clauses.count
        for clause in optional { clause.cursor.nextDoc() }
        if exhaustive {
            while true {
                var candidate = PostingsCursor.exhausted
                for clause in optional { candidate = min(candidate, clause.cursor.doc) }
                if candidate == PostingsCursor.exhausted { return }
                let accepted = accepts(candidate)
                var score: UInt64 = 0
                for clause in optional where clause.cursor.doc == candidate {
                    if accepted { score += self.score(clause) }
                    clause.cursor.nextDoc()
                }
                if accepted {
                    for clause in common where clause.cursor.advance(to: candidate) == candidate { score += self.score(clause) }
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
        var windowStart: UInt32 = optional.reduce(PostingsCursor.exhausted) { min($0, $1.cursor.doc) }
        // Clauses essential in the last window (at first, every clause that brings documents).
        var leads = [Bool](repeating: true, count: count)
        for index in 0..<commonCount { leads[index] = false }
        while windowStart != PostingsCursor.exhausted {
            // The window: up to the end of the nearest block of the leading clauses.
            var windowEnd = PostingsCursor.exhausted
            for pass in 0..<2 where windowEnd == PostingsCursor.exhausted {
                for index in commonCount..<count where pass == 1 || leads[index] {
                    let cursor = clauses[index].cursor
                    if cursor.doc == PostingsCursor.exhausted { continue }
                    guard let block = cursor.shallowAdvance(to: windowStart) else { continue }
                    windowEnd = min(windowEnd, cursor.lastDoc(ofBlock: block))
                }
            }
            if windowEnd == PostingsCursor.exhausted { return }
            windowEnd = max(windowEnd, min(PostingsCursor.exhausted - 1, windowStart &+ SegmentPlan.minimumWindow - 1))
            windowEnd = min(windowEnd, windowStart + UInt32(WindowBuffer.capacity - 1))
            for index in 0..<count {
                // A clause whose next document is past the window adds nothing to it.
                let clause = clauses[index]
                windowMax[index] = clause.cursor.doc > windowEnd ? 0 : clause.maxScore(from: windowStart, through: windowEnd)
            }
            order[commonCount..<count].sort { windowMax[$0] < windowMax[$1] }
            var running = 0.0
            for position in 0..<count {
                running += windowMax[order[position]]
                prefix[position] = running
            }
            var firstEssential = commonCount
            while firstEssential < count && prefix[firstEssential] <= threshold { firstEssential += 1 }
            for position in 0..<count { leads[order[position]] = position >= firstEssential }
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

    /// The fewest documents a window of ranked OR spans.
    static let minimumWindow: UInt32 = 512
}
