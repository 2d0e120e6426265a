/// The counting pass for totals and facets.
extension SegmentPlan {
    /// Visits every matching document once, in order, without scoring: for totals
    /// and facet counts. OR: a bitset union of the clauses' postings (no frequency
    /// is decoded); AND: a leapfrog intersection. Stops when `matched` returns false.
    ///
    /// - Complexity: O(*p*) in the postings of the query's terms, plus O(*n* / 64) for the bitset.
    mutating func count(_ matched: (Int) -> Bool) {
        if matchesAll {
            for doc in 0..<segment.documentCount where accepts(UInt32(doc)) {
                if !matched(doc) { return }
            }
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
                if accepts(target) && !matched(Int(target)) { return }
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
                if accepts(UInt32(doc)) && !matched(doc) { return }
            }
        }
    }

    /// Whether `doc` matches the query (its terms, filters, exclusions and phrases).
    /// Calls must come in increasing document order: the cursors only move forward.
    ///
    /// - Complexity: O(*t* log *b*) for *t* terms of *b* blocks.
    mutating func matches(_ doc: UInt32) -> Bool {
        if matchesAll { return accepts(doc) }
        if !required.isEmpty {
            for clause in required where clause.cursor.advance(to: doc) != doc { return false }
        } else {
            var any = false
            for clause in optional where clause.cursor.advance(to: doc) == doc {
                any = true
                break
            }
            if !any { return false }
        }
        return accepts(doc)
    }
}
