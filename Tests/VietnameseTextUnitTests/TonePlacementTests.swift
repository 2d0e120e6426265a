import Testing
import VietnameseText

/// Rule 3: tone placement is normalised in the canonical form (classic placement:
/// hòa, thủy, khỏe, úy), and a misplaced mark moves to the right vowel.
@Suite struct TonePlacementTests {
    @Test(arguments: [
        ("hoà", "hòa"), ("hòa", "hòa"),
        ("thuỷ", "thủy"), ("thủy", "thủy"),
        ("khoẻ", "khỏe"), ("khỏe", "khỏe"),
        ("uý", "úy"), ("úy", "úy"),
        ("Thành uỷ", "thành ủy"), ("Ủy ban", "ủy ban"),
        ("hoá", "hóa"), ("loà", "lòa"), ("toạ", "tọa"),
    ])
    func openTwoVowelSyllablesTakeTheToneOnTheFirst(typed: String, expected: String) {
        #expect(canonical(typed).joined(separator: " ") == expected)
    }

    @Test(arguments: [
        ("vịêt", "việt"), ("vịệt", "việt"), ("ngừơi", "người"), ("nguời", "nguời"),
        ("quốc", "quốc"), ("qúôc", "quốc"), ("mựơn", "mượn"), ("thuở", "thuở"),
        ("hoàn", "hoàn"), ("hòan", "hoàn"), ("huỳnh", "huỳnh"), ("hùynh", "huỳnh"),
        ("khoái", "khoái"), ("khóai", "khoái"), ("khuỷu", "khuỷu"), ("khủyu", "khuỷu"),
        ("quý", "quý"), ("qúy", "quý"), ("già", "già"), ("gìa", "già"), ("gì", "gì"),
        ("cửa", "cửa"), ("cưả", "cửa"), ("mía", "mía"), ("cứu", "cứu"),
    ])
    func marksMoveToTheVowelThatCarriesThem(typed: String, expected: String) {
        #expect(canonical(typed) == [expected])
    }

    @Test func misplacedMarkInNFD() {
        // v i + dot below, e + circumflex, t: the dot was typed on the i.
        #expect(canonical(scalars("v", "i", 0x0323, "e", 0x0302, "t")) == ["việt"])
    }

    @Test func lastOfSeveralTonesWins() {
        #expect(canonical(scalars("ho", 0x0301, "a", 0x0300)) == ["hòa"])
    }

    @Test func wordsThatAreNotVietnameseSyllablesKeepTheirMarks() {
        #expect(canonical("café résumé Kiểm") == ["café", "résumé", "kiểm"])
        #expect(canonical("Đà-Nẵng") == ["đà", "nẵng"])
    }
}
