/// A query's text taken apart into analysed terms and phrases.
struct ParsedQuery: Hashable, Sendable {
    enum Occurrence: Hashable, Sendable {
        case should, must, mustNot
    }

    /// One analysed query token.
    struct Term: Hashable, Sendable {
        /// As typed, for explanations.
        var text: String
        var folded: [UInt8]
        /// Present when the token was typed with accents (its canonical form differs).
        var canonical: [UInt8]?
        var occurrence: Occurrence
    }

    /// Distinct terms (by folded form and occurrence), in the order typed.
    var terms: [Term] = []
    /// Phrases as indices into ``terms``, syllables in order. Phrases are required,
    /// or excluded when typed `-"…"`.
    var phrases: [(terms: [Int], excluded: Bool)] = []

    static func == (lhs: ParsedQuery, rhs: ParsedQuery) -> Bool {
        lhs.terms == rhs.terms && lhs.phrases.map(\.terms) == rhs.phrases.map(\.terms)
            && lhs.phrases.map(\.excluded) == rhs.phrases.map(\.excluded)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(terms)
    }

    var isEmpty: Bool { terms.isEmpty }
}
