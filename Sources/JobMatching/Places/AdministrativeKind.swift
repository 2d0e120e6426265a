import VietnameseText

/// The kind of an administrative unit, old or new, as its name is written before it
/// (`phường`, `xã`, `huyện`…), and the short forms people type (`P.`, `X.`, `H.`, `TP`, `TT`).
///
/// Since 1 July 2025 (Resolution 202/2025/QH15) a province (`tỉnh`, or a centrally run
/// `thành phố`) has communes, wards and special zones; the districts (`quận`, `huyện`, `thị xã`,
/// and district-level cities) and townships (`thị trấn`) belong to the old map only.
public enum AdministrativeKind: String, Sendable, Hashable, CaseIterable {
    case province = "tỉnh"
    /// A city: centrally run (a province) or, on the old map, a district-level one (`TP Hải Dương`).
    case city = "thành phố"
    case urbanDistrict = "quận"
    case ruralDistrict = "huyện"
    case town = "thị xã"
    case ward = "phường"
    case commune = "xã"
    case township = "thị trấn"
    case specialZone = "đặc khu"

    /// The kind written as `text` in a table (`phường`, `Thành phố`), or `nil`.
    public init?(tableName text: String) {
        if let kind = AdministrativeKind(rawValue: text) {
            self = kind
            return
        }
        let canonical = VietnameseAnalyzer().canonicalText(text)
        guard let kind = AdministrativeKind.allCases.first(where: { $0.rawValue == canonical }) else { return nil }
        self = kind
    }

    /// `Phường`, `Xã`, `Thành phố`: the word as it begins a name.
    public var capitalized: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Whether a unit of this kind is of the commune level (old or new).
    public var isCommuneLevel: Bool { [.ward, .commune, .township, .specialZone].contains(self) }

    /// Whether a unit of this kind is a district of the old map (a city may be one too).
    public var isDistrictLevel: Bool { [.urbanDistrict, .ruralDistrict, .town, .city].contains(self) }

    /// The words that announce a kind in typed text, folded, longest first.
    static let typedWords: [(words: [Substring], kind: AdministrativeKind)] = [
        (["thanh", "pho"], .city), (["tp"], .city), (["tinh"], .province),
        (["thi", "xa"], .town), (["tx"], .town), (["quan"], .urbanDistrict), (["q"], .urbanDistrict),
        (["huyen"], .ruralDistrict), (["h"], .ruralDistrict),
        (["thi", "tran"], .township), (["tt"], .township), (["phuong"], .ward), (["p"], .ward),
        (["dac", "khu"], .specialZone), (["xa"], .commune), (["x"], .commune),
    ]
}
