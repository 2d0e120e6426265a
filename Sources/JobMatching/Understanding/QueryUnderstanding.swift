import JobRecords
import VietnameseText

/// What a job seeker's words meant besides the job: a zone, a district, an education level,
/// a category of candidate. Typed in the text, with accents or none, in any case:
/// `công nhân điện tử tràng duệ`, `KCN ĐÌNH VŨ`, `VSIP`, `thợ hàn thủy nguyên`,
/// `việc cho bộ đội xuất ngũ`, `kỹ sư đại học`.
///
/// Each phrase understood becomes a filter (the zone, district, education or audience field
/// of the search, where the caller set none) and leaves the text, so that `KCN` no longer
/// matches every posting. The answer says what was understood, so that the user can undo it.
///
/// | words (folded) | understood as |
/// |---|---|
/// | a zone's name or alias: `trang due`, `vsip`, `nam cau kien`, `lach huyen`; or `kcn`/`kkt`/`khu cong nghiep` + a name | zone |
/// | a district or province: `thuy nguyen`, `kien an`, `yen bai` (a zone of the same name only after `kcn`) | district |
/// | `dai hoc`, `cao dang`, `trung cap`, `so cap`, `thpt`, `thcs` | education: postings that accept that level |
/// | `bo doi xuat ngu`, `xuat ngu`, `sinh vien moi tot nghiep`, `hoc vien truong nghe`, `hoc nghe` | audience: the postings that invite that category (not those open to everyone) |
///
/// Words that are also common nouns are understood only after a zone word: `hàng hải`
/// (maritime: `kỹ sư hàng hải`) and `nhật bản` (Japan: `tiếng Nhật Bản`).
public struct QueryUnderstanding: Sendable {
    /// One thing understood: the search field it sets, its value, and the words it came from.
    public struct Understood: Sendable, Hashable, Codable {
        public var field: String
        public var value: String
        public var words: String
        /// True when a place or employer is ranked first rather than filtered on: other words were
        /// typed with it (`thợ hàn đình vũ`), so the same job nearby still shows, after it.
        public var preferred: Bool? = nil
    }

    private enum Meaning: Sendable, Hashable {
        case zone(String), district(String), education(EducationLevel), audience(CandidateCategory)
    }

    private var phrases: [[Substring]: Meaning] = [:]
    private var zoneOnly: [[Substring]: Meaning] = [:]
    private var longest = 1
    private static let zoneWords: [[Substring]] = [["kcn"], ["kkt"], ["khu", "cong", "nghiep"], ["khu", "kinh", "te"]]
    private static let needZoneWord: Set<[Substring]> = [["hang", "hai"], ["nhat", "ban"], ["nhat", "ban", "hai", "phong"]]

    public init(places: PlaceDirectory) {
        let analyzer = VietnameseAnalyzer()
        func words(_ text: String) -> [Substring] {
            analyzer.foldedText(text).split(separator: " ").filter { !["-", "–"].contains($0) }
        }
        for (name, place) in places.names {
            var folded = words(name)
            if place.kind == "zone" {
                for zoneWord in Self.zoneWords where folded.starts(with: zoneWord) { folded.removeFirst(zoneWord.count) }
                guard !folded.isEmpty else { continue }
                zoneOnly[folded] = .zone(place.name)
                if phrases[folded] == nil && !Self.needZoneWord.contains(folded) { phrases[folded] = .zone(place.name) }
            } else {
                for prefix in [["huyen"], ["quan"], ["tinh"], ["thanh", "pho"], ["tp"]] as [[Substring]] where folded.starts(with: prefix) {
                    folded.removeFirst(prefix.count)
                }
                guard !folded.isEmpty else { continue }
                phrases[folded] = .district(place.name)  // a district wins over a zone of the same name without `kcn`
            }
            longest = max(longest, folded.count)
        }
        let levels: [(String, EducationLevel)] = [("đại học", .university), ("cao đẳng", .college), ("trung cấp", .intermediateVocational),
                                                 ("sơ cấp", .elementaryVocational), ("THPT", .upperSecondary),
                                                 ("THCS", .lowerSecondary)]
        for (text, level) in levels { phrases[words(text)] = .education(level) }
        let categories: [(String, CandidateCategory)] = [("bộ đội xuất ngũ", .dischargedSoldier), ("xuất ngũ", .dischargedSoldier),
                                                        ("sinh viên mới tốt nghiệp", .graduate), ("sinh viên tốt nghiệp", .graduate),
                                                        ("học viên trường nghề", .vocationalStudent), ("học nghề", .vocationalStudent)]
        for (text, category) in categories { phrases[words(text)] = .audience(category) }
        longest = max(longest, phrases.keys.map(\.count).max() ?? 1)
    }

    /// The text without the words understood, and what they meant, in the order typed.
    /// At each word the longest phrase wins; a field is understood once.
    ///
    /// - Complexity: O(*n* · *L*) for *n* words and phrases of at most *L* words.
    /// - Parameter fields: the fields to look for (`zone` stands for zone and district).
    public func understand(_ text: String, fields wanted: Set<String> = ["zone", "education", "audience"]) -> (text: String, understood: [Understood]) {
        var spans: [(range: Range<Int>, folded: Substring)] = []
        let bytes = Array(text.utf8)
        VietnameseAnalyzer().forEachToken(in: text) { span, _, folded in
            spans.append((span.utf8Range, Substring(String(decoding: folded, as: UTF8.self))))
        }
        var understood: [Understood] = []
        var removed: [Range<Int>] = []
        var fields = Set(["zone", "education", "audience"]).subtracting(wanted)
        var index = 0
        while index < spans.count {
            // A zone word first: `kcn X` names the zone X, even where X alone would be a district.
            var zoneWordLength = 0
            for zoneWord in Self.zoneWords where index + zoneWord.count <= spans.count
                && spans[index..<(index + zoneWord.count)].map(\.folded).elementsEqual(zoneWord) {
                zoneWordLength = zoneWord.count
            }
            let start = index + zoneWordLength
            var found: (length: Int, meaning: Meaning)?
            for length in stride(from: min(longest, spans.count - start), through: 1, by: -1) where length > 0 {
                let key = Array(spans[start..<(start + length)].map(\.folded))
                if zoneWordLength > 0, let meaning = zoneOnly[key] { found = (length, meaning); break }
                if zoneWordLength == 0, let meaning = phrases[key] { found = (length, meaning); break }
            }
            guard let (length, meaning) = found else { index += 1; continue }
            let (field, value): (String, String)
            switch meaning {
            case .zone(let name): (field, value) = ("zone", name)
            case .district(let name): (field, value) = ("district", name)
            case .education(let level): (field, value) = ("education", level.rawValue)
            case .audience(let category): (field, value) = ("audience", category.rawValue)
            }
            let end = start + length
            if fields.insert(field == "district" ? "zone" : field).inserted {  // else: not wanted, or already understood
                let range = spans[index].range.lowerBound..<spans[end - 1].range.upperBound
                understood.append(Understood(field: field, value: value, words: String(decoding: bytes[range], as: UTF8.self)))
                removed.append(range)
            }
            index = end
        }
        guard !removed.isEmpty else { return (text, []) }
        var kept: [UInt8] = []
        var position = 0
        for range in removed {
            kept += bytes[position..<range.lowerBound]
            kept.append(UInt8(ascii: " "))
            position = range.upperBound
        }
        kept += bytes[position...]
        let remaining = String(decoding: kept, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (remaining, understood)
    }
}
