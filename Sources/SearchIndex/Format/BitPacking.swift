/// Packs runs of up to 128 unsigned integers at the fewest bits that hold the largest.
///
/// A run of `n` values of width `w` takes `ceil(n × w / 32)` 32-bit words; width 0
/// (all values zero) takes none. This is how postings blocks store document
/// deltas and term frequencies (as Lucene and tantivy do).
enum BitPacking {
    /// The number of bits needed for `value` (0 for 0).
    @inline(__always)
    static func width(_ value: UInt32) -> Int { 32 - value.leadingZeroBitCount }

    /// The words `count` values of `width` bits take.
    @inline(__always)
    static func wordCount(count: Int, width: Int) -> Int { (count * width + 31) >> 5 }

    /// Appends `values` packed at `width` bits to `words`.
    ///
    /// - Complexity: O(*n*).
    static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into words: inout [UInt32]) {
        guard width > 0 else { return }
        var accumulator: UInt64 = 0
        var filled = 0
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        for value in values {
            accumulator |= (UInt64(value) & mask) << UInt64(filled)
            filled += width
            if filled >= 32 {
                words.append(UInt32(truncatingIfNeeded: accumulator))
                accumulator >>= 32
                filled -= 32
            }
        }
        if filled > 0 { words.append(UInt32(truncatingIfNeeded: accumulator)) }
    }

    /// Unpacks `count` values of `width` bits from `words` into `output`.
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    static func unpack(_ words: UnsafePointer<UInt32>, count: Int, width: Int, into output: UnsafeMutablePointer<UInt32>) {
        guard width > 0 else {
            output.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        var bit = 0
        for index in 0..<count {
            let word = bit >> 5
            let shift = bit & 31
            var chunk = UInt64(words[word]) >> UInt64(shift)
            if shift + width > 32 { chunk |= UInt64(words[word + 1]) << UInt64(32 - shift) }
            output[index] = UInt32(truncatingIfNeeded: chunk & mask)
            bit += width
        }
    }
}
