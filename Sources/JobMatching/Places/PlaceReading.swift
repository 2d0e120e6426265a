/// What a place written in a record or a search was read as: a zone, a unit of today's map,
/// or a unit of the old map (with today's unit or province it is part of), and where it is.
///
/// ``PlaceDirectory/read(_:)`` makes one; ``description`` shows it by today's name, with the old
/// one where it helps (`Xã An Quang (trước: xã Quốc Tuấn, huyện An Lão)`).
public struct PlaceReading: Sendable, Hashable, Codable {
    /// How precise the reading is, most precise first.
    public enum Level: String, Sendable, Hashable, Codable {
        /// An industrial park or economic zone of `Corpus/places.tsv`.
        case zone
        /// A commune, ward or special zone of today's map.
        case unit
        /// A commune, ward or township of the map before 1 July 2025.
        case oldCommune = "old_commune"
        /// A district of the map before 1 July 2025.
        case oldDistrict = "old_district"
        /// A province of today's map.
        case province
        /// A province of the map before 1 July 2025 (`Yên Bái`, now part of Lào Cai).
        case oldProvince = "old_province"
    }

    public var level: Level
    /// The code of the unit or province in its table (`Corpus/map/`); `nil` for a zone.
    public var code: Int?
    /// Today's name: `Xã An Quang`, `huyện An Lão (cũ)`, `Lào Cai`, `KCN Đại An`.
    public var name: String
    /// The old unit written, or for a unit of today the old district it was part of: `huyện An Lão`.
    public var former: String?
    /// Today's province (its code in `provinces.tsv`), when known.
    public var provinceCode: Int?
    /// Today's province by name, when it is not Hải Phòng: `Lào Cai`.
    public var provinceName: String?
    public var point: GeoPoint
    /// What was decided where the text could mean several places:
    /// `“An Lão”: cũng có ở Gia Lai; đã hiểu là ở Hải Phòng`.
    public var note: String?

    private enum CodingKeys: String, CodingKey {
        case level, code, name, former, provinceCode = "province_code", provinceName = "province", point, note
    }

    public init(level: Level, code: Int?, name: String, former: String? = nil, provinceCode: Int?, provinceName: String? = nil,
                point: GeoPoint, note: String? = nil) {
        self.level = level
        self.code = code
        self.name = name
        self.former = former
        self.provinceCode = provinceCode
        self.provinceName = provinceName
        self.point = point
        self.note = note
    }

    /// Today's name, the province when it is not Hải Phòng, and the old name where it helps:
    /// `Xã An Hưng (trước: huyện An Lão)`, `Lào Cai (trước: tỉnh Yên Bái)`.
    public var description: String {
        var text = name
        if let provinceName, provinceName != name, level != .province, level != .oldProvince { text += ", \(provinceName)" }
        if let former { text += " (trước: \(former))" }
        return text
    }

    /// What of a home address may leave the candidate's own record: the commune (or district, or
    /// province) and today's province; never the street. `Xã An Quang, Hải Phòng`; an old commune by its
    /// own name and district (`xã Quốc Tuấn, huyện An Lão, Hải Phòng`), which read back to the same point.
    public var publicText: String {
        switch level {
        case .province, .oldProvince, .zone: return name
        case .oldCommune: return "\(former ?? name), \(provinceName ?? "Hải Phòng")"
        default: return "\(name), \(provinceName ?? "Hải Phòng")"
        }
    }
}
