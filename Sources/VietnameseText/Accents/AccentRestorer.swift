#if canImport(Glibc)
import Glibc  // log: the C library's, so the analyzer needs no Foundation
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the accents back on text typed without them, from the statistics of a body of
/// accented text (the index's postings): `ky su dien tu` → `kỹ sư điện tử`, `ban hang` →
/// `bán hàng` (not `bàn hàng`).
///
/// Each syllable typed without marks may be any accented form seen with its folded
/// spelling; the reading chosen is the most likely sequence (Viterbi) under a bigram model
/// of the accented forms, interpolated with their unigram frequencies:
///
///     P(w | v) = λ · c(v w) / c(v) + (1 − λ) · (c(w) + 1) / (N + V)      λ = 0.8 where c(v) > 0
///
/// A syllable typed with marks keeps them; a word never seen, a number or a code stays as
/// typed. Case is kept: `KY SU` → `KỸ SƯ`, `Hai Phong` → `Hải Phòng`.
public struct AccentRestorer: Sendable {
    /// Accented forms of each folded syllable, most seen first.
    private var forms: [String: [String]] = [:]
    private var formCounts: [String: [String: Int]] = [:]
    private var unigrams: [String: Int] = [:]
    private var bigrams: [String: Int] = [:]
    private var total = 0
    /// Forms considered per syllable.
    public var candidateLimit = 6
    /// Weight of the bigram estimate.
    public var lambda = 0.8

    public init() {}

    /// A restorer that has read `texts`.
    public init<Texts: Sequence>(texts: Texts) where Texts.Element == String {
        for text in texts { add(text) }
        finish()
    }

    /// Reads one text (call ``finish()`` after the last). A text written without any accent
    /// (`Suc khoe tot`) teaches nothing about accents and is passed over.
    public mutating func add(_ text: String) { count(text, by: 1) }

    /// Forgets one text read before (a posting replaced or deleted); call ``finish()`` after the last change.
    public mutating func remove(_ text: String) { count(text, by: -1) }

    private mutating func count(_ text: String, by step: Int) {
        let tokens = VietnameseAnalyzer().tokens(in: text)
        guard tokens.contains(where: { $0.canonical != $0.folded }) else { return }
        var previous: String? = nil
        var previousEnd = -1
        func bump(_ counts: inout [String: Int], _ key: String) {
            let value = (counts[key] ?? 0) + step
            counts[key] = value > 0 ? value : nil
        }
        for token in tokens {
            let form = token.canonical
            guard Self.isWord(token) else { previous = nil; continue }
            bump(&formCounts[token.folded, default: [:]], form)
            if formCounts[token.folded]?.isEmpty == true { formCounts[token.folded] = nil }
            bump(&unigrams, form)
            total = max(0, total + step)
            // A sentence or clause boundary (`.`, `,`, `;`…) between two words breaks the context.
            if let previous, Self.adjacent(text, from: previousEnd, to: token.utf8Range.lowerBound) {
                bump(&bigrams, previous + "\u{1}" + form)
            }
            previous = form
            previousEnd = token.utf8Range.upperBound
        }
    }

    /// What the restorer has counted, to be saved: each folded syllable's accented forms with how often each
    /// was seen, and each pair of forms seen side by side (`previous + "\u{1}" + form`).
    public var counts: (forms: [String: [String: Int]], bigrams: [String: Int]) { (formCounts, bigrams) }

    /// A restorer from counts saved before (``counts``), finished.
    public init(forms: [String: [String: Int]], bigrams: [String: Int]) {
        formCounts = forms
        self.bigrams = bigrams
        for (_, counts) in forms {
            for (form, count) in counts {
                unigrams[form, default: 0] += count
                total += count
            }
        }
        finish()
    }

    /// Orders each syllable's forms by how often they were seen.
    public mutating func finish() {
        forms = formCounts.mapValues { counts in
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }
    }

    /// Whether the restorer has read anything.
    public var isEmpty: Bool { total == 0 }

