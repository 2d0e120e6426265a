/// The best `capacity` hits seen so far: a binary min-heap, worst at the root.
///
/// Ties in score go to the earlier document (lower segment, then lower doc), as in
/// Lucene and tantivy, so results are deterministic.
///
/// - Complexity: O(log *k*) an insertion.
struct TopK {
    struct Entry {
        var score: Double
        var segment: Int
        var doc: UInt32

        /// Whether `self` ranks below `other`.
        @inline(__always)
        func isWorse(than other: Entry) -> Bool {
            if score != other.score { return score < other.score }
            if segment != other.segment { return segment > other.segment }
            return doc > other.doc
        }
    }

    let capacity: Int
    private(set) var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(min(capacity, 4096))
    }

    var isFull: Bool { entries.count >= capacity }

    /// The score a new hit must beat to enter (−∞ until full).
    var threshold: Double { isFull && capacity > 0 ? entries[0].score : -.infinity }

    /// Offers a hit; returns whether the threshold changed.
    @discardableResult
    mutating func insert(_ entry: Entry) -> Bool {
        guard capacity > 0 else { return false }
        if entries.count < capacity {
            entries.append(entry)
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard entries[child].isWorse(than: entries[parent]) else { break }
                entries.swapAt(child, parent)
                child = parent
            }
            return entries.count == capacity
        }
        guard entries[0].isWorse(than: entry) else { return false }
        entries[0] = entry
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < entries.count && entries[left].isWorse(than: entries[worst]) { worst = left }
            if right < entries.count && entries[right].isWorse(than: entries[worst]) { worst = right }
            if worst == parent { break }
            entries.swapAt(parent, worst)
            parent = worst
        }
        return true
    }

    /// The hits, best first.
    func sorted() -> [Entry] { entries.sorted { $1.isWorse(than: $0) } }
}
