import Testing
@testable import SearchIndex

/// The one varint of the project (positions, stored records, the search aids' file): bytes by value, and what a
/// damaged number reads as.
@Suite struct VarintTests {
    @Test func numbersAndTheirBytes() {
        let cases: [(UInt64, [UInt8])] = [
            (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]), (16_383, [0xFF, 0x7F]),
            (16_384, [0x80, 0x80, 0x01]), (UInt64(UInt32.max), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
            (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ]
        for (value, expected) in cases {
            var bytes: [UInt8] = [0xAA]  // appended after what is there
            Varint.append(value, to: &bytes)
            #expect(Array(bytes.dropFirst()) == expected, "\(value)")
            var index = 1
            #expect(Varint.read(bytes, at: &index, end: bytes.count) == value && index == bytes.count, "\(value)")
        }
    }

    @Test func aDamagedNumberIsNone() {
        var index = 0
        #expect(Varint.read([0x80, 0x80], at: &index, end: 2) == nil)              // ends in the middle
        index = 0
        #expect(Varint.read([0x80, 0x01], at: &index, end: 1) == nil)              // ends before `end` allows
        index = 0
        #expect(Varint.read([UInt8](repeating: 0xFF, count: 11), at: &index, end: 11) == nil)  // longer than 64 bits
    }
}