    /// `text` with accents on the syllables typed without them.
    ///
    /// - Complexity: O(*n* · *k*²) for *n* syllables and *k* ≤ ``candidateLimit`` forms each.
    public func restore(_ text: String) -> String {
        let tokens = VietnameseAnalyzer().tokens(in: text)
        guard !tokens.isEmpty, !isEmpty else { return text }
        // Candidates per token: itself when typed with marks or unknown; else its seen forms.
        let candidates: [[String]] = tokens.map { token in
            guard Self.isWord(token), token.canonical == token.folded, let seen = forms[token.folded] else { return [token.canonical] }
            return Array(seen.prefix(candidateLimit))
        }
        let vocabulary = Double(max(1, unigrams.count))
        func logUnigram(_ form: String) -> Double { log((Double(unigrams[form] ?? 0) + 1) / (Double(total) + vocabulary)) }
        func logProbability(_ form: String, after previous: String?) -> Double {
            let unigram = (Double(unigrams[form] ?? 0) + 1) / (Double(total) + vocabulary)
            guard let previous, let context = unigrams[previous], context > 0 else { return log(unigram) }
            let bigram = Double(bigrams[previous + "\u{1}" + form] ?? 0) / Double(context)
            return log(lambda * bigram + (1 - lambda) * unigram)
        }
        // Viterbi over the tokens; context breaks where the text has punctuation between two tokens.
        var scores: [[Double]] = [candidates[0].map { logUnigram($0) }]
        var back: [[Int]] = [Array(repeating: -1, count: candidates[0].count)]
        for index in 1..<tokens.count {
            let joined = Self.adjacent(text, from: tokens[index - 1].utf8Range.upperBound, to: tokens[index].utf8Range.lowerBound)
            var row: [Double] = [], pointers: [Int] = []
            for form in candidates[index] {
                var best = -Double.infinity, from = 0
                for (p, previous) in candidates[index - 1].enumerated() {
                    let score = scores[index - 1][p] + logProbability(form, after: joined ? previous : nil)
                    if score > best { best = score; from = p }
                }
                row.append(best)
                pointers.append(from)
            }
            scores.append(row)
            back.append(pointers)
        }
        var choice = scores[tokens.count - 1].indices.max { scores[tokens.count - 1][$0] < scores[tokens.count - 1][$1] } ?? 0
        var chosen = [String](repeating: "", count: tokens.count)
        for index in stride(from: tokens.count - 1, through: 0, by: -1) {
            chosen[index] = candidates[index][choice]
            choice = back[index][choice]
        }
        // The text with each restored token in place, in the case it was typed in.
        var output = ""
        var utf8 = Array(text.utf8)
        var position = 0
        for (token, form) in zip(tokens, chosen) {
            output += String(decoding: utf8[position..<token.utf8Range.lowerBound], as: UTF8.self)
            output += token.canonical == token.folded && form != token.canonical ? Self.cased(form, like: token.text) : token.text
            position = token.utf8Range.upperBound
        }
        output += String(decoding: utf8[position...], as: UTF8.self)
        utf8.removeAll()
        return output
    }

    /// A syllable of letters (not a number, a code or a foreign word).
    static func isWord(_ token: Token) -> Bool {
        !token.folded.isEmpty && token.folded.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// Whether only spaces lie between two tokens (no punctuation breaking the context).
    static func adjacent(_ text: String, from start: Int, to end: Int) -> Bool {
        guard start >= 0, end >= start else { return false }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start), upper = utf8.index(utf8.startIndex, offsetBy: end)
        return utf8[lower..<upper].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// `form` (lower case) in the case of `typed`: all capitals, a capital first, or lower.
    static func cased(_ form: String, like typed: String) -> String {
        let letters = typed.filter(\.isLetter)
        if letters.count > 1, letters.allSatisfy(\.isUppercase) { return form.uppercased() }
        if let first = typed.first, first.isUppercase { return form.prefix(1).uppercased() + form.dropFirst() }
        return form
    }
}
