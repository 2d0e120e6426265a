import Testing
import CSearchKernels
@testable import SearchIndex

@Suite struct PatchedPackingTests {
    /// Packs `values`, then reads them back every way a cursor does: all at once (with and without
    /// 8-byte loads), one by one, and as running sums.
    private func roundTrip(_ values: [UInt32], sourceLocation: SourceLocation = #_sourceLocation) -> (descriptor: UInt8, words: Int) {
        var words: [UInt32] = [0xABCD_0123]  // a run does not start at word 0 in a block
        let descriptor = values.withUnsafeBufferPointer { PatchedPacking.pack($0, into: &words) }
        let runWords = words.count - 1
        words += [0xDEAD_BEEF, 0xFEED_FACE]  // the next run, or what an 8-byte load past the end may see
        let count = values.count
        words.withUnsafeBufferPointer { w in
            let run = w.baseAddress! + 1, end = run + runWords
            #expect(PatchedPacking.runWords(descriptor, count: count, at: run, end: end) == runWords, sourceLocation: sourceLocation)
            let exceptions = PatchedPacking.exceptions(descriptor, count: count, at: run, end: end)
            for overread in [false, true] {
                var output = [UInt32](repeating: 7, count: count)
                output.withUnsafeMutableBufferPointer {
                    PatchedPacking.unpack(run, count: count, descriptor: descriptor, exceptions: exceptions, overread: overread,
                                          into: $0.baseAddress!)
                }
                #expect(output == values, "overread \(overread)", sourceLocation: sourceLocation)
                var sums = [UInt32](repeating: 7, count: count)
                let total = sums.withUnsafeMutableBufferPointer {
                    PatchedPacking.unpackRunningSums(run, count: count, descriptor: descriptor, exceptions: exceptions, start: 1_000,
                                                     overread: overread, into: $0.baseAddress!)
                }
                var running: UInt64 = 1_000
                let expected = values.map { value -> UInt32 in running += UInt64(value); return UInt32(truncatingIfNeeded: running) }
                #expect(sums == expected && total == running, sourceLocation: sourceLocation)
            }
            let alone = (0..<count).map { PatchedPacking.value(at: $0, in: run, descriptor: descriptor, exceptions: exceptions) }
            #expect(alone == values, sourceLocation: sourceLocation)
        }
        return (descriptor, runWords)
    }

    /// Truth table: which runs are stored less one, patched, and at what width and size.
    @Test func choosesTheSmallestRun() {
        let ones = [UInt32](repeating: 1, count: 128)
        let onesRun = roundTrip(ones)
        #expect(onesRun.descriptor == PatchedPacking.minusOne && onesRun.words == 0, "128 ones: width 0, less one, no words")

        let withZero = [0] + [UInt32](repeating: 1, count: 127)
        let zeroRun = roundTrip(withZero)
        #expect(zeroRun.descriptor & PatchedPacking.minusOne == 0 && PatchedPacking.width(zeroRun.descriptor) == 1, "a 0: not less one")

        var oneLarge = [UInt32](repeating: 1, count: 128)
        oneLarge[77] = 200
        let largeRun = roundTrip(oneLarge)
        #expect(largeRun.descriptor == PatchedPacking.minusOne | PatchedPacking.patched, "one exception over width 0")
        #expect(largeRun.words == 1, "1 count byte + 1 pair in one word")

        var twoPlusFew = (0..<128).map { UInt32(2 + $0 % 2) }
        twoPlusFew[3] = 1_000; twoPlusFew[90] = 700
        let fewRun = roundTrip(twoPlusFew)
        #expect(PatchedPacking.width(fewRun.descriptor) == 2 && fewRun.descriptor & PatchedPacking.patched != 0)
        #expect(fewRun.words == 8 + 2, "128 × 2 bits, then 1 + 2 × 2 bytes in two words")

        let deltas = [UInt32](repeating: 1, count: 128)
        var deltaWords: [UInt32] = []
        let deltaDescriptor = deltas.withUnsafeBufferPointer { PatchedPacking.pack($0, lessOne: false, into: &deltaWords) }
        #expect(deltaDescriptor == 1 && deltaWords.count == 4, "document deltas are not stored less one: 128 consecutive documents at width 1")

        let spread = (0..<128).map { UInt32($0 * 1_000) }
        let spreadRun = roundTrip(spread)
        #expect(spreadRun.descriptor & PatchedPacking.patched == 0 && PatchedPacking.width(spreadRun.descriptor) == 17, "no exception pays")
    }

