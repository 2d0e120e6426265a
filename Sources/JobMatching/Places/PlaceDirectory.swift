import Foundation
import VietnameseText
import JobRecords

/// Where a posting's workplace and a candidate's home are, however they were written, to tell
/// how far one is from the other.
///
/// Two tables: the zones of Hải Phòng (industrial parks and economic zones, those of the former
/// Hải Dương included), reviewed by hand in `Corpus/places.tsv` (`zone, name, latitude, longitude,
/// aliases` separated by `|`), and Vietnam's administrative units old and new (``AdministrativeMap``,
/// generated into `Corpus/map/`). ``read(_:)`` reads a place as people write it (``PlaceReading``).
public struct PlaceDirectory: Sendable {
    /// A zone of `Corpus/places.tsv`.
    public struct Zone: Sendable, Hashable {
        public var name: String
        public var point: GeoPoint
        /// The name and its aliases as the table writes them.
        public var names: [String]
        /// Today's unit of Hải Phòng the zone is taken to lie in: the one whose centre is nearest.
        public var unitCode: Int?
    }

    public private(set) var zones: [Zone] = []
    /// Folded names and aliases of zones without their zone words (`kcn`, `khu cong nghiep`…) → index in ``zones``.
    private(set) var zoneKeys: [String: Int] = [:]
    /// Names and aliases exactly as the table writes them → index in ``zones``: most records write a zone so,
    /// and a search ranks hundreds of them by place.
    private var zoneNames: [String: Int] = [:]
    public let map: AdministrativeMap
    /// The longest name of either table, in words.
    private(set) var longestName = 1
    /// The places read lately, by their text.
    let cache = ReadingCache()

    /// - Parameters:
    ///   - tsv: `Corpus/places.tsv`'s text.
    ///   - map: the administrative units (empty: only zones are known).
    /// - Throws: ``LoadFailure`` naming the file and line of a bad row.
    public init(tsv: String, file: String = "places.tsv", map: AdministrativeMap = AdministrativeMap()) throws {
        self.map = map
        for (number, line) in TableText.lines(tsv).enumerated() {
            let trimmed = TableText.trimmed(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = TableText.cells(line)
            guard columns.count >= 4, let latitude = Double(columns[2]), let longitude = Double(columns[3]) else {
                throw LoadFailure(problems: [.init(file: file, line: number + 1, field: nil, message: "expected kind, name, latitude, longitude[, aliases] separated by tabs")], count: 1)
            }
            guard columns[0] == "zone" else {
                throw LoadFailure(problems: [.init(file: file, line: number + 1, field: "kind",
                                                   message: "'\(columns[0])' is not a zone (communes, districts and provinces are in map/)")], count: 1)
            }
            let names = [columns[1]] + (columns.count > 4 ? columns[4].split(separator: "|").map(String.init) : [])
            zones.append(Zone(name: columns[1], point: GeoPoint(latitude: latitude, longitude: longitude), names: names))
            for name in names {
                if zoneNames[name] == nil { zoneNames[name] = zones.count - 1 }
                let key = Self.zoneKey(name)
                guard !key.isEmpty else { continue }
                if zoneKeys[key] == nil { zoneKeys[key] = zones.count - 1 }
                longestName = max(longestName, key.split(separator: " ").count)
            }
        }
        for index in zones.indices { zones[index].unitCode = nearestUnit(to: zones[index].point)?.code }
        for key in [map.provinceNames.keys, map.oldProvinceNames.keys, map.unitNames.keys, map.oldDistrictNames.keys, map.oldCommuneNames.keys]
            .joined() {
            longestName = max(longestName, 1 + key.utf8.count { $0 == UInt8(ascii: " ") })
        }
    }

    /// The zone named `name` (with or without `KCN`, accents or case), if the table has it.
    public func zone(named name: String?) -> Zone? {
        guard let name else { return nil }
        if let index = zoneNames[name] { return zones[index] }
        return zoneKeys[Self.zoneKey(name)].map { zones[$0] }
    }

    /// A place's name as it is shown: today's, with the old one where it helps
    /// (``PlaceReading/description``); `name` trimmed when it cannot be read; `nil` for no name.
    public func canonicalName(_ name: String?) -> String? {
        guard let name else { return nil }
        return read(name)?.description ?? name.trimmingCharacters(in: .whitespaces)
    }

    /// Kilometres as the crow flies between two places as written, when both can be read.
    public func distance(from a: String?, to b: String?) -> Double? {
        guard let first = read(a), let second = read(b) else { return nil }
        return first.point.kilometres(to: second.point)
    }

    /// Where a posting's workplace is: its zone, else its district, else its address.
    public func workplace(zone: String?, district: String?, address: String?) -> PlaceReading? {
        if let zone, let found = self.zone(named: zone) { return reading(of: found) }
        return [zone, district, address].lazy.compactMap { read($0) }.first
    }

    /// Where a candidate lives: the more precise of their district and their address.
    public func home(district: String?, address: String?) -> PlaceReading? {
        let readings = [address, district].compactMap { read($0) }
        return readings.min { Self.precision($0.level) < Self.precision($1.level) }
    }

    static func precision(_ level: PlaceReading.Level) -> Int {
        switch level {
        case .zone: 0
        case .oldCommune, .unit: 1
        case .oldDistrict: 2
        case .province, .oldProvince: 3
        }
    }

    func reading(of zone: Zone) -> PlaceReading {
        PlaceReading(level: .zone, code: nil, name: zone.name, provinceCode: map.homeProvinceCode, point: zone.point)
    }

    /// The zone words that may begin a zone's name, folded.
    static let zoneWords: [[Substring]] = [["khu", "cong", "nghiep"], ["khu", "kinh", "te"], ["cum", "cong", "nghiep"],
                                           ["kcn"], ["kkt"], ["ccn"]]

    /// A zone's key: folded, without its leading zone word (`KCN Tràng Duệ` → `trang due`), dashes dropped.
    static func zoneKey(_ name: String) -> String {
        var words = VietnameseAnalyzer().foldedText(name).split(separator: " ")
        for zoneWord in zoneWords where words.starts(with: zoneWord) && words.count > zoneWord.count {
            words.removeFirst(zoneWord.count)
            break
        }
        return words.joined(separator: " ")
    }
}

extension PlaceDirectory {
    /// A digest of both tables: an index built with other places is rebuilt.
    public var fingerprint: String {
        var digest = FNV1a()
        for zone in zones { digest.add("\(zone.name)\t\(zone.point.latitude),\(zone.point.longitude)\t\(zone.names.joined(separator: "|"))\n".utf8) }
        return String(digest.value, radix: 16) + "." + map.fingerprint
    }

