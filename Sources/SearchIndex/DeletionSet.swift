/// The deleted documents of one segment: a bitset, copied on write.
public struct DeletionSet: Sendable, Hashable {
    private(set) var words: [UInt64]
    /// How many documents are deleted.
    public private(set) var count: Int

    init(documentCount: Int) {
        words = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
        count = 0
    }

    init(words: [UInt64]) {
        self.words = words
        count = words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    @inline(__always)
    func contains(_ doc: Int) -> Bool { words[doc >> 6] & (1 << UInt64(doc & 63)) != 0 }

    /// The documents in this set and not in `earlier` (a set of the same segment
    /// from an older snapshot: deletion sets only grow).
    ///
    /// - Complexity: O(*n* / 64 + *k*) for *k* documents found.
    func added(since earlier: DeletionSet) -> [Int] {
        var found: [Int] = []
        for (word, value) in words.enumerated() {
            var bits = value & ~(word < earlier.words.count ? earlier.words[word] : 0)
            while bits != 0 {
                found.append(word << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return found
    }

    mutating func insert(_ doc: Int) {
        guard !contains(doc) else { return }
        words[doc >> 6] |= 1 << UInt64(doc & 63)
        count += 1
    }
}
