import Testing
import VietnameseText

/// Rule 7: English and other text is tokenised too.
@Suite struct LatinAndForeignTextTests {
    @Test func englishJobTitles() {
        #expect(canonical("QC Inspector") == ["qc", "inspector"])
        #expect(canonical("Production Operator (Night Shift)") == ["production", "operator", "night", "shift"])
        #expect(folded("Warehouse/Logistics Staff") == ["warehouse", "logistics", "staff"])
    }

    @Test func scriptsWithoutSpacesAreSegmentedByICU() {
        let tokens = VietnameseAnalyzer().tokens(in: "LG 日本語のテキスト")
        #expect(tokens.first?.canonical == "lg")
        #expect(tokens.count >= 3)
        // Offsets stay UTF-8 offsets into the input.
        let input = Array("LG 日本語のテキスト".utf8)
        for token in tokens {
            #expect(String(decoding: input[token.utf8Range], as: UTF8.self) == token.text)
        }
    }

    @Test func koreanIsSplitOnSpaces() {
        #expect(texts("엘지 디스플레이") == ["엘지", "디스플레이"])
    }

    @Test func fullWidthLettersAreFoldedToASCII() {
        #expect(folded("ＬＧ Ｄｉｓｐｌａｙ") == ["lg", "display"])
    }
}
