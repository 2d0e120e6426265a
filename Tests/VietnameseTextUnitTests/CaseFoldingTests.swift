import Testing
import VietnameseText

/// Rule 2: case folding, Vietnamese capitals included.
@Suite struct CaseFoldingTests {
    @Test func vietnameseCapitals() {
        #expect(canonical("ĐẶNG THỊ HOÀ") == ["đặng", "thị", "hòa"])
        #expect(folded("ĐẶNG THỊ HOÀ") == ["dang", "thi", "hoa"])
    }

    @Test func everyCapitalVowelWithToneAndMark() {
        #expect(canonical("ẤẦẨẪẬ ẮẰẲẴẶ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ ỲÝỶỸỴ") ==
                ["ấầẩẫậ", "ắằẳẵặ", "ếềểễệ", "ốồổỗộ", "ớờởỡợ", "ứừửữự", "ỳýỷỹỵ"])
    }

    @Test func nfdCapitals() {
        #expect(canonical(scalars("D", "\u{0110}", "A", 0x0306, 0x0323, "NG")) == ["dđặng"])
    }

    @Test func originalTextIsKept() {
        #expect(texts("ĐẶNG Thị hoà") == ["ĐẶNG", "Thị", "hoà"])
    }
}
