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

    /// Found by fuzzing (Fuzz/FuzzAnalyzer): a token's forms analyse again to themselves, so that
    /// a folded query finds what its unfolded form finds.
    @Test func foldingAFoldedTextChangesNothing() {
        let analyzer = VietnameseAnalyzer()
        let cases: [(text: String, folded: [String])] = [
            (scalars("2", 0x0140), ["2l"]),                 // ŀ is l + middle dot in NFKC: the dot separates
            (scalars("b ", 0x0657), ["b"]),                 // a stray Arabic vowel sign alone is not a word
            (scalars("k", 0x01D0), ["ky"]),                 // kǐ folds to the Latin ki, spelled as Latin: ky
            (scalars(0x96FB, "ti"), ["電", "ty"]),          // Latin letters among Chinese: as they would be alone
            (String(repeating: "e", count: 55) + "1,0,10,1,361", [String(repeating: "e", count: 55) + "1,0,10,1"]),
        ]
        for (text, expected) in cases {
            #expect(folded(text) == expected, "\(text.unicodeScalars.map(\.value))")
            let once = analyzer.foldedText(text)
            #expect(analyzer.foldedText(once) == once)
        }
    }
}
