import JobRecords
import VietnameseText

/// What a job seeker's words meant besides the job: a zone, a place, an education level,
/// a category of candidate. Typed in the text, with accents or none, in any case:
/// `công nhân điện tử tràng duệ`, `KCN ĐÌNH VŨ`, `VSIP`, `thợ hàn thủy nguyên`,
/// `việc làm gần phường Thành Đông`, `việc cho bộ đội xuất ngũ`, `kỹ sư đại học`.
///
/// Each phrase understood becomes a filter (the zone, district, education or audience field
/// of the search, where the caller set none) and leaves the text, so that `KCN` no longer
/// matches every posting. The answer says what was understood, so that the user can undo it.
///
/// | words (folded) | understood as |
/// |---|---|
/// | a zone's name or alias: `trang due`, `vsip`, `nam cau kien`, `lach huyen`, `dai an`; or `kcn`/`kkt`/`khu cong nghiep` + a name | zone |
/// | a province, old or new, or an old district of Hải Phòng or Hải Dương: `thuy nguyen`, `kien an`, `yen bai`, `cam giang`, with or without its kind word (a zone of the same name only after `kcn`) | district (a place, ``PlaceReading``) |
/// | a commune or ward of Hải Phòng, today's or an old one, after its kind word: `phường Thành Đông`, `P. Lê Chân`, `xa an hung` | district (a place) |
/// | `gần`, `quanh` or `near` before a place: `gan phuong thanh dong` | near: postings ranked by their distance from it |
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
        /// What was decided where a place's name could mean several (``PlaceReading/note``).
        public var note: String? = nil
        /// The place read, for a `district` or `near` (not part of the answer's JSON: ``value`` names it).
        public var place: PlaceReading? = nil

        public init(field: String, value: String, words: String, preferred: Bool? = nil, note: String? = nil, place: PlaceReading? = nil) {
            self.field = field
            self.value = value
            self.words = words
            self.preferred = preferred
            self.note = note
            self.place = place
        }

        private enum CodingKeys: String, CodingKey { case field, value, words, preferred, note }
    }

    private enum Meaning: Sendable, Hashable {
        case zone(String), place(PlaceReading), education(EducationLevel), audience(CandidateCategory)
    }

    private var phrases: [[Substring]: Meaning] = [:]
    /// Each zone's reading (where it is), for `gần KCN Đình Vũ`.
    private var zoneReadings: [String: PlaceReading] = [:]
    private var zoneOnly: [[Substring]: Meaning] = [:]
    private var longest = 1
    private static let zoneWords: [[Substring]] = [["kcn"], ["kkt"], ["khu", "cong", "nghiep"], ["khu", "kinh", "te"]]
    private static let needZoneWord: Set<[Substring]> = [["hang", "hai"], ["nhat", "ban"], ["nhat", "ban", "hai", "phong"]]
    /// Words that ask for what is near a place rather than in it.
    private static let nearWords: [[Substring]] = [["o", "gan"], ["gan"], ["quanh"], ["near"]]

    public init(places: PlaceDirectory) {
        let analyzer = VietnameseAnalyzer()
        func words(_ text: String) -> [Substring] {
            analyzer.foldedText(text).split(separator: " ").filter { !["-", "–"].contains($0) }
        }
        for zone in places.zones {
            zoneReadings[zone.name] = places.reading(of: zone)
            for name in zone.names {
                var folded = words(name)
                for zoneWord in Self.zoneWords where folded.starts(with: zoneWord) { folded.removeFirst(zoneWord.count) }
                guard !folded.isEmpty else { continue }
                zoneOnly[folded] = .zone(zone.name)
                if phrases[folded] == nil && !Self.needZoneWord.contains(folded) { phrases[folded] = .zone(zone.name) }
                longest = max(longest, folded.count)
            }
        }
        // A place wins over a zone of the same name typed without `kcn`.
        for (text, reading) in places.searchedPlaceNames() {
            let folded = words(text)
            guard !folded.isEmpty else { continue }
            phrases[folded] = .place(reading)
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
        // At `start`: a zone word (`kcn X` names the zone X, even where X alone would be a district), then the longest phrase.
        func phrase(at start: Int) -> (zoneWordLength: Int, length: Int, meaning: Meaning)? {
            var zoneWordLength = 0
            for zoneWord in Self.zoneWords where start + zoneWord.count <= spans.count
                && spans[start..<(start + zoneWord.count)].map(\.folded).elementsEqual(zoneWord) {
                zoneWordLength = zoneWord.count
            }
            let first = start + zoneWordLength
            for length in stride(from: min(longest, spans.count - first), through: 1, by: -1) where length > 0 {
                let key = Array(spans[first..<(first + length)].map(\.folded))
                if zoneWordLength > 0, let meaning = zoneOnly[key] { return (zoneWordLength, length, meaning) }
                if zoneWordLength == 0, let meaning = phrases[key] { return (0, length, meaning) }
            }
            return nil
        }
        var index = 0
        while index < spans.count {
            // `gần X`: what is near the place or zone X.
            var nearLength = 0
            for nearWord in Self.nearWords where index + nearWord.count < spans.count
                && spans[index..<(index + nearWord.count)].map(\.folded).elementsEqual(nearWord) {
                if let found = phrase(at: index + nearWord.count) {
                    switch found.meaning {
                    case .place, .zone: nearLength = nearWord.count
                    default: break
                    }
                }
                break
            }
            guard let found = phrase(at: index + nearLength) else { index += 1; continue }
            var (field, value, place): (String, String, PlaceReading?)
            switch found.meaning {
            case .zone(let name): (field, value, place) = ("zone", name, zoneReadings[name])
            case .place(let reading): (field, value, place) = ("district", reading.description, reading)
            case .education(let level): (field, value, place) = ("education", level.rawValue, nil)
            case .audience(let category): (field, value, place) = ("audience", category.rawValue, nil)
            }
            if nearLength > 0 {
                field = "near"
                value = place?.description ?? value
            }
            let end = index + nearLength + found.zoneWordLength + found.length
            if fields.insert(["district", "near"].contains(field) ? "zone" : field).inserted {  // else: not wanted, or already understood
                let range = spans[index].range.lowerBound..<spans[end - 1].range.upperBound
                understood.append(Understood(field: field, value: value, words: String(decoding: bytes[range], as: UTF8.self),
                                             note: place?.note, place: place))
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
