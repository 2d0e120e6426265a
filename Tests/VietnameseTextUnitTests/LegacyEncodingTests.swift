import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import VietnameseText

/// Old encodings on import: every letter of each charset's table round-trips, the one-byte
/// tables agree with glibc's iconv (an implementation of the published charsets apart from
/// ours), and misread text is repaired only where it was misread.
@Suite struct LegacyEncodingTests {
    /// The 134 letters of Vietnamese beyond plain ASCII, lower and upper case.
    static let letters: [String] = {
        let lower = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
        return lower.map(String.init) + lower.map { String($0).uppercased() }
    }()

    /// What glibc's iconv makes of `bytes` in `charset`, NFC; `nil` where it refuses them.
    private func iconvDecode(_ bytes: [UInt8], _ charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: 64)
        var inLeft = input.count, outLeft = output.count
        let ok = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Bool in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return false }
                return iconv(converter, nil, nil, &outPointer, &outLeft) != -1  // flush a pending letter
            }
        }
        guard ok else { return nil }
        let utf8 = output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
        return ICUNormalizer.normalize(String(decoding: utf8, as: UTF8.self), to: .nfc)
    }

    @Test(arguments: [(LegacyEncoding.tcvn3, "TCVN5712-1"), (.viscii, "VISCII"), (.cp1258, "CP1258")])
    func everyByteAgreesWithIconv(_ encoding: LegacyEncoding, _ charset: String) throws {
        try #require(iconvDecode([0x41], charset) == "A", "glibc's iconv has no \(charset) (package libc6's gconv modules)")
        var compared = 0
        for byte in UInt8.min...UInt8.max {
            let ours = encoding.decode([byte])
            let theirs = iconvDecode([byte], charset)
            #expect(ours == theirs, "\(encoding) byte 0x\(String(byte, radix: 16)): \(ours.debugDescription) vs iconv \(theirs.debugDescription)")
            compared += 1
        }
        #expect(compared == 256)
    }

    /// Words that hold every letter of `letters`, for VIQR, which writes letters inside syllables.
    static let words = """
        và lá của mãi mạnh hải ăn bằng bắt lẳng ẵm mặt ân cần tấn cẩn vẫn bận đi chè xé trẻ vẽ mẹ kê về kế để dễ việt gì chí chỉ kĩ thị \
        phòng có nhỏ rõ học công đồng tốt tổ chỗ bộ cơ giờ lớp ở vỡ thợ mù cú của cũng dụng tư từ chứng tử những tự kỳ lý kỷ kỹ kỵ
        """

    @Test func everyLetterRoundTripsInVIQR() {
        let text = Self.words + " " + Self.words.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            + " " + Self.words.uppercased()
        #expect(Set(Self.letters).isSubset(of: Set(text.map(String.init))))
        #expect(LegacyEncoding.viqr.decode(LegacyEncoding.viqr.encode(text)!) == text)
    }

    @Test(arguments: LegacyEncoding.byteEncodings)
    func everyLetterRoundTrips(_ encoding: LegacyEncoding) throws {
        #expect(Self.letters.count == 134)
        for letter in Self.letters {
            let bytes = try #require(encoding.encode(letter), "\(encoding) cannot write \(letter)")
            #expect(encoding.decode(bytes) == letter, "\(encoding): \(letter) → \(bytes) → \(encoding.decode(bytes) ?? "nil")")
        }
        // And whole words, with ASCII around them.
        let sentence = "Công nhân lắp ráp linh kiện điện tử, KCN Tràng Duệ (Hải Phòng): ĐƯỜNG ỐNG 6G."
        #expect(encoding.decode(try #require(encoding.encode(sentence))) == sentence)
    }

    /// Every byte a one-byte charset gives a Vietnamese letter is that letter's byte.
    @Test(arguments: [LegacyEncoding.tcvn3, .viscii])
    func everyLetterByteRoundTrips(_ encoding: LegacyEncoding) throws {
        var letters = 0
        for byte in UInt8.min...UInt8.max {
            guard let text = encoding.decode([byte]), Self.letters.contains(text) else { continue }
            letters += 1
            #expect(encoding.encode(text) == [byte], "\(encoding) 0x\(String(byte, radix: 16)) \(text)")
        }
        #expect(letters == 134)
    }

    /// VNI-Windows, written out from its chart: the base letter, then the marks' byte.
    @Test func vniTruthTable() {
        let cases: [(vni: [UInt8], text: String)] = [
            (Array("To".utf8) + [0xE2] + Array("i ".utf8) + [0xF1] + Array("i ho".utf8) + [0xEF] + Array("c".utf8), "Tôi đi học"),
            (Array("Vie".utf8) + [0xE4] + Array("t Nam".utf8), "Việt Nam"),
            (Array("Ky".utf8) + [0xF5] + Array(" s".utf8) + [0xF6, 0x20, 0xF1] + Array("ie".utf8) + [0xE4] + Array("n t".utf8) + [0xF6, 0xFB], "Kỹ sư điện tử"),
            ([0xD1, 0xD6, 0xD4, 0xD8] + Array("NG".utf8), "ĐƯỜNG"),
            (Array("Ha".utf8) + [0xFB] + Array("i Pho".utf8) + [0xF8] + Array("ng".utf8), "Hải Phòng"),
            (Array("l".utf8) + [0x61, 0xE9] + Array("p ra".utf8) + [0xF9, 0x70], "lắp ráp"),
            (Array("ch".utf8) + [0xED, 0x20, 0xEE], "chí ỵ"),
        ]
        for item in cases {
            #expect(LegacyEncoding.vni.decode(item.vni) == item.text, "\(item.text)")
            #expect(LegacyEncoding.vni.encode(item.text) == item.vni, "\(item.text)")
        }
    }

    /// Text once read as Windows-1252: repaired where it was misread, left alone where it was not.
    @Test func misreadTextIsRepairedAndOnlyIt() {
        let repaired: [(text: String, expected: String, encoding: LegacyEncoding)] = [
            ("Xin chaøo", "Xin chào", .vni),
            ("T«i ®i häc", "Tôi đi học", .tcvn3),
            ("C«ng nh©n l¾p r¸p linh kiÖn ®iÖn tö", "Công nhân lắp ráp linh kiện điện tử", .tcvn3),
            ("Coâng nhaân laép raùp", "Công nhân lắp ráp", .vni),
            ("Thôï haøn ñieän", "Thợ hàn điện", .vni),
        ]
        for item in repaired {
            let result = LegacyEncoding.repairMisreading(item.text)
            #expect(result?.text == item.expected && result?.encoding == item.encoding, "\(item.text) → \(String(describing: result))")
        }
        for text in ["Tôi đi học", "Pegatron® Việt Nam", "Nhiệt độ 25°C", "Café sáng", "Công ty ABC © 2024", "Welder 6G", "Trần Thị Ánh",
                     "½ ngày", "Müller GmbH", "São Paulo", "Đình Vũ – Cát Hải"] {
            #expect(LegacyEncoding.repairMisreading(text) == nil, "\(text)")
        }
    }

    /// Bytes that are not UTF-8: the charset is found from the text they make.
    @Test(arguments: LegacyEncoding.byteEncodings)
    func theCharsetIsDetected(_ encoding: LegacyEncoding) throws {
        for text in ["Công nhân lắp ráp linh kiện điện tử", "Thợ hàn, ưu tiên bộ đội xuất ngũ", "Nhân viên kho"] {
            let bytes = try #require(encoding.encode(text))
            let found = LegacyEncoding.detect(bytes)
            // Where two charsets write a text alike (`Nhân viên kho` in VNI, VISCII and Windows-1258), either is right.
            #expect(found?.text == text, "\(encoding) \(text): \(String(describing: found))")
        }
        #expect(LegacyEncoding.detect(Array("plain ASCII".utf8)) == nil)
    }

    @Test func viqrWords() {
        let cases: [(String, String)] = [
            ("To^i ddi ho.c.", "Tôi đi học."), ("Kho^ng?", "Không?"), ("ky~ su+ ddie^.n tu+?", "kỹ sư điện tử"),
            ("ISO 9001:2015", "ISO 9001:2015"), ("Welder 6G.", "Welder 6G."), ("dda\\.", "đa."), ("DDU+O+`NG", "ĐƯỜNG"),
        ]
        for (viqr, text) in cases { #expect(LegacyEncoding.decodeVIQR(viqr) == text, "\(viqr)") }
    }
}
