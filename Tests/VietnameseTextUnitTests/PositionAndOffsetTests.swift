import Testing
import VietnameseText

/// Rule 8: positions allow phrase queries over syllables; offsets allow highlighting.
@Suite struct PositionAndOffsetTests {
    @Test func positionsCountTokens() {
        let tokens = VietnameseAnalyzer().tokens(in: "Tuyển công nhân, nhân viên công ty")
        #expect(tokens.map(\.position) == [0, 1, 2, 3, 4, 5, 6])
        #expect(tokens.map(\.folded) == ["tuyen", "cong", "nhan", "nhan", "vien", "cong", "ty"])
    }

    @Test func offsetsAreUTF8BytesOfTheInput() {
        let text = "Kỹ sư ĐIỆN TỬ"
        let tokens = VietnameseAnalyzer().tokens(in: text)
        #expect(tokens.map(\.utf8Range) == [0..<4, 5..<8, 9..<16, 17..<21])
        let bytes = Array(text.utf8)
        for token in tokens {
            #expect(String(decoding: bytes[token.utf8Range], as: UTF8.self) == token.text)
        }
    }

    @Test func offsetsOfNFDText() {
        let text = scalars("Vie", 0x0302, 0x0323, "t Nam")
        let tokens = VietnameseAnalyzer().tokens(in: text)
        #expect(tokens.map(\.utf8Range) == [0..<8, 9..<12])
    }

    @Test func forEachTokenAgreesWithTokens() {
        let text = "Công ty TNHH LG Display Việt Nam Hải Phòng tuyển 200 công nhân sản xuất"
        var seen: [Token] = []
        VietnameseAnalyzer().forEachToken(in: text) { span, canonical, folded in
            let bytes = Array(text.utf8)
            seen.append(Token(
                text: String(decoding: bytes[span.utf8Range], as: UTF8.self),
                canonical: String(decoding: canonical, as: UTF8.self),
                folded: String(decoding: folded, as: UTF8.self),
                position: span.position, utf8Range: span.utf8Range))
        }
        #expect(seen == VietnameseAnalyzer().tokens(in: text))
    }

    @Test func foldedText() {
        #expect(VietnameseAnalyzer().foldedText("Kỹ sư  ĐIỆN-TỬ") == "ky su dien tu")
    }
}
