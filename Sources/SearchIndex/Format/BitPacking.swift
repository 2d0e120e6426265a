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

    /// Appends 128 `values` packed at `width` bits in four interleaved lanes: value `4k + l` is value `k` of lane
    /// `l`, each lane packed as ``pack(_:width:into:)`` packs 32 values, and word `r` of each lane side by side (row
    /// `r`: `4 × width` words in all, as a plain run). Four consecutive values then lie at the same place of four
    /// words of a row, and are unpacked by one shift and one mask of a 16-byte vector (`hz_interleaved_sums`).
    ///
    /// - Complexity: O(*n*).
    static func packInterleaved(_ values: UnsafeBufferPointer<UInt32>, width: Int, into words: inout [UInt32]) {
        precondition(values.count == SegmentFormat.blockSize, "four lanes of 32")
        guard width > 0 else { return }
        let start = words.count
        words.append(contentsOf: repeatElement(0, count: 4 * width))
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        words.withUnsafeMutableBufferPointer { all in
            let run = all.baseAddress! + start
            for lane in 0..<4 {
                // A lane's 32 values through a 64-bit accumulator, as `pack` packs a run.
                var accumulator: UInt64 = 0
                var filled = 0
                var row = 0
                for k in 0..<32 {
                    accumulator |= (UInt64(values[4 * k + lane]) & mask) << UInt64(filled)
                    filled += width
                    if filled >= 32 {
                        run[4 * row + lane] = UInt32(truncatingIfNeeded: accumulator)
                        accumulator >>= 32
                        filled -= 32
                        row += 1
                    }
                }
                if filled > 0 { run[4 * row + lane] = UInt32(truncatingIfNeeded: accumulator) }
            }
        }
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
            return withConstant(width) { runningSums(bytes, count: count, width: $0, start: sum, into: output) }
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
        withConstant(width) { values(bytes, count: count, width: $0, plus: plus, into: output) }
    }

    /// ``unpack(_:count:width:plus:overread:into:)``'s loop with 8-byte loads, eight values at a time (see
    /// ``runningSums(_:count:width:start:into:)``).
    @inline(__always)
    private static func values(_ bytes: UnsafeRawPointer, count: Int, width: Int, plus: UInt32, into output: UnsafeMutablePointer<UInt32>) {
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        @inline(__always) func at(_ group: UnsafeRawPointer, _ value: Int) -> UInt32 {
            UInt32(truncatingIfNeeded: (group.loadUnaligned(fromByteOffset: (value &* width) >> 3, as: UInt64.self)
                >> UInt64((value &* width) & 7)) & mask) &+ plus
        }
        var index = 0
        var group = bytes
        while index &+ 8 <= count {
            output[index] = at(group, 0); output[index &+ 1] = at(group, 1)
            output[index &+ 2] = at(group, 2); output[index &+ 3] = at(group, 3)
            output[index &+ 4] = at(group, 4); output[index &+ 5] = at(group, 5)
            output[index &+ 6] = at(group, 6); output[index &+ 7] = at(group, 7)
            index &+= 8
            group += width
        }
        var bit = 0
        while index < count {
            output[index] = UInt32(truncatingIfNeeded: load(group, bit: bit, mask: mask)) &+ plus
            bit &+= width
            index &+= 1
        }
    }

    /// Calls `body` with `width` as a literal for each width from 1 to 32 (inlined, one copy of `body` per width,
    /// in which each value's byte and shift in a group of eight are constants), else with `width` itself.
    @inline(__always)
    private static func withConstant<R>(_ width: Int, _ body: (Int) -> R) -> R {
        switch width {
        case 1: return body(1)
        case 2: return body(2)
        case 3: return body(3)
        case 4: return body(4)
        case 5: return body(5)
        case 6: return body(6)
        case 7: return body(7)
        case 8: return body(8)
        case 9: return body(9)
        case 10: return body(10)
        case 11: return body(11)
        case 12: return body(12)
        case 13: return body(13)
        case 14: return body(14)
        case 15: return body(15)
        case 16: return body(16)
        case 17: return body(17)
        case 18: return body(18)
        case 19: return body(19)
        case 20: return body(20)
        case 21: return body(21)
        case 22: return body(22)
        case 23: return body(23)
        case 24: return body(24)
        case 25: return body(25)
        case 26: return body(26)
        case 27: return body(27)
        case 28: return body(28)
        case 29: return body(29)
        case 30: return body(30)
        case 31: return body(31)
        case 32: return body(32)
        default: return body(width)
        }
    }

    /// The running sums of `count` values of `width` bits from `start`, by 8-byte loads that may read up to 8 bytes
    /// past the last value; eight values at a time, which take `width` bytes, so that with `width` a constant (inlined
    /// into a case of a switch) each value's byte offset and shift are constants.
    @inline(__always)
    private static func runningSums(_ bytes: UnsafeRawPointer, count: Int, width: Int, start: UInt64,
                                    into output: UnsafeMutablePointer<UInt32>) -> UInt64 {
        var sum = start
        let mask: UInt64 = (1 << UInt64(width)) &- 1
        @inline(__always) func at(_ group: UnsafeRawPointer, _ value: Int) -> UInt64 {
            (group.loadUnaligned(fromByteOffset: (value &* width) >> 3, as: UInt64.self) >> UInt64((value &* width) & 7)) & mask
        }
        var index = 0
        var group = bytes
        while index &+ 8 <= count {
            sum &+= at(group, 0); output[index] = UInt32(truncatingIfNeeded: sum)
            sum &+= at(group, 1); output[index &+ 1] = UInt32(truncatingIfNeeded: sum)
            sum &+= at(group, 2); output[index &+ 2] = UInt32(truncatingIfNeeded: sum)
            sum &+= at(group, 3); output[index &+ 3] = UInt32(truncatingIfNeeded: sum)
            sum &+= at(group, 4); output[index &+ 4] = UInt32(truncatingIfNeeded: sum)
            sum &+= at(group, 5); output[index &+ 5] = UInt32(truncatingIfNeeded: sum)
            sum &+= at(group, 6); output[index &+ 6] = UInt32(truncatingIfNeeded: sum)
            sum &+= at(group, 7); output[index &+ 7] = UInt32(truncatingIfNeeded: sum)
            index &+= 8
            group += width
        }
        var bit = 0
        while index < count {
            sum &+= load(group, bit: bit, mask: mask)
            output[index] = UInt32(truncatingIfNeeded: sum)
            bit &+= width
            index &+= 1
        }
        return sum
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
