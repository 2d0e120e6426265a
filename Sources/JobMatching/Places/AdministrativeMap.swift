import Foundation
import JobRecords
import VietnameseText

/// Vietnam's administrative units, today's and the old map's, with where they are.
///
/// Read from the generated tables of `Corpus/map/` (`scripts/generate-admin-units`: their
/// sources, versions and licences are in each file's header and in `Corpus/README.md`):
///
/// | table | rows | what |
/// |---|---|---|
/// | `provinces.tsv` | 34 | today's provinces and centrally run cities, their centres |
/// | `units.tsv` | 3,321 | today's communes, wards and special zones |
/// | `old-provinces.tsv` | 63 | the provinces before 1 July 2025, each with today's province |
/// | `old-districts.tsv` | ~700 | the districts before 1 July 2025 |
/// | `old-communes.tsv` | ~10,000 | the communes, wards and townships before 1 July 2025, each with the units it went into |
///
/// Names are looked up folded and without their kind word, so `Thuỷ Nguyên`, `thuy nguyen`
/// and `THỦY NGUYÊN` are one key; ``PlaceReader`` turns typed text into a unit.
public struct AdministrativeMap: Sendable {
    /// A province of today's map (or, in ``oldProvinces``, of the map before 2025).
    public struct Province: Sendable, Hashable {
        public var code: Int
        public var kind: AdministrativeKind
        public var name: String
        public var point: GeoPoint
        /// Today's province of an old one; itself for today's.
        public var provinceCode: Int
    }

    /// A commune, ward, special zone, township or district, old or new.
    public struct Unit: Sendable, Hashable {
        public var code: Int
        /// The province (today's, or the old one for an old unit) or, for an old commune, the old district.
        public var parentCode: Int
        public var kind: AdministrativeKind
        public var name: String
        public var point: GeoPoint?
        /// An old commune's units of today (several when it was split).
        public var unitCodes: [Int] = []

        /// `Phường Lê Chân`.
        public var fullName: String { "\(kind.capitalized) \(name)" }
        /// `phường Lê Chân`, as it reads inside a sentence.
        public var writtenName: String { "\(kind.rawValue) \(name)" }
    }

    public private(set) var provinces: [Int: Province] = [:]
    public private(set) var oldProvinces: [Int: Province] = [:]
    /// Today's communes, wards and special zones.
    public private(set) var units: [Int: Unit] = [:]
    public private(set) var oldDistricts: [Int: Unit] = [:]
    public private(set) var oldCommunes: [Int: Unit] = [:]

    /// Folded names (without kind words) to codes, one dictionary a table.
    private(set) var provinceNames: [String: [Int]] = [:]
    private(set) var oldProvinceNames: [String: [Int]] = [:]
    private(set) var unitNames: [String: [Int]] = [:]
    private(set) var oldDistrictNames: [String: [Int]] = [:]
    private(set) var oldCommuneNames: [String: [Int]] = [:]
    /// The old districts each unit of today was made from (through its old communes), with how many communes each gave.
    private(set) var formerDistricts: [Int: [Int: Int]] = [:]
    /// Today's units each old district went into.
    private(set) var unitsOfOldDistrict: [Int: [Int]] = [:]

    /// Today's Hải Phòng, the city HezaMatch serves: a name found in several provinces is read as its unit first.
    public private(set) var homeProvinceCode: Int?
    /// The old city of Hải Phòng (before Hải Dương joined it): its units come first among namesakes of today's city.
    public private(set) var homeOldProvinceCode: Int?
    /// The codes of today's units of Hải Phòng, in order.
    public private(set) var unitsOfHomeProvince: [Int] = []

    /// A short digest of the tables: an index built from another map is rebuilt.
    public private(set) var fingerprint = "none"

    public init() {}

