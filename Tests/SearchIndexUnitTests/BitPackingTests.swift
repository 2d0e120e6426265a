import Testing
@testable import SearchIndex
import CSearchKernels

@Suite struct BitPackingTests {
    @Test(arguments: [0, 1, 3, 7, 13, 31, 32])
    func roundTripsEveryWidth(width: Int) {
        var generator = SeededGenerator(seed: UInt64(width))
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        for count in [1, 5, 127, 128] {
            let values = (0..<count).map { _ in UInt32(truncatingIfNeeded: generator.next() & mask) }
            var words: [UInt32] = []
            values.withUnsafeBufferPointer { BitPacking.pack($0, width: width, into: &words) }
            #expect(words.count == BitPacking.wordCount(count: count, width: width))
            var output = [UInt32](repeating: 99, count: count)
            words.append(0)  // unpack may look at the next word
            words.withUnsafeBufferPointer { w in
                output.withUnsafeMutableBufferPointer { BitPacking.unpack(w.baseAddress!, count: count, width: width, into: $0.baseAddress!) }
            }
            #expect(output == values)
        }
    }

    /// The 8-byte-load paths (`overread`, a copy of the loop per width, eight values at a time), with and without
    /// one added to each value, and the running sums give what the plain path gives, for every width and for full
    /// and partial groups of eight.
    @Test(arguments: Array(0...32))
    func fastPathsMatchThePlainOne(width: Int) {
        var generator = SeededGenerator(seed: UInt64(100 + width))
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        for count in [1, 7, 8, 9, 31, 32, 33, 64, 100, 127, 128] {
            let values = (0..<count).map { _ in UInt32(truncatingIfNeeded: generator.next() & mask) }
            var words: [UInt32] = []
            values.withUnsafeBufferPointer { BitPacking.pack($0, width: width, into: &words) }
            words += [0xDEAD_BEEF, 0xFEED_FACE]  // what an 8-byte load past the end may see
            var plain = [UInt32](repeating: 7, count: count)
            var fast = [UInt32](repeating: 7, count: count)
            var fastPlusOne = [UInt32](repeating: 7, count: count)
            var sums = [UInt32](repeating: 7, count: count)
            var safeSums = [UInt32](repeating: 7, count: count)
            let start: UInt32 = width == 32 ? 0xFFFF_FF00 : 1_000  // wraps at 32 bits when wide
            var total: UInt64 = 0, safeTotal: UInt64 = 0
            words.withUnsafeBufferPointer { w in
                plain.withUnsafeMutableBufferPointer { BitPacking.unpack(w.baseAddress!, count: count, width: width, into: $0.baseAddress!) }
                fast.withUnsafeMutableBufferPointer {
                    BitPacking.unpack(w.baseAddress!, count: count, width: width, overread: true, into: $0.baseAddress!)
                }
                fastPlusOne.withUnsafeMutableBufferPointer {
                    BitPacking.unpack(w.baseAddress!, count: count, width: width, plus: 1, overread: true, into: $0.baseAddress!)
                }
                sums.withUnsafeMutableBufferPointer {
                    total = BitPacking.unpackRunningSums(w.baseAddress!, count: count, width: width, start: start, overread: true,
                                                         into: $0.baseAddress!)
                }
                safeSums.withUnsafeMutableBufferPointer {
                    safeTotal = BitPacking.unpackRunningSums(w.baseAddress!, count: count, width: width, start: start, overread: false,
                                                             into: $0.baseAddress!)
                }
            }
            #expect(plain == values, "width \(width) count \(count)")
            let alone = words.withUnsafeBufferPointer { w in (0..<count).map { BitPacking.value(at: $0, in: w.baseAddress!, width: width) } }
            #expect(alone == values, "width \(width) count \(count)")
            #expect(fast == values, "width \(width) count \(count)")
            #expect(fastPlusOne == values.map { $0 &+ 1 }, "width \(width) count \(count)")
            var running = UInt64(start)
            let expected = values.map { value -> UInt32 in
                running += UInt64(value)
                return UInt32(truncatingIfNeeded: running)
            }
            #expect(sums == expected && safeSums == expected)
            #expect(total == running && safeTotal == running)
        }
    }

    @Test func widths() {
        #expect(BitPacking.width(0) == 0)
        #expect(BitPacking.width(1) == 1)
        #expect(BitPacking.width(255) == 8)
        #expect(BitPacking.width(.max) == 32)
    }
}

@Suite struct FieldNormTests {
    @Test func matchesLuceneAndTantivy() {
        // Lucene SmallFloat.byte4ToInt / tantivy FIELD_NORMS_TABLE.
        #expect(Array(FieldNorm.table[0..<30]) == Array(0...23) + [24, 25, 26, 27, 28, 29])
        #expect(FieldNorm.decode(FieldNorm.encode(80)) <= 80)
        #expect(FieldNorm.encode(23) == 23)
        #expect(FieldNorm.table[255] == 2_013_265_944)
        for length in [0, 1, 23, 24, 40, 80, 81, 1000, 100_000] {
            let decoded = FieldNorm.decode(FieldNorm.encode(length))
            #expect(decoded <= length)
            #expect(Double(length - decoded) <= Double(length) * 0.125 + 1)
        }
    }
}

@Suite struct CRC32CTests {
    private func crc(_ text: String, from start: UInt32 = 0) -> UInt32 {
        Array(text.utf8).withUnsafeBytes { hz_crc32c(start, $0.baseAddress, $0.count) }
    }

    @Test func knownValues() {
        // RFC 3720 (iSCSI), appendix B.4, and the usual check value of CRC-32C.
        #expect(crc("123456789") == 0xE306_9283)
        #expect([UInt8](repeating: 0, count: 32).withUnsafeBytes { hz_crc32c(0, $0.baseAddress, 32) } == 0x8A91_36AA)
        #expect([UInt8](repeating: 0xFF, count: 32).withUnsafeBytes { hz_crc32c(0, $0.baseAddress, 32) } == 0x62A8_AB43)
        #expect(crc("") == 0)
    }

    @Test func continuesAcrossPieces() {
        let text = "The quick brown fox jumps over the lazy dog"
        for cut in [0, 1, 7, 8, 9, 20, text.utf8.count] {
            let first = String(decoding: Array(text.utf8)[..<cut], as: UTF8.self)
            let rest = String(decoding: Array(text.utf8)[cut...], as: UTF8.self)
            #expect(crc(rest, from: crc(first)) == crc(text))
        }
    }
}
