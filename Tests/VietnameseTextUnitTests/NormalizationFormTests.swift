import Testing
import VietnameseText

/// Rule 1: NFC or NFD input, and misordered combining marks, give the same tokens.
@Suite struct NormalizationFormTests {
    @Test func nfdGivesTheSameTokensAsNFC() {
        // "Việt Nam" with ệ as e + circumflex U+0302 + dot below U+0323 (canonical NFD order: dot first).
        let nfd = scalars("Vi", "e", 0x0323, 0x0302, "t Nam")
        #expect(nfd.unicodeScalars.count == 10)
        #expect(canonical(nfd) == ["việt", "nam"])
        #expect(folded(nfd) == ["viet", "nam"])
        #expect(canonical("Việt Nam") == ["việt", "nam"])
    }

    @Test func misorderedMarksGiveTheSameTokens() {
        // Circumflex before dot below: not canonical order, as some keyboards type it.
        let misordered = scalars("Vi", "e", 0x0302, 0x0323, "t")
        let ordered = scalars("Vi", "e", 0x0323, 0x0302, "t")
        #expect(canonical(misordered) == ["việt"])
        #expect(canonical(ordered) == ["việt"])
    }

    @Test func everyPrecomposedVowelMatchesItsDecomposition() {
        // ư + hook above: U+1EED, or u + horn U+031B + hook U+0309, or u + hook + horn.
        #expect(canonical("\u{1EED}") == ["ử"])
        #expect(canonical(scalars("u", 0x031B, 0x0309)) == ["ử"])
        #expect(canonical(scalars("u", 0x0309, 0x031B)) == ["ử"])
        #expect(canonical(scalars("\u{01B0}", 0x0309)) == ["ử"])  // precomposed ư + combining hook
    }

    @Test func canonicalFormIsNFC() {
        let token = VietnameseAnalyzer().tokens(in: scalars("NGU", 0x031B, 0x0300, "O", 0x031B, "I"))
        #expect(token.map(\.canonical) == ["người"])
        #expect(token[0].canonical.unicodeScalars.map(\.value) == [0x6E, 0x67, 0x01B0, 0x1EDD, 0x69])
    }

    @Test func strayMarkBeforeAnyLetterIsDropped() {
        #expect(canonical(scalars(0x0301, "an")) == ["an"])
    }
}
