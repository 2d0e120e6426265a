/// Packs a run of up to 128 unsigned integers at the width most of them need, the few
/// larger ones patched in afterwards (patched frame of reference, PFOR, as Lucene's
/// `PForUtil`): a postings block's document deltas and each field's term frequencies.
///
/// A run is described by one byte: its width in the low six bits, ``minusOne`` when every
/// value was stored less one (frequencies are never 0 in a one-field index: a run of ones packs
/// at width 0), ``patched`` when exceptions follow. Its words are the values (less one) packed
/// at the width by ``BitPacking``, then, when patched, an exception area padded to whole words:
///
/// ```
/// n: u8 · (index: u8, high bits: u8) × n, in the order of the indexes · zero bytes to the next word
/// ```
/// where value `index` is `low + high << width`. The width is chosen for the fewest words,
/// among those that leave every exception's high bits in one byte.
enum PatchedPacking {
    /// The bits of a descriptor that hold the width (0 to 32).
    static let widthMask: UInt8 = 0x3F
    /// Every value was stored less one.
    static let minusOne: UInt8 = 0x40
    /// An exception area follows the packed values.
    static let patched: UInt8 = 0x80

    /// The width a descriptor gives its packed values.
    @inline(__always)
    static func width(_ descriptor: UInt8) -> Int { Int(descriptor & widthMask) }

