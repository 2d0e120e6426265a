import VietnameseText

/// Parses what people type into a search box.
///
/// | typed | meaning |
/// |---|---|
/// | `thợ hàn` | either word (``SearchQuery/Mode/any``) or both (``SearchQuery/Mode/all``) |
/// | `+hàn` | required |
/// | `-đêm` | excluded |
/// | `"xe nâng"` | required phrase: syllables next to each other |
/// | `-"ca đêm"` | excluded phrase |
///
/// Unbalanced quotes end at the end of the text. A word that analyses to several
/// tokens (`ĐIỆN-TỬ`) gives several terms with the same occurrence.
enum QueryParser {
    static func parse(_ text: String, mode: SearchQuery.Mode) -> ParsedQuery {
        let analyzer = VietnameseAnalyzer()
        var query = ParsedQuery()
        let plain: ParsedQuery.Occurrence = mode == .all ? .must : .should

        func addTerms(_ piece: String, _ occurrence: ParsedQuery.Occurrence) -> [Int] {
            var indices: [Int] = []
            for token in analyzer.tokens(in: piece) {
                let folded = Array(token.folded.utf8)
                let canonical = Array(token.canonical.utf8)
                let term = ParsedQuery.Term(text: token.text, folded: folded, canonical: canonical == folded ? nil : canonical,
                                            occurrence: occurrence)
                if let existing = query.terms.firstIndex(of: term) {
                    indices.append(existing)
                } else {
                    indices.append(query.terms.count)
                    query.terms.append(term)
                }
            }
            return indices
        }

        var characters = Substring(text)
        while let first = characters.first {
            if first.isWhitespace {
                characters = characters.dropFirst()
                continue
            }
            var sign: Character? = nil
            if (first == "+" || first == "-"), let next = characters.dropFirst().first, !next.isWhitespace {
                sign = first
                characters = characters.dropFirst()
            }
            if characters.first == "\"" {
                let body = characters.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                let phrase = String(body[body.startIndex..<end])
                characters = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
                let excluded = sign == "-"
                let indices = addTerms(phrase, excluded ? .mustNot : .must)
                if excluded && indices.count > 1 {
                    // An excluded phrase excludes the syllables together, not each one:
                    // keep them as phrase members only.
                    query.phrases.append((indices, true))
                } else if indices.count > 1 {
                    query.phrases.append((indices, false))
                }
                continue
            }
            let end = characters.firstIndex(where: \.isWhitespace) ?? characters.endIndex
            let word = String(characters[characters.startIndex..<end])
            characters = characters[end...]
            let occurrence: ParsedQuery.Occurrence = sign == "+" ? .must : sign == "-" ? .mustNot : plain
            _ = addTerms(word, occurrence)
        }
        return query
    }
}