    /// Truth table of the two limits: exceptions only where they save enough words, and never too many.
    @Test func exceptionsAreLimited() {
        var sixtyFour = [UInt32](repeating: 3, count: 64)
        sixtyFour[10] = 7  // width 3: 6 words; width 2 and one exception: 4 + 1 words
        for (minimumSaving, patched) in [(1, true), (2, false), (3, false)] {
            var words: [UInt32] = []
            let descriptor = sixtyFour.withUnsafeBufferPointer { PatchedPacking.pack($0, lessOne: false, minimumSaving: minimumSaving, into: &words) }
            #expect((descriptor & PatchedPacking.patched != 0) == patched, "saving 1 word, at least \(minimumSaving) asked")
            #expect(words.count == (patched ? 5 : 6))
        }
        var eight = [UInt32](repeating: 0, count: 128)
        for index in stride(from: 0, to: 128, by: 16) { eight[index] = 255 }  // width 0 and 8 exceptions: 5 words
        for (maximum, expected) in [(8, PatchedPacking.patched), (7, 8 as UInt8)] {
            var words: [UInt32] = []
            let descriptor = eight.withUnsafeBufferPointer { PatchedPacking.pack($0, maximumExceptions: maximum, into: &words) }
            #expect(descriptor == expected, "8 exceptions, at most \(maximum)")
        }
        _ = roundTrip(sixtyFour)
        _ = roundTrip(eight)
    }

    /// Exceptions are only taken when their high bits fit a byte.
    @Test func exceptionsKeepTheirHighBitsInAByte() {
        var values = [UInt32](repeating: 0, count: 128)
        values[5] = UInt32.max
        let run = roundTrip(values)
        #expect(PatchedPacking.width(run.descriptor) >= 24)
    }

    @Test(arguments: [1, 2, 31, 64, 127, 128])
    func roundTripsRandomRuns(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        for shape in 0..<40 {
            let base = UInt64(shape % 20)
            let values = (0..<count).map { _ -> UInt32 in
                let draw = generator.next()
                // Mostly small values near `base` bits, now and then a large one (as term frequencies and deltas are).
                if draw % 17 == 0 { return UInt32(truncatingIfNeeded: generator.next() >> UInt64(shape % 33)) }
                return UInt32(truncatingIfNeeded: (draw >> 8) & ((1 << base) - 1)) &+ UInt32(shape % 2)
            }
            _ = roundTrip(values)
        }
    }

    /// A damaged exception count reads no byte past the run's end.
    @Test func aDamagedExceptionCountStaysInsideTheBlock() {
        var values = [UInt32](repeating: 1, count: 128)
        values[0] = 9
        var words: [UInt32] = []
        let descriptor = values.withUnsafeBufferPointer { PatchedPacking.pack($0, into: &words) }
        #expect(words.count == 1)
        words[0] = words[0] & ~0xFF | 0xFF  // 255 exceptions claimed, room for one
        words.withUnsafeBufferPointer { w in
            let end = w.baseAddress! + 1
            let area = PatchedPacking.exceptions(descriptor, count: 128, at: w.baseAddress!, end: end)
            #expect(area?.count == 1)
            #expect(PatchedPacking.runWords(descriptor, count: 128, at: w.baseAddress!, end: end) == 1)
            #expect(PatchedPacking.exceptions(descriptor, count: 128, at: w.baseAddress!, end: w.baseAddress!) == nil)
        }
    }

