import CSearchKernels

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

    /// A run's exceptions as read: how many, and where their (index, high bits) pairs start.
    struct Exceptions {
        let count: Int
        let pairs: UnsafePointer<UInt8>

        /// The index exception `pair` patches.
        @inline(__always)
        func index(_ pair: Int) -> Int { Int(pairs[2 &* pair]) }

        /// What exception `pair` adds to its value in a run packed at `width` (bits past 32 are dropped).
        @inline(__always)
        func high(_ pair: Int, width: Int) -> UInt32 {
            width >= 32 ? 0 : UInt32(truncatingIfNeeded: UInt64(pairs[2 &* pair &+ 1]) << UInt64(width))
        }
    }

    /// The width a descriptor gives its packed values.
    @inline(__always)
    static func width(_ descriptor: UInt8) -> Int { Int(descriptor & widthMask) }

    /// Appends `values` to `words`, packed at the width that takes the fewest words, and
    /// returns the run's descriptor.
    ///
    /// - Parameters:
    ///   - lessOne: whether the values may be stored less one when none is 0. Term frequencies are
    ///     (a run of ones takes no words); document deltas are not, as adding the ones back costs every
    ///     decoded block a pass beside the running sums, for 1% of the bytes.
    ///   - minimumSaving: the words exceptions must save to be used. Format 4 patched document deltas only
    ///     where it saved 3 words, as a patched run then cost its decoding a second pass (200,000 generated
    ///     documents: 13.17 MB patching every run that gains, 13.42 MB at 3, 13.77 MB never; AND p50 +16%, +6%
    ///     and +1% against segment format 3). Format 5's interleaved runs patch the deltas before summing them
    ///     with vectors, so every run that gains a word is patched: 13.42 → 13.17 MB, OR p50 within noise, AND
    ///     +1.5% (medians of four alternating runs).
    ///   - maximumExceptions: at most this many exceptions (as Lucene's 7): a frequency read alone
    ///     looks through them. Frequencies seldom have more (7 instead of any: +1 kB in 13 MB).
    ///   - interleaved: whether a run of 128 values is packed in four interleaved lanes
    ///     (``BitPacking/packInterleaved(_:width:into:)``), for ``unpackRunningSums(_:count:descriptor:exceptions:start:overread:interleaved:into:)``
    ///     with vectors: document deltas are (a run of fewer, the last block of a term, is packed plainly); term
    ///     frequencies are not, as a frequency is also read alone.
    /// - Complexity: O(*n*).
    static func pack(_ values: UnsafeBufferPointer<UInt32>, lessOne: Bool = true, minimumSaving: Int = 1, maximumExceptions: Int = 128,
                     interleaved: Bool = false, into words: inout [UInt32]) -> UInt8 {
        let count = values.count
        precondition(count <= SegmentFormat.blockSize, "an exception's index is one byte")
        var minimum = UInt32.max
        for value in values { minimum = min(minimum, value) }
        let less: UInt32 = lessOne && count > 0 && minimum >= 1 ? 1 : 0
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(count, 1) + 33) { scratch in
            // The values as stored, then how many there are of each width: those wider than `b` are the
            // exceptions at width `b`. (On the stack: a segment packs two runs a block.)
            let stored = scratch.baseAddress!, byWidth = stored + max(count, 1)
            byWidth.initialize(repeating: 0, count: 33)
            var widest = 0
            for index in 0..<count {
                let value = values[index] &- less
                stored[index] = value
                let bits = BitPacking.width(value)
                byWidth[bits] &+= 1
                widest = max(widest, bits)
            }
            var bestWidth = widest, bestWords = BitPacking.wordCount(count: count, width: widest), bestExceptions = 0
            var wider = 0  // values wider than `width`
            var width = widest
            while width > 0 && widest - (width - 1) <= 8 {
                wider += Int(byWidth[width])
                width -= 1
                if wider > maximumExceptions { break }
                let size = BitPacking.wordCount(count: count, width: width) + exceptionWords(wider)
                if size <= bestWords - (bestExceptions == 0 ? minimumSaving : 1) {
                    bestWords = size; bestWidth = width; bestExceptions = wider
                }
            }
            let start = words.count
            // `BitPacking.pack` and `packInterleaved` keep the low `bestWidth` bits of each value.
            if interleaved && count == SegmentFormat.blockSize {
                BitPacking.packInterleaved(UnsafeBufferPointer(start: stored, count: count), width: bestWidth, into: &words)
            } else {
                BitPacking.pack(UnsafeBufferPointer(start: stored, count: count), width: bestWidth, into: &words)
            }
            var descriptor = UInt8(bestWidth) | (less == 1 ? minusOne : 0)
            if bestExceptions > 0 {
                descriptor |= patched
                var word: UInt32 = 0, filled: UInt32 = 0
                func put(_ byte: UInt8) {
                    word |= UInt32(byte) << filled
                    filled += 8
                    if filled == 32 { words.append(word); word = 0; filled = 0 }
                }
                put(UInt8(bestExceptions))
                for index in 0..<count where stored[index] >> UInt32(bestWidth) != 0 {
                    put(UInt8(index))
                    put(UInt8(stored[index] >> UInt32(bestWidth)))
                }
                if filled > 0 { words.append(word) }
            }
            assert(words.count - start == bestWords)
            return descriptor
        }
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
    static func exceptions(_ descriptor: UInt8, count: Int, at words: UnsafePointer<UInt32>, end: UnsafePointer<UInt32>) -> Exceptions? {
        guard descriptor & patched != 0 else { return nil }
        let area = words + packedWords(descriptor, count: count)
        guard area < end else { return nil }
        let bytes = UnsafeRawPointer(area).assumingMemoryBound(to: UInt8.self)
        let room = ((end - area) * 4 - 1) / 2
        return Exceptions(count: min(Int(bytes[0]), room), pairs: bytes + 1)
    }

    /// The words the run at `words` takes, its exception area included (never past `end`).
    @inline(__always)
    static func runWords(_ descriptor: UInt8, count: Int, at words: UnsafePointer<UInt32>, end: UnsafePointer<UInt32>) -> Int {
        let packed = packedWords(descriptor, count: count)
        guard let area = exceptions(descriptor, count: count, at: words, end: end) else { return packed }
        return packed + exceptionWords(area.count)
    }

    /// Unpacks the run at `words`, whose exceptions are `area` (``exceptions(_:count:at:end:)``), into `output`:
    /// the values as they were packed.
    ///
    /// With `overread`, the packed values are read by 8-byte loads that may read up to 8 bytes
    /// past them (the caller knows they are there). An exception whose index is past `count`
    /// (damage) is left out.
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    static func unpack(_ words: UnsafePointer<UInt32>, count: Int, descriptor: UInt8, exceptions area: Exceptions?, overread: Bool,
                       into output: UnsafeMutablePointer<UInt32>) {
        BitPacking.unpack(words, count: count, width: width(descriptor), plus: descriptor & minusOne != 0 ? 1 : 0, overread: overread,
                          into: output)
        guard let area else { return }
        let width = width(descriptor)
        for pair in 0..<area.count where area.index(pair) < count {
            output[area.index(pair)] &+= area.high(pair, width: width)
        }
    }

    /// Unpacks the run of document deltas at `words`, whose exceptions are `area`, and writes their running sums from
    /// `start` into `output` (wrapping at 32 bits); returns the sum in 64 bits, unwrapped, for checking against the
    /// block's last document.
    ///
    /// With `interleaved`, a run of 128 was packed in four interleaved lanes (see ``pack(_:lessOne:minimumSaving:maximumExceptions:interleaved:into:)``)
    /// and is unpacked, patched and summed four values at a time (`hz_interleaved_sums`, C with 16-byte vectors);
    /// a width above 32 (damage) gives a sum that no block's last document equals.
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    static func unpackRunningSums(_ words: UnsafePointer<UInt32>, count: Int, descriptor: UInt8, exceptions area: Exceptions?,
                                  start: UInt32, overread: Bool, interleaved: Bool = false, into output: UnsafeMutablePointer<UInt32>) -> UInt64 {
        let width = width(descriptor)
        if interleaved && count == SegmentFormat.blockSize {
            return hz_interleaved_sums(words, Int32(width), descriptor & minusOne != 0 ? 1 : 0, area?.pairs, area?.count ?? 0, start, output)
        }
        // The running sums of the low bits first (the loop of a plain run), then, beside them, what the runs
        // stored less one and the exceptions add: value `i` gains `plus` × (i + 1) and the high bits of every
        // exception at or before `i` (they are stored in the order of their indexes). These are plain additions
        // over the output, which vectorise, where folding them into the sums' chain would lengthen it.
        let sum = BitPacking.unpackRunningSums(words, count: count, width: width, start: start, overread: overread, into: output)
        let plus: UInt32 = descriptor & minusOne != 0 ? 1 : 0
        guard plus != 0 || area != nil else { return sum }
        var carry: UInt32 = 0, carried: UInt64 = 0
        var from = 0
        if let area {
            for pair in 0..<area.count {
                let index = min(max(area.index(pair), from), count)
                addRamp(output, from: from, to: index, plus: plus, carry: carry)
                from = index
                let high = area.high(pair, width: width)
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
        guard from < to else { return }
        // Two loops, so that neither multiplies (x86-64's baseline vectors have no 32-bit multiply).
        if plus == 0 {
            for index in from..<to { output[index] &+= carry }
        } else {
            var ramp = UInt32(truncatingIfNeeded: from &+ 1) &+ carry
            for index in from..<to {
                output[index] &+= ramp
                ramp &+= 1
            }
        }
    }

    /// Value `index` of the run at `words`, alone; its exceptions `area` (``exceptions(_:count:at:end:)``) are found
    /// once for a run read value by value.
    ///
    /// - Complexity: O(*e*) for *e* exceptions.
    @inline(__always)
    static func value(at index: Int, in words: UnsafePointer<UInt32>, descriptor: UInt8, exceptions area: Exceptions?) -> UInt32 {
        let width = width(descriptor)
        var value = BitPacking.value(at: index, in: words, width: width)
        if let area {
            for pair in 0..<area.count {
                let at = area.index(pair)
                if at == index { value &+= area.high(pair, width: width) }
                if at >= index { break }  // in the order of their indexes
            }
        }
        return descriptor & minusOne != 0 ? value &+ 1 : value
    }
}
