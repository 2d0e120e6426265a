import Testing
import VietnameseText

/// An ``AnalysisSession`` gives the analyzer's tokens, the same in every way, however many texts it has seen and
/// whatever it remembers: the same spelling in other texts, other cases, other normalisation forms and places.
@Suite struct AnalysisSessionTests {
    private struct Seen: Equatable {
        var position: Int
        var range: Range<Int>
        var canonical: [UInt8]
        var folded: [UInt8]
    }

    private func analyzer(_ text: String) -> [Seen] {
        var seen: [Seen] = []
        VietnameseAnalyzer().forEachToken(in: text) { span, canonical, folded in
            seen.append(Seen(position: span.position, range: span.utf8Range, canonical: Array(canonical), folded: Array(folded)))
        }
        return seen
    }

    private func session(_ session: AnalysisSession, _ text: String) -> [Seen] {
        var seen: [Seen] = []
        session.forEachToken(in: text) { span, canonical, folded in
            seen.append(Seen(position: span.position, range: span.utf8Range, canonical: Array(canonical), folded: Array(folded)))
        }
        return seen
    }

    @Test func theSameTokensAsTheAnalyzerTextAfterText() {
        let texts = [
            "Kỹ sư điện tử, kỹ sư ĐIỆN TỬ; ky su dien tu",
            "Thành uỷ hoà hòa HOÀ Hoà kĩ kỹ", "Ho\u{0300}a hoa\u{0300} ho\u{0300}a",   // NFD, marks misplaced
            "ISO 9001:2015, 99,4 % và 4.0; 19/7/2024 1,0,1, 1,0,1",                  // codes and numbers
            "Müller München Straße 電ti 電子 ภาษาไทย Kỹ sư",                          // other letters and scripts
            String(repeating: "a", count: 70) + " " + String(repeating: "đ", count: 30), // cut at 64 letters; long
            "", "   ", "điện", "điện điện điện tử tử", "Kỹ sư điện tử, kỹ sư ĐIỆN TỬ; ky su dien tu",
        ]
        let kept = AnalysisSession()
        for round in 0..<2 {
            for text in texts {
                #expect(session(kept, text) == analyzer(text), "round \(round): \(text)")
            }
        }
    }

    /// Many distinct tokens: past what the memo remembers, the tokens are still the analyzer's.
    @Test func pastWhatItRemembers() {
        let kept = AnalysisSession()
        var generator = SystemRandomNumberGenerator()
        let syllables = ["ngh", "tr", "đ", "qu", "gi"].flatMap { onset in ["iêu", "ương", "oa", "uy", "ă"].map { onset + $0 } }
        for batch in 0..<40 {
            let words = (0..<2_000).map { index in syllables[index % syllables.count] + String(batch * 2_000 + index) }
            let text = words.joined(separator: " ") + " " + syllables.shuffled(using: &generator).joined(separator: " ")
            #expect(session(kept, text) == analyzer(text))
        }
    }
}