    /// Truth table of segment format 5's document deltas: a run of 128 packed in four interleaved lanes takes the
    /// words of a plain run and sums, with vectors, to what the plain run sums to, at every width, with exceptions,
    /// stored less one, and from a start that wraps at 32 bits; a run of fewer is packed plainly.
    @Test(arguments: Array(0...32))
    func interleavedDeltasSumAsPlainOnes(width: Int) {
        var generator = SeededGenerator(seed: UInt64(300 + width))
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        let plain = (0..<128).map { _ in UInt32(truncatingIfNeeded: generator.next() & mask) }
        var patched = plain.map { $0 & UInt32(truncatingIfNeeded: mask >> 1) }  // most values a bit narrower…
        for index in [5, 77, 127] { patched[index] = UInt32(truncatingIfNeeded: mask) }  // …three at the full width
        let lessOne = plain.map { max($0, 1) }
        for (values, minusOne) in [(plain, false), (patched, false), (lessOne, true)] {
            for start: UInt32 in [1_000, 0xFFFF_FF00] {
                var interleavedWords: [UInt32] = [0xABCD_0123], plainWords: [UInt32] = [0xABCD_0123]
                let descriptor = values.withUnsafeBufferPointer {
                    PatchedPacking.pack($0, lessOne: minusOne, interleaved: true, into: &interleavedWords)
                }
                let plainDescriptor = values.withUnsafeBufferPointer { PatchedPacking.pack($0, lessOne: minusOne, into: &plainWords) }
                #expect(descriptor == plainDescriptor && interleavedWords.count == plainWords.count, "width \(width)")
                if values == patched && width >= 4 { #expect(descriptor & PatchedPacking.patched != 0, "width \(width): exceptions") }
                let runWords = interleavedWords.count - 1
                interleavedWords.append(0xDEAD_BEEF)
                var sums = [UInt32](repeating: 7, count: 128)
                let total = interleavedWords.withUnsafeBufferPointer { w in
                    let run = w.baseAddress! + 1
                    let exceptions = PatchedPacking.exceptions(descriptor, count: 128, at: run, end: run + runWords)
                    return sums.withUnsafeMutableBufferPointer {
                        PatchedPacking.unpackRunningSums(run, count: 128, descriptor: descriptor, exceptions: exceptions, start: start,
                                                         overread: false, interleaved: true, into: $0.baseAddress!)
                    }
                }
                var running = UInt64(start)
                let expected = values.map { value -> UInt32 in running += UInt64(value); return UInt32(truncatingIfNeeded: running) }
                #expect(sums == expected && total == running, "width \(width) start \(start) less one \(minusOne)")
            }
        }
        // Fewer than 128: packed and read plainly whatever `interleaved` says.
        var few: [UInt32] = []
        let fewDescriptor = Array(plain.prefix(100)).withUnsafeBufferPointer { PatchedPacking.pack($0, lessOne: false, interleaved: true, into: &few) }
        var fewPlain: [UInt32] = []
        _ = Array(plain.prefix(100)).withUnsafeBufferPointer { PatchedPacking.pack($0, lessOne: false, into: &fewPlain) }
        #expect(few == fewPlain)
        few.append(0xDEAD_BEEF)
        var fewSums = [UInt32](repeating: 7, count: 100)
        _ = few.withUnsafeBufferPointer { w in
            fewSums.withUnsafeMutableBufferPointer {
                PatchedPacking.unpackRunningSums(w.baseAddress!, count: 100, descriptor: fewDescriptor, exceptions: nil, start: 0,
                                                 overread: false, interleaved: true, into: $0.baseAddress!)
            }
        }
        var running: UInt32 = 0
        #expect(fewSums == plain.prefix(100).map { running &+= $0; return running })
    }

    /// A damaged descriptor's width above 32 gives a sum no block's last document equals (the cursor then keeps one
    /// document, that last one).
    @Test func aWidthAbove32IsDamage() {
        let words = [UInt32](repeating: 0xFFFF_FFFF, count: 4 * 40)
        var output = [UInt32](repeating: 0, count: 128)
        let total = words.withUnsafeBufferPointer { w in
            output.withUnsafeMutableBufferPointer { hz_interleaved_sums(w.baseAddress!, 40, 0, nil, 0, 0, $0.baseAddress!) }
        }
        #expect(total == UInt64.max)
    }
}
