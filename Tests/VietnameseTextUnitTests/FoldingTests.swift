import Testing
import VietnameseText

/// Rule 4: folding removes tones and letter marks and maps đ, Đ, Ð, ð and Ɖ to d.
@Suite struct FoldingTests {
    @Test func foldsToASCII() {
        #expect(folded("Đình Vũ") == ["dinh", "vu"])
        #expect(folded("Kỹ sư điện tử") == ["ky", "su", "dien", "tu"])
        #expect(folded("Nhật Bản - Hải Phòng") == ["nhat", "ban", "hai", "phong"])
        #expect(folded("Tràng Duệ, Nam Cầu Kiền, Xuân Cầu") == ["trang", "due", "nam", "cau", "kien", "xuan", "cau"])
    }

    @Test func everyWayOfWritingD() {
        #expect(folded("đ Đ \u{00D0} \u{00F0} \u{0189}") == ["d", "d", "d", "d", "d"])
        #expect(folded("\u{0189}IỆN TỬ") == ["dien", "tu"])  // Ɖ, a homoglyph of Đ
        #expect(canonical("\u{00D0}ình") == ["đình"])
        #expect(canonical("\u{0110}ÌNH") == ["đình"])
    }

    @Test func typingWithoutAccentsMeetsTheFoldedForm() {
        let typed = folded("ky su dien tu")
        #expect(typed == folded("KỸ SƯ ĐIỆN TỬ"))
        #expect(typed == folded(scalars("Ky", 0x0303, " su", 0x031B, " đie", 0x0302, 0x0323, "n tu", 0x031B, 0x0309)))
    }

    @Test func accentsKeepWordsApartInTheCanonicalForm() {
        #expect(canonical("ban bán bàn bạn bận") == ["ban", "bán", "bàn", "bạn", "bận"])
        #expect(folded("ban bán bàn bạn bận") == ["ban", "ban", "ban", "ban", "ban"])
    }

    @Test func otherLatinLettersFoldThroughICU() {
        #expect(canonical("Müller Ångström façade") == ["müller", "ångström", "façade"])
        #expect(folded("Müller Ångström façade") == ["muller", "angstrom", "facade"])
    }
}
