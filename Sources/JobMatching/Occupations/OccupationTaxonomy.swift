import Foundation
import VietnameseText
import JobRecords

/// The occupations the zones hire for, from a reviewed table (`Corpus/occupations.tsv`): each
/// with its ISCO-08 unit group, skill level, Vietnamese and English titles and other names,
/// related occupations with a closeness, and the licences it usually needs.
///
/// Postings and profiles are given occupations from their words (``classify(_:)``): a title,
/// a desired title, a major or a skill that names one, on whole syllables, accents or none,
/// longest name first, with the words that named it kept as evidence.
public struct OccupationTaxonomy: Sendable {
    /// One occupation.
    public struct Occupation: Sendable, Hashable {
        /// `7212.1`.
        public var code: String
        /// ISCO-08 unit group: `7212`.
        public var isco: String
        /// ISCO skill level: 1 elementary, 2 operators/crafts/clerks, 3 technicians, 4 professionals and managers.
        public var level: Int
        public var vietnamese: String
        public var english: String
        /// Related occupations and how close they are (0…1).
        public var related: [String: Double]
        public var licences: [Licence]
    }

    /// An occupation found in a record's words, and where.
    public struct Found: Sendable, Hashable {
        public var code: String
        /// `title: thợ hàn điện`.
        public var evidence: String
    }

    public private(set) var occupations: [String: Occupation] = [:]
    /// Folded names → code; several names per occupation.
    private var names: [[Substring]: String] = [:]
    /// The first word of each name, and the most words of a name beginning with it: most words begin none.
    private var firstWords: [Substring: Int] = [:]
    private var longest = 1
    /// Each occupation's occupations that name it as related, and how close (relations are read either way).
    private var relatedTo: [String: [String: Double]] = [:]
    /// A fingerprint of the names and codes, so that indexes built with another table are rebuilt (worked out once).
    public private(set) var fingerprint = ""
    /// The index tokens of every occupation of general work (``isGeneralWork(_:)``), in code order (worked out once).
    public private(set) var generalWorkTokens: [String] = []

    /// No occupations: nothing is classified.
    public init() {}

