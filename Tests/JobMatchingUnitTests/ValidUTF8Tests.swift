import Testing
@testable import JobRecords

/// `String(validUTF8:)`, the check behind the JSON reader and the index's stored records: a truth table of byte
/// sequences, with the bad ones whose mended text has as many bytes as they do.
@Suite struct ValidUTF8Tests {
    private func text(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
    }

    @Test func validBytesAreTheirText() {
        let cases: [String] = ["", "KCN Đình Vũ", "Kỹ sư điện tử", "ISO 9001:2015", "\u{FFFD}", "😀", "e\u{301}"]  // NFD kept as is
        for expected in cases {
            #expect(text(Array(expected.utf8)) == expected, "\(expected)")
            #expect(text(Array(expected.utf8)).map { Array($0.utf8) } == Array(expected.utf8), "bytes of \(expected)")
        }
    }

    @Test func invalidBytesAreRefused() {
        let cases: [(String, [UInt8])] = [
            ("a lone continuation byte", [0x80]),
            ("a lead byte without its continuation", [0x61, 0xC3]),
            ("a lead byte before ASCII", [0xC3, 0x28]),
            ("an overlong slash", [0xC0, 0xAF]),
            ("an overlong three-byte zero, mended to one U+FFFD of three bytes", [0xE0, 0x80, 0x80]),
            ("a surrogate, mended to three bytes", [0xED, 0xA0, 0x80]),
            ("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("0xFF", [0xFF]),
            ("a bad byte after valid Vietnamese", Array("Điện".utf8) + [0xFE]),
        ]
        for (name, bytes) in cases {
            #expect(text(bytes) == nil, "\(name)")
        }
    }
}