    /// Appends `values` to `words`, packed at the width that takes the fewest words, and
    /// returns the run's descriptor.
    ///
    /// - Parameter lessOne: whether the values may be stored less one when none is 0. Term
    ///   frequencies are (a run of ones takes no words); document deltas are not, as adding the
    ///   ones back costs every decoded block a pass beside the running sums, for 1% of the bytes.
    /// - Complexity: O(*n*).
    static func pack(_ values: UnsafeBufferPointer<UInt32>, lessOne: Bool = true, into words: inout [UInt32]) -> UInt8 {
        let count = values.count
        var minimum = UInt32.max
        for value in values { minimum = min(minimum, value) }
        let less: UInt32 = lessOne && count > 0 && minimum >= 1 ? 1 : 0
        // Values by their width: those wider than `b` are the exceptions at width `b`.
        var byWidth = [Int](repeating: 0, count: 33)
        var widest = 0
        for value in values {
            let bits = BitPacking.width(value &- less)
            byWidth[bits] += 1
            widest = max(widest, bits)
        }
        var bestWidth = widest, bestWords = BitPacking.wordCount(count: count, width: widest)
        var wider = 0  // values wider than `width`
        var width = widest
        while width > 0 && widest - (width - 1) <= 8 {
            wider += byWidth[width]
            width -= 1
            guard wider <= count && wider <= 255 else { break }
            let words = BitPacking.wordCount(count: count, width: width) + exceptionWords(wider)
            if words < bestWords { bestWords = words; bestWidth = width }
        }
        var descriptor = UInt8(bestWidth) | (less == 1 ? minusOne : 0)
        let start = words.count
        var exceptions: [(index: UInt8, high: UInt8)] = []
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(count, 1)) { low in
            let mask: UInt32 = bestWidth == 32 ? .max : (1 << UInt32(bestWidth)) &- 1
            for (index, value) in values.enumerated() {
                let stored = value &- less
                low[index] = stored & mask
                if bestWidth < 32, stored >> UInt32(bestWidth) != 0 {
                    exceptions.append((UInt8(index), UInt8(stored >> UInt32(bestWidth))))
                }
            }
            BitPacking.pack(UnsafeBufferPointer(rebasing: low[0..<count]), width: bestWidth, into: &words)
        }
        if !exceptions.isEmpty {
            descriptor |= patched
            var bytes: [UInt8] = [UInt8(exceptions.count)]
            for exception in exceptions { bytes += [exception.index, exception.high] }
            while bytes.count % 4 != 0 { bytes.append(0) }
            for word in stride(from: 0, to: bytes.count, by: 4) {
                words.append(UInt32(bytes[word]) | UInt32(bytes[word + 1]) << 8 | UInt32(bytes[word + 2]) << 16 | UInt32(bytes[word + 3]) << 24)
            }
        }
        assert(words.count - start == bestWords)
        return descriptor
    }

    /// The words an exception area of `count` exceptions takes.
    @inline(__always)
    static func exceptionWords(_ count: Int) -> Int { count == 0 ? 0 : (1 + 2 * count + 3) / 4 }

    /// The words the packed values of a run take, without its exception area.
    @inline(__always)
    static func packedWords(_ descriptor: UInt8, count: Int) -> Int { BitPacking.wordCount(count: count, width: width(descriptor)) }

    /// The exception area of the run at `words`, if any, as its count and first pair; never
    /// past `end` (a damaged count is cut to the pairs that fit).
    @inline(__always)
    static func exceptions(_ descriptor: UInt8, count: Int, at words: UnsafePointer<UInt32>,
                           end: UnsafePointer<UInt32>) -> (count: Int, pairs: UnsafePointer<UInt8>)? {
        guard descriptor & patched != 0 else { return nil }
        let area = words + packedWords(descriptor, count: count)
        guard area < end else { return nil }
        let bytes = UnsafeRawPointer(area).assumingMemoryBound(to: UInt8.self)
        let room = ((end - area) * 4 - 1) / 2
        return (min(Int(bytes[0]), room), bytes + 1)
    }

    /// The words the run at `words` takes, its exception area included (never past `end`).
    @inline(__always)
    static func runWords(_ descriptor: UInt8, count: Int, at words: UnsafePointer<UInt32>, end: UnsafePointer<UInt32>) -> Int {
        let packed = packedWords(descriptor, count: count)
        guard let area = exceptions(descriptor, count: count, at: words, end: end) else { return packed }
        return packed + exceptionWords(area.count)
    }

    /// Unpacks the run at `words` into `output`: the values as they were packed.
    ///
    /// With `overread`, the packed values are read by 8-byte loads that may read up to 8 bytes
    /// past them (the caller knows they are there). An exception whose index is past `count`
    /// (damage) is left out.
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    static func unpack(_ words: UnsafePointer<UInt32>, end: UnsafePointer<UInt32>, count: Int, descriptor: UInt8, overread: Bool,
                       into output: UnsafeMutablePointer<UInt32>) {
        BitPacking.unpack(words, count: count, width: width(descriptor), plus: descriptor & minusOne != 0 ? 1 : 0, overread: overread,
                          into: output)
        guard let area = exceptions(descriptor, count: count, at: words, end: end) else { return }
        let width = width(descriptor)
        for pair in 0..<area.count {
            let index = Int(area.pairs[2 &* pair])
            if index < count { output[index] &+= high(area.pairs[2 &* pair &+ 1], width: width) }
        }
    }

    /// Unpacks the run of document deltas at `words` and writes their running sums from `start` into `output`
    /// (wrapping at 32 bits); returns the sum in 64 bits, unwrapped, for checking against the block's last document.
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    static func unpackRunningSums(_ words: UnsafePointer<UInt32>, end: UnsafePointer<UInt32>, count: Int, descriptor: UInt8,
                                  start: UInt32, overread: Bool, into output: UnsafeMutablePointer<UInt32>) -> UInt64 {
        let width = width(descriptor)
        // The running sums of the low bits first (the loop of a plain run), then, beside them, what the runs
        // stored less one and the exceptions add: value `i` gains `plus` × (i + 1) and the high bits of every
        // exception at or before `i` (they are stored in the order of their indexes). These are plain additions
        // over the output, which vectorise, where folding them into the sums' chain would lengthen it.
        let sum = BitPacking.unpackRunningSums(words, count: count, width: width, start: start, overread: overread, into: output)
        let plus: UInt32 = descriptor & minusOne != 0 ? 1 : 0
        let area = exceptions(descriptor, count: count, at: words, end: end)
        guard plus != 0 || area != nil else { return sum }
        var carry: UInt32 = 0, carried: UInt64 = 0
        var from = 0
        if let area {
            for pair in 0..<area.count {
                let index = min(max(Int(area.pairs[2 &* pair]), from), count)
                addRamp(output, from: from, to: index, plus: plus, carry: carry)
                from = index
                let high = high(area.pairs[2 &* pair &+ 1], width: width)
                carry &+= high
                carried &+= UInt64(high)
            }
        }
        addRamp(output, from: from, to: count, plus: plus, carry: carry)
        return sum &+ carried &+ UInt64(plus) &* UInt64(count)
    }

    /// Adds `plus` × (i + 1) + `carry` to `output[i]` for `i` in `from..<to`.
    @inline(__always)
    private static func addRamp(_ output: UnsafeMutablePointer<UInt32>, from: Int, to: Int, plus: UInt32, carry: UInt32) {
        var index = from
        while index < to {
            output[index] &+= UInt32(truncatingIfNeeded: index &+ 1) &* plus &+ carry
            index &+= 1
        }
    }

    /// Value `index` of the run at `words`, alone.
    ///
    /// - Complexity: O(*e*) for *e* exceptions.
    @inline(__always)
    static func value(at index: Int, in words: UnsafePointer<UInt32>, end: UnsafePointer<UInt32>, count: Int, descriptor: UInt8) -> UInt32 {
        let width = width(descriptor)
        var value = BitPacking.value(at: index, in: words, width: width)
        if let area = exceptions(descriptor, count: count, at: words, end: end) {
            for pair in 0..<area.count where Int(area.pairs[2 &* pair]) == index {
                value &+= high(area.pairs[2 &* pair &+ 1], width: width)
            }
        }
        return descriptor & minusOne != 0 ? value &+ 1 : value
    }

    /// An exception's high bits shifted over the packed low bits (bits past 32 are dropped).
    @inline(__always)
    private static func high(_ byte: UInt8, width: Int) -> UInt32 {
        width >= 32 ? 0 : UInt32(truncatingIfNeeded: UInt64(byte) << UInt64(width))
    }
}
