import Testing
import VietnameseText

/// Rule 6: numbers, codes and mixed tokens survive; punctuation and spaces are not tokens.
@Suite struct NumbersAndCodesTests {
    @Test func numbersKeepTheirSeparators() {
        #expect(texts("tỷ lệ 99,4% công nghệ 4.0") == ["tỷ", "lệ", "99,4", "công", "nghệ", "4.0"])
        #expect(texts("ISO 9001:2015") == ["ISO", "9001:2015"])
        #expect(canonical("ISO 9001:2015") == ["iso", "9001:2015"])
        #expect(texts("ngày 19/7/2024") == ["ngày", "19/7/2024"])
    }

    @Test func codesAndAbbreviations() {
        #expect(canonical("KCN CNC A4 3D ISO9001") == ["kcn", "cnc", "a4", "3d", "iso9001"])
    }

    @Test func phoneNumbers() {
        #expect(texts("ĐT: 0912.345.678 hoặc (0225) 3 842 555") == ["ĐT", "0912.345.678", "hoặc", "0225", "3", "842", "555"])
    }

    @Test func punctuationIsNotAToken() {
        #expect(texts("“Đẩy mạnh”, (KKT) - …; Cát Hải!") == ["Đẩy", "mạnh", "KKT", "Cát", "Hải"])
        #expect(texts("4. Kết quả, 5.") == ["4", "Kết", "quả", "5"])
        #expect(texts(" \t\n ").isEmpty)
        #expect(texts("").isEmpty)
    }
}

@Suite struct LongTokenTests {
    @Test func aVeryLongTokenIsCutButItsOffsetsSpanIt() {
        let long = String(repeating: "a", count: 100)
        let tokens = VietnameseAnalyzer().tokens(in: long + " b")
        #expect(tokens.count == 2)
        #expect(tokens[0].folded == String(repeating: "a", count: 64))
        #expect(tokens[0].utf8Range == 0..<100)
        #expect(tokens[1].folded == "b")
    }
}
