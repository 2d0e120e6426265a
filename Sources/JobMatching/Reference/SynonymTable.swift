import Foundation
import VietnameseText
import JobRecords

/// Words that mean the same job, from a reviewed table (`Corpus/synonyms.tsv`):
/// one group a line, phrases separated by `|` (`tài xế | lái xe | driver`).
///
/// Phrases are compared folded, on whole syllables: `lái xe` is in `lái xe nâng`.
/// One-syllable phrases are risky (`hàn` is "weld", but also `Hàn Quốc`, Korea,
/// folded alike), so the reviewed table lists `hàn điện` and `thợ hàn`, not `hàn`.
public struct SynonymTable: Sendable {
    /// Each group's phrases, folded.
    public private(set) var groups: [[String]] = []
    /// Every word of every phrase, numbered.
    private var vocabulary: [String: Int32] = [:]
    /// Per first word: the phrases that start with it, as word numbers, longest first.
    private var phrasesByFirstWord: [Int32: [(group: Int, phrase: String, words: [Int32])]] = [:]
    /// A fingerprint of the table, so that indexes built with another table are rebuilt (worked out once).
    public private(set) var fingerprint = ""
    /// The table's two-syllable phrases, folded (`dien tu`, `xe nang`, `kho van`): words of two syllables, so
    /// that a trade ending in `điện` is not found inside `điện tử` (``CandidateTrades``).
    public private(set) var twoSyllableWords: Set<String> = []
    /// Each phrase as the table writes it, canonical (accents kept), by group and folded phrase (`5|tho may` → `thợ may`).
    private var canonicalPhrases: [String: String] = [:]

    public init(tsv: String) {
        for line in TableText.lines(tsv) where !line.isEmpty {
            let trimmed = TableText.trimmed(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let written = trimmed.split(separator: "|").map(String.init).filter { !VietnameseAnalyzer().foldedText($0).isEmpty }
            let phrases = written.map { VietnameseAnalyzer().foldedText($0) }
            guard phrases.count > 1 else { continue }
            for (text, phrase) in zip(written, phrases) {
                let canonical = VietnameseAnalyzer().canonicalText(text)
                if canonical != phrase { canonicalPhrases["\(groups.count)|\(phrase)"] = canonical }
            }
            for phrase in phrases {
                let words = phrase.split(separator: " ").map { word -> Int32 in
                    if let number = vocabulary[String(word)] { return number }
                    let number = Int32(vocabulary.count)
                    vocabulary[String(word)] = number
                    return number
                }
                phrasesByFirstWord[words[0], default: []].append((groups.count, phrase, words))
                if words.count == 2 { twoSyllableWords.insert(phrase) }
            }
            groups.append(phrases)
        }
        for key in phrasesByFirstWord.keys {
            // Longest first; of two as long, the one listed first.
            phrasesByFirstWord[key] = phrasesByFirstWord[key]!.enumerated()
                .sorted { $0.element.words.count != $1.element.words.count ? $0.element.words.count > $1.element.words.count : $0.offset < $1.offset }
                .map(\.element)
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let text = groups.map { $0.joined(separator: "|") }.joined(separator: "\n")
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        fingerprint = String(hash, radix: 16)
    }

    /// The groups with a phrase found in `folded` text (folded, space-separated
    /// syllables), each with the phrase found. At each word the longest phrase of
    /// any group wins and its words are used up: `lái xe nâng` is the forklift
    /// group, not the driver group of `lái xe`.
    ///
    /// - Complexity: O(*n* · *p*) for *n* words and *p* phrases sharing a first word (a handful).
    public func groups(in folded: String) -> [(group: Int, phrase: String)] {
        // Words as numbers; a word of no phrase is -1.
        let words = folded.split(separator: " ").map { vocabulary[String($0)] ?? -1 }
        var found: [(Int, String)] = []
        var seen = Set<Int>()
        var start = 0
        while start < words.count {
            var matched: (group: Int, phrase: String, length: Int)? = nil
            if words[start] >= 0, let candidates = phrasesByFirstWord[words[start]] {
                for candidate in candidates where start + candidate.words.count <= words.count {
                    var equal = true
                    for (offset, word) in candidate.words.enumerated() where words[start + offset] != word {
                        equal = false
                        break
                    }
                    if equal {
                        matched = (candidate.group, candidate.phrase, candidate.words.count)
                        break
                    }
                }
            }
            if let matched {
                if seen.insert(matched.group).inserted { found.append((matched.group, matched.phrase)) }
                start += matched.length
            } else {
                start += 1
            }
        }
        return found
    }

    /// ``groups(in:)`` of a text whose canonical form (accents kept) is `canonical`: a phrase the table writes with
    /// accents is found only where the text has the same accents, when the text has accents at all (`thợ máy`, a
    /// mechanic, is not `thợ may`, a tailor; `tho may` typed without accents is both).
    ///
    /// - Complexity: as ``groups(in:)``, and a byte search of each phrase found.
    public func groups(in folded: String, canonical: String) -> [(group: Int, phrase: String)] {
        let found = groups(in: folded)
        guard canonical != folded else { return found }
        let padded = " " + canonical + " "
        return found.filter { item in
            guard let written = canonicalPhrases["\(item.group)|\(item.phrase)"] else { return true }
            return padded.contains(" " + written + " ")
        }
    }

    /// One token a group, which the index holds for every phrase of the group found
    /// in a text, and a query adds for every group it names: multi-word synonyms
    /// matched exactly, without adding their loose words to the query.
    public func conceptTokens(in text: String) -> [String] {
        groups(in: VietnameseAnalyzer().foldedText(text)).map { Self.conceptToken($0.group) }
    }

    static func conceptToken(_ group: Int) -> String { "hzsyn\(group)" }

    /// The group a concept token stands for, as its first phrase (for explanations).
    public func phrase(ofConceptToken token: String) -> String? {
        guard token.hasPrefix("hzsyn"), let group = Int(token.dropFirst(5)), groups.indices.contains(group) else { return nil }
        return groups[group][0]
    }

    /// `text` with the concept token of every group it names, for search:
    /// `tài xế` → `tài xế hzsyn0`.
    public func expand(_ text: String) -> String {
        let tokens = conceptTokens(in: text)
        return tokens.isEmpty ? text : text + " " + tokens.joined(separator: " ")
    }
}