    /// The keys of the index's keyword `place` for a reading, from the largest unit to the smallest:
    /// `p31` today's province, `op30` the old province, `d288` an old district, `u11311` a unit of today.
    /// A zone and a unit of today also carry the old districts they lie in, so that a
    /// filter on an old district finds postings written either way.
    ///
    /// A zone is taken to lie in today's unit whose centre is nearest to it.
    public func placeKeys(_ reading: PlaceReading) -> [String] {
        var keys: [String] = []
        if let province = reading.provinceCode { keys.append("p\(province)") }
        func districtKeys(_ districts: [AdministrativeMap.Unit]) {
            for district in districts {
                keys.append("d\(district.code)")
                keys.append("op\(district.parentCode)")
            }
        }
        switch reading.level {
        case .zone:
            if let unit = zone(named: reading.name)?.unitCode {
                keys.append("u\(unit)")
                districtKeys(map.formerDistricts(ofUnit: unit))
            }
        case .unit:
            keys.append("u\(reading.code!)")
            districtKeys(map.formerDistricts(ofUnit: reading.code!))
        case .oldCommune:
            if let commune = map.oldCommunes[reading.code!] {
                keys += commune.unitCodes.map { "u\($0)" }
                if let district = map.oldDistricts[commune.parentCode] { districtKeys([district]) }
            }
        case .oldDistrict:
            if let district = map.oldDistricts[reading.code!] { districtKeys([district]) }
        case .province:
            break
        case .oldProvince:
            keys.append("op\(reading.code!)")
        }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// The one key of ``placeKeys(_:)`` that names the reading itself (`u…` for a unit or the first unit an
    /// old commune went into, `d…` an old district, `p…` or `op…` a province); `nil` for a zone.
    public func ownKey(_ reading: PlaceReading) -> String? {
        guard let code = reading.code else { return nil }
        switch reading.level {
        case .zone: return nil
        case .unit: return "u\(code)"
        case .oldCommune: return map.oldCommunes[code]?.unitCodes.first.map { "u\($0)" }
        case .oldDistrict: return "d\(code)"
        case .province: return "p\(code)"
        case .oldProvince: return "op\(code)"
        }
    }

    /// Today's unit of Hải Phòng whose centre is nearest `point` (within 15 km), if any.
    ///
    /// - Complexity: O(*u*) for the *u* units of the city (114).
    public func nearestUnit(to point: GeoPoint) -> AdministrativeMap.Unit? {
        var best: (unit: AdministrativeMap.Unit, km: Double)?
        for code in map.unitsOfHomeProvince {
            guard let unit = map.units[code], let centre = unit.point else { continue }
            let km = centre.kilometres(to: point)
            if km < best?.km ?? 15 { best = (unit, km) }
        }
        return best?.unit
    }
}

extension PlaceDirectory {
    /// The place names a search understands (``QueryUnderstanding``), as they may be typed, each with its reading:
    /// - provinces, old and new, alone or after `tỉnh`, `thành phố`, `TP`;
    /// - the old districts of Hải Phòng and of the former Hải Dương, alone or after their kind word;
    /// - today's units of Hải Phòng and their old communes, only after their kind word (`phường Thành Đông`,
    ///   `xã Quốc Tuấn`): many are also common words.
    ///
    /// - Complexity: O(*n*) readings for the *n* (about 1,000) names.
    public func searchedPlaceNames() -> [(text: String, reading: PlaceReading)] {
        var names: [(String, PlaceReading)] = []
        func add(_ typed: [String], _ reading: PlaceReading?) {
            guard let reading else { return }
            for form in typed { names.append((form, reading)) }
        }
        var provinceNames = Set<String>()
        for province in map.provinces.values.sorted(by: { $0.code < $1.code }) {
            let forms = province.kind == .city ? ["thành phố \(province.name)", "TP \(province.name)"] : ["tỉnh \(province.name)"]
            // A name that was an old province too reads as the old one (its own centre), as ``read(_:)`` does.
            let old = map.oldProvinceNames[AdministrativeMap.key(province.name)]?.first
            add([province.name] + forms, old.flatMap { reading(ofOldProvince: $0) } ?? reading(ofProvince: province.code))
            provinceNames.insert(AdministrativeMap.key(province.name))
        }
        for province in map.oldProvinces.values.sorted(by: { $0.code < $1.code }) where !provinceNames.contains(AdministrativeMap.key(province.name)) {
            let forms = province.kind == .city ? ["thành phố \(province.name)", "TP \(province.name)"] : ["tỉnh \(province.name)"]
            add([province.name] + forms, reading(ofOldProvince: province.code))
            provinceNames.insert(AdministrativeMap.key(province.name))
        }
        let home = map.homeProvinceCode
        let homeDistricts = map.oldDistricts.values.filter { map.oldProvinces[$0.parentCode]?.provinceCode == home }.sorted { $0.code < $1.code }
        for district in homeDistricts {
            var forms = [district.writtenName]
            if district.kind == .city { forms.append("TP \(district.name)") }
            if district.kind == .town { forms.append("TX \(district.name)") }
            if !provinceNames.contains(AdministrativeMap.key(district.name)) { forms.append(district.name) }
            add(forms, reading(ofOldDistrict: district))
        }
        var unitNames = Set<String>()
        for code in map.unitsOfHomeProvince {
            guard let unit = map.units[code] else { continue }
            add([unit.writtenName], reading(ofUnit: unit))
            unitNames.insert(AdministrativeMap.key(unit.writtenName))
        }
        let districtCodes = Set(homeDistricts.map(\.code))
        let communes = map.oldCommunes.values.filter { districtCodes.contains($0.parentCode) }.sorted { $0.code < $1.code }
        let namesakes = Dictionary(grouping: communes, by: { AdministrativeMap.key($0.writtenName) })
        for commune in communes where !unitNames.contains(AdministrativeMap.key(commune.writtenName)) {  // today's unit of that name first
            var forms = [commune.writtenName]
            if commune.kind == .township { forms.append("TT \(commune.name)") }
            // The city had several of that name: read as any text is (Hải Phòng's old city first, with a note).
            let alone = namesakes[AdministrativeMap.key(commune.writtenName)]!.count == 1
            add(forms, alone ? reading(ofOldCommune: commune) : read(commune.writtenName))
        }
        return names
    }
}

extension PlaceDirectory {
    /// Where a candidate lives, as shown outside their own record: today's unit (and the old one where it
    /// helps), read from their district or address, never the street; the district as written when
    /// neither can be read.
    public func homeName(of profile: CandidateProfile) -> String? {
        home(district: profile.district, address: profile.address)?.description ?? profile.district?.trimmingCharacters(in: .whitespaces)
    }

    /// Where a posting's workplace is, as shown: its zone, or today's name of its district or address.
    public func workplaceName(of posting: JobPosting) -> String? {
        workplace(zone: posting.zone, district: posting.district, address: posting.address)?.description ?? posting.zone ?? posting.district
    }
}
