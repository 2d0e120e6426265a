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
    private var groupsByFirstWord: [String: [Int]] = [:]

    public init(tsv: String) {
        for line in tsv.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let phrases = trimmed.split(separator: "|").map { VietnameseAnalyzer().foldedText(String($0)) }.filter { !$0.isEmpty }
            guard phrases.count > 1 else { continue }
            for phrase in phrases {
                groupsByFirstWord[String(phrase.split(separator: " ")[0]), default: []].append(groups.count)
            }
            groups.append(phrases)
        }
    }

    /// The groups with a phrase found in `folded` text (folded, space-separated
    /// syllables), each with the phrase found. At each word the longest phrase of
    /// any group wins and its words are used up: `lái xe nâng` is the forklift
    /// group, not the driver group of `lái xe`.
    public func groups(in folded: String) -> [(group: Int, phrase: String)] {
        let words = folded.split(separator: " ").map(String.init)
        var found: [(Int, String)] = []
        var seen = Set<Int>()
        var start = 0
        while start < words.count {
            var best: (group: Int, phrase: String, length: Int)? = nil
            for group in groupsByFirstWord[words[start]] ?? [] {
                for phrase in groups[group] {
                    let parts = phrase.split(separator: " ").map(String.init)
                    guard parts.count > (best?.length ?? 0), start + parts.count <= words.count,
                          Array(words[start..<(start + parts.count)]) == parts else { continue }
                    best = (group, phrase, parts.count)
                }
            }
            if let best {
                if seen.insert(best.group).inserted { found.append((best.group, best.phrase)) }
                start += best.length
            } else {
                start += 1
            }
        }
        return found
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

    /// A fingerprint of the table, so that indexes built with another table are rebuilt.
    public var fingerprint: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let text = groups.map { $0.joined(separator: "|") }.joined(separator: "\n")
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        return String(hash, radix: 16)
    }

    /// `text` with the concept token of every group it names, for search:
    /// `tài xế` → `tài xế hzsyn0`.
    public func expand(_ text: String) -> String {
        let tokens = conceptTokens(in: text)
        return tokens.isEmpty ? text : text + " " + tokens.joined(separator: " ")
    }
}
