import JobRecords
import VietnameseText

/// A reproducible Vietnamese-like corpus: real syllable shapes (onset, rhyme, tone)
/// drawn from a Zipf distribution, documents of about 80 syllables, queries of
/// 2 to 4 syllables drawn from the same distribution without its 20 most frequent
/// (stop-word-like) syllables.
///
/// The same seed always gives the same bytes: the generator is SplitMix64 and the
/// syllables are put in NFC with the tone where `VietnameseAnalyzer` places it.
struct SyntheticCorpus {
    static let onsets = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
                         "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
    static let rhymes = ["a", "ai", "am", "an", "ang", "anh", "ao", "at", "au", "ay", "ăm", "ăn", "ăng", "ăt", "âm", "ân", "âng",
                         "ât", "âu", "ây", "e", "em", "en", "eng", "eo", "et", "ê", "êm", "ên", "ênh", "êt", "êu", "i", "ia",
                         "im", "in", "inh", "it", "iu", "iêm", "iên", "iêng", "iêt", "iêu", "o", "oa", "oai", "oan", "oang",
                         "oanh", "oat", "oc", "oi", "om", "on", "ong", "ot", "ô", "ôi", "ôm", "ôn", "ông", "ôt", "ơ", "ơi",
                         "ơm", "ơn", "ơt", "u", "ua", "uân", "uât", "ui", "um", "un", "ung", "uôi", "uôm", "uôn", "uông",
                         "uôt", "uy", "uyên", "uyêt", "ư", "ưa", "ưi", "ưng", "ưt", "ưu", "ươi", "ươm", "ươn", "ương", "ươt"]
    /// Combining marks of the six tones (level has none).
    static let tones: [String] = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    private(set) var generator: SplitMix64
    let syllables: [String]
    private let cumulative: [Double]

    init(seed: UInt64, exponent: Double = 1.0) {
        generator = SplitMix64(seed: seed)
        let analyzer = VietnameseAnalyzer()
        var seen = Set<String>()
        var inventory: [String] = []
        for onset in Self.onsets {
            for rhyme in Self.rhymes {
                let stopped = ["c", "ch", "p", "t"].contains { rhyme.hasSuffix($0) }
                for (tone, mark) in Self.tones.enumerated() where !stopped || tone == 2 || tone == 5 {
                    // Put the mark after the first vowel; the analyzer moves it where it belongs.
                    var text = onset
                    var placed = mark.isEmpty
                    for character in rhyme {
                        text.append(character)
                        if !placed && "aăâeêioôơuưy".contains(character) {
                            text += mark
                            placed = true
                        }
                    }
                    guard let syllable = analyzer.tokens(in: text).first?.canonical, seen.insert(syllable).inserted else { continue }
                    inventory.append(syllable)
                }
            }
        }
        // A fixed shuffle decides which syllables are frequent.
        for index in stride(from: inventory.count - 1, to: 0, by: -1) {
            inventory.swapAt(index, Int(generator.next() % UInt64(index + 1)))
        }
        syllables = inventory
        var total = 0.0
        cumulative = (1...inventory.count).map { rank in
            total += 1 / pow(Double(rank), exponent)
            return total
        }
    }

    /// Draws from another random stream, keeping the same syllable frequencies.
    mutating func reseed(_ seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// A syllable rank drawn from the Zipf distribution (0 is the most frequent).
    mutating func rank() -> Int {
        let target = Double(generator.next() >> 11) / Double(1 << 53) * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// With topics (`hezamatch-bench generate --topics N`), half of a document's syllables
    /// come from its topic: the Zipf ranks past the 20 most frequent are rotated by the
    /// topic's offset, so each topic has frequent words of its own (as postings of one trade
    /// share words), and the corpus has the structure that document reordering looks for.
    var topics = 0
    private var topic = 0

    /// A rank, drawn in the current topic half of the time when there are topics.
    private mutating func topicalRank() -> Int {
        let r = rank()
        guard topics > 0, r >= 20, generator.next() % 2 == 0 else { return r }
        let span = syllables.count - 20
        return 20 + (r - 20 + topic * (span / topics)) % span
    }

    /// A document of `averageLength` ± 25% syllables.
    mutating func document(averageLength: Int = 80) -> String {
        if topics > 0 { topic = Int(generator.next() % UInt64(topics)) }
        let spread = averageLength / 4
        let length = averageLength - spread + Int(generator.next() % UInt64(2 * spread + 1))
        var text = ""
        text.reserveCapacity(length * 6)
        for index in 0..<length {
            if index > 0 { text += " " }
            text += syllables[topicalRank()]
        }
        return text
    }

    /// A query of 2 to 4 distinct syllables, none among the 20 most frequent.
    mutating func query() -> String {
        let count = 2 + Int(generator.next() % 3)
        if topics > 0 { topic = Int(generator.next() % UInt64(topics)) }
        var words: [String] = []
        while words.count < count {
            let r = topicalRank()
            guard r >= 20 else { continue }
            let word = syllables[r]
            if !words.contains(word) { words.append(word) }
        }
        return words.joined(separator: " ")
    }
}

import Foundation