    /// The five tables of `directory` (see the type's documentation).
    ///
    /// - Throws: ``LoadFailure`` naming the file, the line and the column of the first bad row.
    /// - Complexity: O(*n*) in the tables' rows (about 15,000: a few milliseconds).
    public init(directory: String) throws {
        func rows(_ name: String, columns: Int) throws -> [(line: Int, cells: [Substring])] {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw LoadFailure(problems: [.init(file: path, line: 0, field: nil, message: "cannot be read as UTF-8")], count: 1)
            }
            var rows: [(Int, [Substring])] = []
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard cells.count >= columns else {
                    throw LoadFailure(problems: [.init(file: name, line: number + 1, field: nil,
                                                       message: "expected \(columns) columns separated by tabs, found \(cells.count)")], count: 1)
                }
                rows.append((number + 1, cells))
            }
            return rows
        }
        func problem(_ file: String, _ line: Int, _ field: String, _ message: String) -> LoadFailure {
            LoadFailure(problems: [.init(file: file, line: line, field: field, message: message)], count: 1)
        }
        func int(_ cell: Substring, _ file: String, _ line: Int, _ field: String) throws -> Int {
            guard let value = Int(cell) else { throw problem(file, line, field, "'\(cell)' is not a whole number") }
            return value
        }
        func kind(_ cell: Substring, _ file: String, _ line: Int) throws -> AdministrativeKind {
            guard let kind = AdministrativeKind(tableName: String(cell)) else { throw problem(file, line, "type", "unknown kind '\(cell)'") }
            return kind
        }
        func point(_ latitude: Substring, _ longitude: Substring, _ file: String, _ line: Int) throws -> GeoPoint? {
            if latitude.isEmpty && longitude.isEmpty { return nil }
            guard let lat = Double(latitude), let lon = Double(longitude), (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw problem(file, line, "latitude", "'\(latitude)', '\(longitude)' is not a point")
            }
            return GeoPoint(latitude: lat, longitude: lon)
        }
        var digest = FNV1a()
        for (file, columns) in [("provinces.tsv", 6), ("old-provinces.tsv", 6)] {
            for (line, cells) in try rows(file, columns: columns) {
                // provinces: code, type, name, latitude, longitude, former; old: code, type, name, new_province_code, latitude, longitude
                let old = file == "old-provinces.tsv"
                let code = try int(cells[0], file, line, "code")
                guard let location = try old ? point(cells[4], cells[5], file, line) : point(cells[3], cells[4], file, line) else {
                    throw problem(file, line, "latitude", "a province needs its point")
                }
                let province = Province(code: code, kind: try kind(cells[1], file, line), name: String(cells[2]), point: location,
                                        provinceCode: old ? try int(cells[3], file, line, "new_province_code") : code)
                digest.add(cells)
                if old {
                    oldProvinces[code] = province
                    oldProvinceNames[Self.key(province.name), default: []].append(code)
                } else {
                    provinces[code] = province
                    provinceNames[Self.key(province.name), default: []].append(code)
                }
            }
        }
        for (line, cells) in try rows("units.tsv", columns: 6) {
            // code, province_code, type, name, latitude, longitude
            let unit = Unit(code: try int(cells[0], "units.tsv", line, "code"), parentCode: try int(cells[1], "units.tsv", line, "province_code"),
                            kind: try kind(cells[2], "units.tsv", line), name: String(cells[3]),
                            point: try point(cells[4], cells[5], "units.tsv", line))
            guard provinces[unit.parentCode] != nil else { throw problem("units.tsv", line, "province_code", "no province \(unit.parentCode)") }
            units[unit.code] = unit
            unitNames[Self.key(unit.name), default: []].append(unit.code)
            digest.add(cells)
        }
        for (line, cells) in try rows("old-districts.tsv", columns: 6) {
            // code, old_province_code, type, name, latitude, longitude
            let unit = Unit(code: try int(cells[0], "old-districts.tsv", line, "code"),
                            parentCode: try int(cells[1], "old-districts.tsv", line, "old_province_code"),
                            kind: try kind(cells[2], "old-districts.tsv", line), name: String(cells[3]),
                            point: try point(cells[4], cells[5], "old-districts.tsv", line))
            guard oldProvinces[unit.parentCode] != nil else {
                throw problem("old-districts.tsv", line, "old_province_code", "no old province \(unit.parentCode)")
            }
            oldDistricts[unit.code] = unit
            oldDistrictNames[Self.key(unit.name), default: []].append(unit.code)
            digest.add(cells)
        }
        for (line, cells) in try rows("old-communes.tsv", columns: 7) {
            // code, old_district_code, type, name, new_unit_codes, latitude, longitude
            var unit = Unit(code: try int(cells[0], "old-communes.tsv", line, "code"),
                            parentCode: try int(cells[1], "old-communes.tsv", line, "old_district_code"),
                            kind: try kind(cells[2], "old-communes.tsv", line), name: String(cells[3]),
                            point: try point(cells[5], cells[6], "old-communes.tsv", line))
            unit.unitCodes = try cells[4].split(separator: "|").map { try int($0, "old-communes.tsv", line, "new_unit_codes") }
            guard oldDistricts[unit.parentCode] != nil else {
                throw problem("old-communes.tsv", line, "old_district_code", "no old district \(unit.parentCode)")
            }
            for code in unit.unitCodes where units[code] == nil {
                throw problem("old-communes.tsv", line, "new_unit_codes", "no unit \(code) in units.tsv")
            }
            oldCommunes[unit.code] = unit
            oldCommuneNames[Self.key(unit.name), default: []].append(unit.code)
            for code in unit.unitCodes {
                formerDistricts[code, default: [:]][unit.parentCode, default: 0] += 1
                if !(unitsOfOldDistrict[unit.parentCode] ?? []).contains(code) { unitsOfOldDistrict[unit.parentCode, default: []].append(code) }
            }
            digest.add(cells)
        }
        homeProvinceCode = provinceNames[Self.key("Hải Phòng")]?.first
        homeOldProvinceCode = oldProvinceNames[Self.key("Hải Phòng")]?.first
        unitsOfHomeProvince = units.values.filter { $0.parentCode == homeProvinceCode }.map(\.code).sorted()
        fingerprint = String(digest.value, radix: 16)
    }

    // MARK: Looking up

    /// Today's province an old one is part of.
    public func province(ofOldProvince code: Int) -> Province? { oldProvinces[code].flatMap { provinces[$0.provinceCode] } }

    /// The old province of an old district.
    public func oldProvince(ofOldDistrict code: Int) -> Province? { oldDistricts[code].flatMap { oldProvinces[$0.parentCode] } }

    /// The old districts a unit of today was made from, the one that gave it most communes first.
    public func formerDistricts(ofUnit code: Int) -> [Unit] {
        (formerDistricts[code] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.compactMap { oldDistricts[$0.key] }
    }

    /// The units of today an old district went into, in code order.
    public func units(ofOldDistrict code: Int) -> [Unit] { (unitsOfOldDistrict[code] ?? []).sorted().compactMap { units[$0] } }

    /// The folded key of a name: `Thuỷ Nguyên` → `thuy nguyen`.
    static func key(_ name: String) -> String { VietnameseAnalyzer().foldedText(name) }
}

/// FNV-1a, 64 bits: a stable digest of the tables' cells (Swift's `Hasher` changes every run).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ cells: [Substring]) {
        for cell in cells {
            for byte in cell.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
            value = (value ^ 0x09) &* 0x100_0000_01b3
        }
    }
}
