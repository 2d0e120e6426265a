import VietnameseText

/// Employers named in a job seeker's words: `lg display`, `pegatron`, `USI`, `kyocera`, `kho
/// vận đình vũ`. Built from the employers of the open postings.
///
/// Each employer is known by its name without the legal form and the country (`Công ty TNHH
/// LG Display Việt Nam Hải Phòng` → `lg display`), and, when that name begins with a brand
/// that is no word of the postings' titles and skills nor of the synonym table, by the brand
/// alone (`lg` → the three LG companies; `pegatron`). So `điện tử`, `cơ khí`, `kho` are never
/// taken for the employers whose names begin with them.
///
/// | words (folded) | understood as |
/// |---|---|
/// | `lg display` | employer `Công ty TNHH LG Display Việt Nam Hải Phòng` |
/// | `lg` | employer: every LG company |
/// | `kho van dinh vu` | employer `Công ty CP Kho vận Đình Vũ` (before the zone `Đình Vũ`) |
/// | `kho`, `dien tu` | nothing: words of the trade |
public struct EmployerDirectory: Sendable {
    /// Folded words → the employers they name, and how to show them.
    private var phrases: [[Substring]: (names: [String], shown: String)] = [:]
    private var longest = 1

    private static let legalForms: [[Substring]] = [
        ["cong", "ty"], ["tnhh"], ["cp"], ["co", "phan"], ["mtv"], ["mot", "thanh", "vien"], ["trach", "nhiem", "huu", "han"],
        ["tap", "doan"], ["chi", "nhanh"], ["co", "ltd"], ["ltd"], ["jsc"], ["inc"],
    ]
    private static let countryWords: [[Substring]] = [["viet", "nam"], ["vn"], ["hai", "phong"], ["vina"]]

    /// - Parameters:
    ///   - employers: the employers' names;
    ///   - jobWords: the folded words of the postings' titles and skills (a brand must be none of them);
    ///   - synonyms: the synonym table (a brand must be no word of it either).
    public init(employers: [String], jobWords: Set<String>, synonyms: SynonymTable) {
        let analyzer = VietnameseAnalyzer()
        let synonymWords = Set(synonyms.groups.flatMap { $0.flatMap { $0.split(separator: " ").map(String.init) } })
        var brands: [[Substring]: (names: [String], shown: String)] = [:]
        for name in Set(employers) {
            var words = analyzer.foldedText(name).split(separator: " ")
            var changed = true
            while changed {
                changed = false
                for form in Self.legalForms where words.starts(with: form) { words.removeFirst(form.count); changed = true }
            }
            changed = true
            while changed {
                changed = false
                for country in Self.countryWords where words.count > country.count && words.suffix(country.count).elementsEqual(country) {
                    words.removeLast(country.count); changed = true
                }
            }
            guard !words.isEmpty else { continue }
            // The name as written, from the same words: `LG Display`.
            let tokens = analyzer.tokens(in: name)
            let first = String(words[0])
            let shownTokens = Array(tokens.drop { $0.folded != first }.prefix(words.count))
            let shown = shownTokens.map { $0.text }.joined(separator: " ")
            if words.count >= 2 || !jobWords.contains(String(words[0])) {
                phrases[Array(words), default: ([], shown)].names.append(name)
            }
            let brand = String(words[0])
            if words.count >= 2, brand.count >= 2, !jobWords.contains(brand), !synonymWords.contains(brand),
               brand.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) {
                brands[[words[0]], default: ([], shownTokens.first?.text ?? brand)].names.append(name)
            }
        }
        for (words, entry) in brands where phrases[words] == nil { phrases[words] = entry }
        for key in phrases.keys { phrases[key]!.names.sort() }
        longest = phrases.keys.map(\.count).max() ?? 1
    }

    public var isEmpty: Bool { phrases.isEmpty }

    /// The text without the words that name an employer, and what they named: the longest
    /// phrase at each word; one employer (or brand) a search.
    ///
    /// - Complexity: O(*n* · *L*) for *n* words and names of at most *L* words.
    public func understand(_ text: String) -> (text: String, names: [String], understood: QueryUnderstanding.Understood?) {
        var spans: [(range: Range<Int>, folded: Substring)] = []
        VietnameseAnalyzer().forEachToken(in: text) { span, _, folded in
            spans.append((span.utf8Range, Substring(String(decoding: folded, as: UTF8.self))))
        }
        let bytes = Array(text.utf8)
        for start in spans.indices {
            for length in stride(from: min(longest, spans.count - start), through: 1, by: -1) {
                let key = Array(spans[start..<(start + length)].map(\.folded))
                guard let entry = phrases[key] else { continue }
                let range = spans[start].range.lowerBound..<spans[start + length - 1].range.upperBound
                var kept = Array(bytes[..<range.lowerBound])
                kept.append(UInt8(ascii: " "))
                kept += bytes[range.upperBound...]
                let remaining = String(decoding: kept, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let value = entry.names.count == 1 ? entry.names[0] : entry.shown
                return (remaining, entry.names, QueryUnderstanding.Understood(field: "employer", value: value,
                                                                           words: String(decoding: bytes[range], as: UTF8.self)))
            }
        }
        return (text, [], nil)
    }
}
