import Foundation
import VietnameseText

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
    /// syllables), each with the phrase found.
    public func groups(in folded: String) -> [(group: Int, phrase: String)] {
        let words = folded.split(separator: " ").map(String.init)
        var found: [(Int, String)] = []
        var seen = Set<Int>()
        for start in words.indices {
            for group in groupsByFirstWord[words[start]] ?? [] where !seen.contains(group) {
                for phrase in groups[group] {
                    let parts = phrase.split(separator: " ").map(String.init)
                    if start + parts.count <= words.count, Array(words[start..<(start + parts.count)]) == parts {
                        found.append((group, phrase))
                        seen.insert(group)
                        break
                    }
                }
            }
        }
        return found
    }

    /// `text` with the other phrases of every group it mentions added, for search:
    /// `tài xế` → `tài xế lai xe driver`.
    public func expand(_ text: String) -> String {
        let folded = VietnameseAnalyzer().foldedText(text)
        var extra: [String] = []
        for (group, phrase) in groups(in: folded) {
            extra += groups[group].filter { $0 != phrase }
        }
        return extra.isEmpty ? text : text + " " + extra.joined(separator: " ")
    }
}
