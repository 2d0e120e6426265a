import Testing
import VietnameseText

/// Accents put back from the statistics of accented text: the likely form, in context.
@Suite struct AccentRestorerTests {
    let restorer = AccentRestorer(texts: [
        "Nhân viên bán hàng", "Nhân viên bán hàng tại siêu thị", "Trưởng nhóm bán hàng", "Bàn giao ca làm việc",
        "Kỹ sư điện tử", "Kỹ thuật viên điện tử", "Thợ hàn điện", "Công nhân lắp ráp linh kiện điện tử",
        "Tiếng Hàn giao tiếp", "Phiên dịch tiếng Hàn", "Suc khoe tot",  // a text without accents teaches nothing
    ])

    /// typed → restored.
    @Test func truthTable() {
        let cases: [(String, String)] = [
            ("ky su dien tu", "kỹ sư điện tử"),
            ("ban hang", "bán hàng"),                     // not "bàn hàng": "bán hàng" is what was seen
            ("ban giao", "bàn giao"),                     // the context chooses the other form
            ("tho han", "thợ hàn"),
            ("tieng han", "tiếng Hàn".lowercased()),
            ("KY SU DIEN TU", "KỸ SƯ ĐIỆN TỬ"),           // the case as typed
            ("Ky su dien tu", "Kỹ sư điện tử"),
            ("kỹ su", "kỹ sư"),                           // a syllable typed with marks keeps them
            ("ky su, dien tu", "kỹ sư, điện tử"),         // punctuation kept
            ("ISO 9001 ky su", "ISO 9001 kỹ sư"),         // codes and numbers as typed
            ("xyzabc ban hang", "xyzabc bán hàng"),       // a word never seen stays
            ("suc khoe", "suc khoe"),                     // seen only without accents: nothing learned
        ]
        for (typed, restored) in cases { #expect(restorer.restore(typed) == restored, "\(typed)") }
    }

    @Test func anEmptyRestorerChangesNothing() {
        #expect(AccentRestorer().restore("ky su dien tu") == "ky su dien tu")
        #expect(AccentRestorer(texts: []).isEmpty)
    }
}
