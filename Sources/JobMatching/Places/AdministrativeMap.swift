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
        func table(_ name: String) throws -> TabSeparatedRows {
            try TabSeparatedRows(path: (directory as NSString).appendingPathComponent(name), file: name)
        }
        let analyzer = VietnameseAnalyzer()
        var folded: [UInt8] = []
        folded.reserveCapacity(64)
        /// The folded key of a name, through one buffer (this runs 14,000 times at every start).
        func key(_ name: String) -> String {
            folded.removeAll(keepingCapacity: true)
            analyzer.forEachToken(in: name) { _, _, token in
                if !folded.isEmpty { folded.append(UInt8(ascii: " ")) }
                folded.append(contentsOf: token)
            }
            return String(decoding: folded, as: UTF8.self)
        }
        var digest = FNV1a()
        for (file, old) in [("provinces.tsv", false), ("old-provinces.tsv", true)] {
            let rows = try table(file)
            digest.add(rows.bytes)
            try rows.forEach(columns: 6) { row in
                // provinces: code, type, name, latitude, longitude, former; old: code, type, name, new_province_code, latitude, longitude
                let code = try rows.int(row, 0, "code")
                guard let location = try old ? rows.point(row, latitude: 4, longitude: 5) : rows.point(row, latitude: 3, longitude: 4) else {
                    throw rows.problem(row.line, "latitude", "a province needs its point")
                }
                let province = Province(code: code, kind: try rows.kind(row, 1), name: rows.text(row.cells[2]), point: location,
                                        provinceCode: old ? try rows.int(row, 3, "new_province_code") : code)
                if old {
                    oldProvinces[code] = province
                    oldProvinceNames[key(province.name), default: []].append(code)
                } else {
                    provinces[code] = province
                    provinceNames[key(province.name), default: []].append(code)
                }
            }
        }
        for province in oldProvinces.values where provinces[province.provinceCode] == nil {
            throw LoadFailure(problems: [.init(file: "old-provinces.tsv", line: 0, field: "new_province_code",
                                               message: "no province \(province.provinceCode) for \(province.name)")], count: 1)
        }
        let unitRows = try table("units.tsv")
        digest.add(unitRows.bytes)
        units.reserveCapacity(3_400)
        try unitRows.forEach(columns: 6) { row in
            // code, province_code, type, name, latitude, longitude
            let unit = Unit(code: try unitRows.int(row, 0, "code"), parentCode: try unitRows.int(row, 1, "province_code"),
                            kind: try unitRows.kind(row, 2), name: unitRows.text(row.cells[3]),
                            point: try unitRows.point(row, latitude: 4, longitude: 5))
            guard provinces[unit.parentCode] != nil else { throw unitRows.problem(row.line, "province_code", "no province \(unit.parentCode)") }
            units[unit.code] = unit
            unitNames[key(unit.name), default: []].append(unit.code)
        }
        let districtRows = try table("old-districts.tsv")
        digest.add(districtRows.bytes)
        try districtRows.forEach(columns: 6) { row in
            // code, old_province_code, type, name, latitude, longitude
            let unit = Unit(code: try districtRows.int(row, 0, "code"), parentCode: try districtRows.int(row, 1, "old_province_code"),
                            kind: try districtRows.kind(row, 2), name: districtRows.text(row.cells[3]),
                            point: try districtRows.point(row, latitude: 4, longitude: 5))
            guard oldProvinces[unit.parentCode] != nil else {
                throw districtRows.problem(row.line, "old_province_code", "no old province \(unit.parentCode)")
            }
            oldDistricts[unit.code] = unit
            oldDistrictNames[key(unit.name), default: []].append(unit.code)
        }
        let communeRows = try table("old-communes.tsv")
        digest.add(communeRows.bytes)
        oldCommunes.reserveCapacity(10_100)
        oldCommuneNames.reserveCapacity(8_000)
        unitNames.reserveCapacity(3_000)
        formerDistricts.reserveCapacity(3_400)
        try communeRows.forEach(columns: 7) { row in
            // code, old_district_code, type, name, new_unit_codes, latitude, longitude
            var unit = Unit(code: try communeRows.int(row, 0, "code"), parentCode: try communeRows.int(row, 1, "old_district_code"),
                            kind: try communeRows.kind(row, 2), name: communeRows.text(row.cells[3]),
                            point: try communeRows.point(row, latitude: 5, longitude: 6))
            unit.unitCodes = try communeRows.ints(row, 4, "new_unit_codes")
            guard oldDistricts[unit.parentCode] != nil else {
                throw communeRows.problem(row.line, "old_district_code", "no old district \(unit.parentCode)")
            }
            for code in unit.unitCodes where units[code] == nil {
                throw communeRows.problem(row.line, "new_unit_codes", "no unit \(code) in units.tsv")
            }
            oldCommunes[unit.code] = unit
            oldCommuneNames[key(unit.name), default: []].append(unit.code)
            for code in unit.unitCodes {
                formerDistricts[code, default: [:]][unit.parentCode, default: 0] += 1
                if !(unitsOfOldDistrict[unit.parentCode] ?? []).contains(code) { unitsOfOldDistrict[unit.parentCode, default: []].append(code) }
            }
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

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
}