    /// Reads the table; bad lines are refused with file, line and field.
    public init(tsv: String, file: String) throws {
        let analyzer = VietnameseAnalyzer()
        var problems: [LoadFailure.Problem] = []
        var relatedByLine: [(line: Int, code: String, related: [String: Double])] = []
        for (number, raw) in TableText.lines(tsv).enumerated() {
            let line = number + 1
            if TableText.trimmed(raw).isEmpty || raw.hasPrefix("#") { continue }
            let columns = TableText.cells(raw)
            func refuse(_ field: String?, _ message: String) { problems.append(.init(file: file, line: line, field: field, message: message)) }
            guard columns.count == 8 else { refuse(nil, "expected 8 columns separated by tabs, found \(columns.count)"); continue }
            let (code, isco) = (columns[0], columns[1])
            guard isco.count == 4, isco.allSatisfy(\.isNumber) else { refuse("isco08", "must be an ISCO-08 unit group of 4 digits, not '\(isco)'"); continue }
            guard code.hasPrefix(isco + "."), code.count > 5 else { refuse("code", "must be the unit group, a dot and a number ('\(isco).1'), not '\(code)'"); continue }
            guard occupations[code] == nil else { refuse("code", "'\(code)' is listed twice"); continue }
            guard let level = Int(columns[2]), (1...4).contains(level) else { refuse("level", "must be 1 to 4, not '\(columns[2])'"); continue }
            guard !columns[3].isEmpty, !columns[4].isEmpty else { refuse(columns[3].isEmpty ? "vietnamese" : "english", "is empty"); continue }
            var related: [String: Double] = [:]
            var bad = false
            for item in columns[6].split(separator: "|") where !item.isEmpty {
                let parts = item.split(separator: ":")
                guard parts.count == 2, let closeness = Double(parts[1]), closeness > 0, closeness <= 1 else {
                    refuse("related", "'\(item)' is not code:closeness with a closeness above 0 and at most 1"); bad = true; break
                }
                related[String(parts[0])] = closeness
            }
            var licences: [Licence] = []
            for item in columns[7].split(separator: "|") where !item.isEmpty {
                let parts = item.split(separator: ":")
                guard let kind = Licence.Kind(rawValue: String(parts[0])) else {
                    refuse("licences", "unknown licence kind '\(parts[0])'"); bad = true; break
                }
                licences.append(Licence(kind, parts.count > 1 ? String(parts[1]) : ""))
            }
            if bad { continue }
            occupations[code] = Occupation(code: code, isco: isco, level: level, vietnamese: columns[3], english: columns[4],
                                           related: related, licences: licences)
            relatedByLine.append((line, code, related))
            for name in [columns[3], columns[4]] + columns[5].split(separator: "|").map(String.init) {
                let folded = analyzer.foldedText(name).split(separator: " ")
                guard !folded.isEmpty else { continue }
                if let other = names[folded], other != code {
                    refuse("aliases", "'\(name)' already names \(other)")
                    continue
                }
                names[folded] = code
                firstWords[folded[0]] = max(firstWords[folded[0]] ?? 0, folded.count)
                longest = max(longest, folded.count)
            }
        }
        for entry in relatedByLine {
            for code in entry.related.keys where occupations[code] == nil || code == entry.code {
                problems.append(.init(file: file, line: entry.line, field: "related", message: code == entry.code ? "names itself" : "names no occupation '\(code)'"))
            }
        }
        if !problems.isEmpty { throw LoadFailure(problems: Array(problems.prefix(LoadFailure.listedLimit)), count: problems.count) }
        for (code, occupation) in occupations {
            for (kin, closeness) in occupation.related { relatedTo[kin, default: [:]][code] = closeness }
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let text = names.map { $0.key.joined(separator: " ") + "=" + $0.value }.sorted().joined(separator: "\n")
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        fingerprint = String(hash, radix: 16)
        generalWorkTokens = occupations.keys.filter(isGeneralWork).sorted().map(Self.token)
    }

    public var isEmpty: Bool { occupations.isEmpty }

    /// The occupations named in `fields` (name and text, in order of weight: a title before
    /// skills), each once, at most three: in each field, at each word the longest name.
    ///
    /// - Complexity: O(*n* · *L*) for *n* words and names of at most *L* words.
    public func classify(_ fields: [(field: String, text: String)]) -> [Found] {
        guard !names.isEmpty else { return [] }
        let analyzer = VietnameseAnalyzer()
        var found: [Found] = []
        for (field, text) in fields {
            let words = analyzer.foldedText(text).split(separator: " ")
            var index = 0
            while index < words.count {
                var matched = 0
                let most = firstWords[words[index]] ?? 0  // no name begins with most words: nothing to look up
                for length in stride(from: min(most, words.count - index), through: 1, by: -1) {
                    guard let code = names[Array(words[index..<(index + length)])] else { continue }
                    if !found.contains(where: { $0.code == code }) {
                        found.append(Found(code: code, evidence: "\(field): \(TableText.trimmed(Substring(text)))"))
                    }
                    matched = length
                    break
                }
                index += max(1, matched)
            }
            if found.count >= 3 { break }
        }
        return Array(found.prefix(3))
    }

    /// The occupations of a posting: from its title, else its skills.
    public func occupations(of posting: JobPosting) -> [Found] {
        let title = classify([("title", posting.title)])
        return title.isEmpty ? classify((posting.skills ?? []).map { ("skills", $0) }) : title
    }

    /// The occupations of a candidate: from desired titles, then major, then skills.
    public func occupations(of profile: CandidateProfile) -> [Found] {
        classify((profile.desiredTitles ?? []).map { ("desired_titles", $0) } + (profile.major.map { [("major", $0)] } ?? [])
                 + (profile.skills ?? []).map { ("skills", $0) })
    }

    /// The token an occupation is indexed under in the `concepts` field (`hzocc8343x1`), so that
    /// a search naming it in any of its names finds the postings classified under it.
    public static func token(_ code: String) -> String { "hzocc" + code.replacingOccurrences(of: ".", with: "x") }

    /// The tokens of the occupations named in a search's words (`crane operator` → `hzocc8343x1`),
    /// and of their close kin: the occupations of the same ISCO unit group at least 0.7 close
    /// (`crane operator` also finds gantry crane operators, `hzocc8343x2`; `kỹ sư điện tử` does not
    /// find mechanical engineers).
    ///
    /// - Complexity: O(*n* · *L*) for *n* words, then O(*r*) in the kin of each occupation named.
    public func tokens(inQuery text: String) -> [String] {
        var codes: [String] = []
        for found in classify([("query", text)]) {
            if !codes.contains(found.code) { codes.append(found.code) }
            guard let occupation = occupations[found.code] else { continue }
            for (kin, closeness) in occupation.related.sorted(by: { $0.key < $1.key })
            where closeness >= 0.7 && occupations[kin]?.isco == occupation.isco && !codes.contains(kin) {
                codes.append(kin)
            }
        }
        return codes.map(Self.token)
    }

    /// The tokens of `found` and of the occupations related to them at least `minimum` close:
    /// what a match or a shortlist adds to its words, so that a candidate of a related trade
    /// (a forklift driver for a crane operator's posting) is found, to be ranked by the signals.
    ///
    /// - Complexity: O(*f* · *r*) for *f* occupations with *r* related each.
    public func tokens(of found: [Found], closeness minimum: Double = 0.5) -> [String] {
        var codes: [String] = []
        for item in found where !codes.contains(item.code) { codes.append(item.code) }
        for item in found {
            for (kin, closeness) in (occupations[item.code]?.related ?? [:]).sorted(by: { $0.key < $1.key })
            where closeness >= minimum && !codes.contains(kin) { codes.append(kin) }
        }
        // Relations are read either way: an occupation that names one of these as related.
        var naming = Set<String>()
        for item in found { for (code, closeness) in relatedTo[item.code] ?? [:] where closeness >= minimum { naming.insert(code) } }
        for code in naming.sorted() where !codes.contains(code) { codes.append(code) }
        return codes.map(Self.token)
    }

    /// The occupation an index token stands for (`hzocc8343x1` → crane operator), for reasons.
    public func occupation(ofToken token: String) -> Occupation? {
        guard token.hasPrefix("hzocc") else { return nil }
        return occupations[String(token.dropFirst(5)).replacingOccurrences(of: "x", with: ".")]
    }

    /// How close two occupations are: 1 when the same, the table's closeness when related (either way), else 0.
    public func closeness(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        return max(occupations[a]?.related[b] ?? 0, occupations[b]?.related[a] ?? 0)
    }

    /// Whether an occupation is general work, asking no trade of whoever takes it: ISCO skill level 1 (loading,
    /// packing, general labour) and the zones' production-line jobs (`8219` assemblers and `8189` machine minders not
    /// elsewhere classified: `công nhân sản xuất`, `công nhân đứng máy`), which the employers train for.
    public func isGeneralWork(_ code: String) -> Bool {
        guard let occupation = occupations[code] else { return false }
        return occupation.level == 1 || ["8219", "8189"].contains(occupation.isco)
    }

    /// Whether two known occupations have nothing to do with each other: not related at least 0.5 close, and not of
    /// one ISCO-08 minor group (`8331` bus and `8332` truck drivers are both `833`). Unknown codes are never unrelated.
    ///
    /// | a | b | |
    /// |---|---|---|
    /// | `2144.1` mechanical engineer | `7543.1` quality inspector | unrelated |
    /// | `8331.1` bus driver | `8332.2` container truck driver | related (minor group 833) |
    /// | `8343.2` gantry crane operator | `9333.1` freight handler | related (0.5) |
    public func unrelated(_ a: String, _ b: String) -> Bool {
        guard let first = occupations[a], let second = occupations[b] else { return false }
        return closeness(a, b) < 0.5 && first.isco.prefix(3) != second.isco.prefix(3)
    }
}
