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

    /// Value `index` of a run packed at `width` bits, alone (reads no word past the one that ends it).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func value(at index: Int, in words: UnsafePointer<UInt32>, width: Int) -> UInt32 {
        guard width > 0 else { return 0 }
        let bit = index &* width
        let word = bit >> 5, shift = bit & 31
        var chunk = UInt64(words[word]) >> UInt64(shift)
        if shift &+ width > 32 { chunk |= UInt64(words[word &+ 1]) << UInt64(32 &- shift) }
        return UInt32(truncatingIfNeeded: chunk & ((1 << UInt64(width)) &- 1))
    }

    /// Unpacks `count` deltas of `width` bits and writes their running sums from `start`
    /// into `output` (wrapping at 32 bits); returns the sum in 64 bits, unwrapped, for
    /// checking against the block's last document.
    ///
    /// With `overread`, each value is one unaligned 8-byte load, a shift and a mask, and
    /// the loads may read up to 8 bytes past the last word (the caller knows they are there).
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    static func unpackRunningSums(_ words: UnsafePointer<UInt32>, count: Int, width: Int, start: UInt32, overread: Bool,
                                  into output: UnsafeMutablePointer<UInt32>) -> UInt64 {
        var sum = UInt64(start)
        if width == 0 {
            output.update(repeating: start, count: count)
            return sum
        }
        if overread {
            let bytes = UnsafeRawPointer(words)
            let mask: UInt64 = (1 << UInt64(width)) &- 1
            var bit = 0
            for index in 0..<count {
                sum &+= load(bytes, bit: bit, mask: mask)
                output[index] = UInt32(truncatingIfNeeded: sum)
                bit &+= width
            }
            return sum
        }
        unpack(words, count: count, width: width, into: output)
        for index in 0..<count {
            sum &+= UInt64(output[index])
            output[index] = UInt32(truncatingIfNeeded: sum)
        }
        return sum
    }

    /// ``unpack(_:count:width:into:)`` with 8-byte loads that may read up to 8 bytes past
    /// the last word, when `overread` says they are there; each value `plus` more than packed.
    @inline(__always)
    static func unpack(_ words: UnsafePointer<UInt32>, count: Int, width: Int, plus: UInt32 = 0, overread: Bool,
                       into output: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            output.update(repeating: plus, count: count)
            return
        }
        guard overread else {
            unpack(words, count: count, width: width, into: output)
            if plus != 0 { for index in 0..<count { output[index] &+= plus } }
            return
        }
        let bytes = UnsafeRawPointer(words)
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        var bit = 0
        for index in 0..<count {
            output[index] = UInt32(truncatingIfNeeded: load(bytes, bit: bit, mask: mask)) &+ plus
            bit &+= width
        }
    }

    /// The value that starts at bit `bit` (at most 32 bits: `mask`), by one unaligned 8-byte load.
    @inline(__always)
    private static func load(_ bytes: UnsafeRawPointer, bit: Int, mask: UInt64) -> UInt64 {
        (bytes.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self) >> UInt64(bit & 7)) & mask
    }

    /// Unpacks `count` values of `width` bits from `words` into `output`, reading no word
    /// past the one that holds the last value's end.
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    static func unpack(_ words: UnsafePointer<UInt32>, count: Int, width: Int, into output: UnsafeMutablePointer<UInt32>) {
        for index in 0..<count { output[index] = value(at: index, in: words, width: width) }
    }
}
