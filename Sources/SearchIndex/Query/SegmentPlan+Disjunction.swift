import CSearchKernels

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
            // By bound, stably (insertion: a query has a few clauses, and a sort's call and closure cost more).
            for position in (commonCount + 1)..<max(count, commonCount + 1) {
                let clause = order[position], bound = windowMax[clause]
                var to = position
                while to > commonCount && bound < windowMax[order[to - 1]] {
                    order[to] = order[to - 1]
                    to -= 1
                }
                order[to] = clause
            }
            var running = 0.0
            for position in 0..<count {
                running += windowMax[order[position]]
                prefix[position] = running
            }
            var firstEssential = commonCount
            while firstEssential < count && prefix[firstEssential] <= threshold { firstEssential += 1 }
            for position in 0..<count { leads[order[position]] = position >= firstEssential }
            if firstEssential < count {
                // The window's candidates, in document order, that the non-essential clauses
                // could still lift above the k-th score: listed, and left marked (their running
                // scores stay in the window's slots).
                let candidates = window.candidates
                let marks = window.marks, scores = window.scores
                var live = 0
                let nonEssentialBound = firstEssential > 0 ? prefix[firstEssential - 1] : 0
                let hopeless = SegmentPlan.hopeless(threshold - nonEssentialBound)
                let words = (Int(windowEnd - windowStart) >> 6) + 1
                if firstEssential == count - 1 && !needsChecks && segment.fieldCount == 1 {
                    // One essential clause: its postings listed as they are scored, above the limit or not
                    // (OR p50 −5%, p99 −10%: no marks to go through after).
                    live = list(clauses[order[firstEssential]], from: windowStart, through: windowEnd, into: window, above: hopeless)
                } else {
                    // Essential clauses: accumulate their scores over the window, clause by clause.
                    for position in firstEssential..<count {
                        accumulate(clauses[order[position]], from: windowStart, through: windowEnd, into: window)
                    }
                    if !needsChecks {
                        // Listed without a branch on the score, above the limit or not as a coin falls (the
                        // branch had a sixth of this function's samples; OR p50 −6 to −8%).
                        live = hz_keep_candidates(marks, scores, words, windowStart, hopeless, candidates)
                    } else {
                        for word in 0..<words {
                            var bits = marks[word]
                            var kept: UInt64 = 0
                            while bits != 0 {
                                let bit = bits & (0 &- bits)
                                let slot = word << 6 | bits.trailingZeroBitCount
                                bits &= bits - 1
                                if Int64(bitPattern: scores[slot]) <= hopeless { continue }
                                let candidate = windowStart + UInt32(slot)
                                if !accepts(candidate) { continue }
                                candidates[live] = candidate
                                live += 1
                                kept |= bit
                            }
                            marks[word] = kept
                        }
                    }
                }
                // Non-essential clauses one at a time, the best first, dropping after each the
                // candidates that the rest can no longer lift above the k-th score. A clause
                // with many postings for the candidates (more than ``walkRatio`` a candidate) looks
                // each candidate up; a denser one is walked through the window, adding to the marked
                // slots (no search a candidate).
                let span = Double(windowEnd - windowStart) + 1
                var position = firstEssential - 1
                while position >= 0 && live > 0 {
                    let clause = clauses[order[position]]
                    let rest = position > 0 ? prefix[position - 1] : 0
                    let restHopeless = SegmentPlan.hopeless(threshold - rest)
                    let postingsInWindow = Double(clause.cursor.docFrequency) * span / Double(segment.documentCount)
                    if Double(live) * SegmentPlan.walkRatio >= postingsInWindow {
                        accumulate(clause, from: windowStart, through: windowEnd, into: window, onlyMarked: true)
                    } else {
                        for i in 0..<live {
                            let candidate = candidates[i]
                            if clause.cursor.advance(to: candidate) == candidate { scores[Int(candidate &- windowStart)] &+= self.score(clause) }
                        }
                    }
                    var kept = 0
                    for i in 0..<live {
                        let candidate = candidates[i]
                        let slot = Int(candidate &- windowStart)
                        if Int64(bitPattern: scores[slot]) <= restHopeless {
                            marks[slot >> 6] &= ~(1 << UInt64(slot & 63))
                            continue
                        }
                        candidates[kept] = candidate
                        kept += 1
                    }
                    live = kept
                    position -= 1
                }
                for i in 0..<live {
                    let slot = Int(candidates[i] &- windowStart)
                    marks[slot >> 6] = 0
                    let score = SegmentPlan.real(scores[slot])
                    if score > threshold || !heap.isFull {
                        if heap.insert(.init(score: score, segment: segmentIndex, doc: candidates[i])) { threshold = heap.threshold }
                    }
                }
            }
            if windowEnd >= PostingsCursor.exhausted - 1 { return }
            windowStart = windowEnd + 1
        }
    }

    /// Adds the clause's score of each of its documents in `start...end` into the window,
    /// block run by block run; leaves its cursor on its first document after `end`.
    ///
    /// With one text field, a run of a decoded block is scored in one loop, `hz_add_postings` (C: Swift checks each
    /// conversion of a score to fixed point, which took a quarter of this loop), with the operations of
    /// ``BM25F/oneFieldScore(frequency:norm:weight:)`` and ``fixedPoint(_:)`` in their order, as ``score(_:)``
    /// scores (so the same fixed-point sums; `WindowKernelTests`).
    ///
    /// With `onlyMarked`, only the documents already marked in the window get the clause's
    /// score (the others are passed over without scoring), and no mark is added.
    @inline(__always)
    func accumulate(_ clause: Clause, from start: UInt32, through end: UInt32, into window: WindowBuffer, onlyMarked: Bool = false) {
        let cursor = clause.cursor
        var doc = cursor.advance(to: start)
        let scores = window.scores, marks = window.marks
        @inline(__always) func add(_ score: @autoclosure () -> UInt64, _ doc: UInt32) {
            let slot = Int(doc &- start)
            let bit: UInt64 = 1 << UInt64(slot & 63)
            if marks[slot >> 6] & bit == 0 {
                if onlyMarked { return }
                marks[slot >> 6] |= bit
                scores[slot] = score()
            } else {
                scores[slot] &+= score()
            }
        }
        guard segment.fieldCount == 1 else {
            while doc <= end {
                add(score(clause), doc)
                doc = cursor.nextDoc()
            }
            return
        }
        while doc <= end {
            let run = cursor.decodedRun()
            let i = hz_add_postings(run.docs, run.frequencies, run.index, run.count, end, start, segment.norms, scorer.saturated,
                                    scorer.factors, clause.weight, scorer.k1, marks, scores, onlyMarked ? 1 : 0)
            doc = cursor.move(toIndex: i)
        }
    }

    /// Scores the clause's documents in `start...end` into the window, which no other clause has
    /// touched, and lists in `window.candidates` (marked) those whose score is above `hopeless`;
    /// returns how many. One text field only (`hz_list_postings`, as ``accumulate(_:from:through:into:onlyMarked:)``).
    @inline(__always)
    func list(_ clause: Clause, from start: UInt32, through end: UInt32, into window: WindowBuffer, above hopeless: Int64) -> Int {
        let cursor = clause.cursor
        var doc = cursor.advance(to: start)
        var listed = 0
        while doc <= end {
            let run = cursor.decodedRun()
            let i = hz_list_postings(run.docs, run.frequencies, run.index, run.count, end, start, segment.norms, scorer.saturated,
                                     scorer.factors, clause.weight, scorer.k1, hopeless, window.marks, window.scores, window.candidates,
                                     &listed)
            doc = cursor.move(toIndex: i)
        }
        return listed
    }

    /// The fewest documents a window of ranked OR spans.
    static let minimumWindow: UInt32 = 512

    /// The most postings in the window a non-essential clause may have for each candidate and
    /// still be walked through the window rather than searched a candidate at a time. Measured on
    /// the 200,000 generated documents' 1,000 OR queries (p50, two rounds): 1: 165 µs, 2: 147,
    /// 4: 140, 8: 135, 16: 134, 64: 139, never searching: 161; at ten million documents 4, 16 and
    /// 64 within noise (5.19, 5.20, 5.27 ms). Walking is a loop without a branch to mispredict a
    /// posting (`hz_add_postings`); a search ends at an unpredictable place a candidate.
    static let walkRatio: Double = 8
}
