import VietnameseText

/// Reading a place however it is written.
///
/// | written | read as |
/// |---|---|
/// | `Phường Lê Chân`, `phường Lê Chân, TP. Hải Phòng`, `P. Lê Chân`, `phuong le chan` | the ward of today |
/// | `Quận Lê Chân`, `huyện An Lão`, `TP Hải Dương` (a kind word of the old map) | the old district |
/// | `xã Quốc Tuấn, huyện An Lão` | the old commune, shown as today's unit it went into |
/// | `Yên Bái` | the old province (its own centre), shown as today's Lào Cai |
/// | `Lô C5, KCN Đại An, TP. Hải Phòng` | the zone; a street, a house number, a hamlet are passed over |
/// | a name alone that is a province and a unit (`Hải Dương`, `Hòa Bình`) | the province |
/// | a name alone that is an old district and a unit of Hải Phòng (`An Lão`, `Thủy Nguyên`) | the old district, the wider reading |
/// | a name found in several provinces, none written beside it | Hải Phòng's first; the reading's `note` says so |
///
/// The text is split into parts at commas (and `;`, parentheses, new lines); in each part, a kind
/// word (`phường`, `P.`, `xã`, `huyện`, `TP`, `KCN`…) followed by the longest known name is a
/// mention. A name without a kind word counts only when its words fill their part, or follow a
/// mention that had one (`xã Quốc Tuấn huyện An Lão Hải Phòng`), so a street named after a person
/// (`123 Lê Lợi`) is not taken for the ward of that name. The mentions are then read from the
/// right, the largest unit first, each narrowing where the next is looked for.
extension PlaceDirectory {
    /// One name found in the text.
    struct Mention {
        var kind: AdministrativeKind?
        var isZone = false
        /// The name, folded (the tables' key), with accents (to tell `Cẩm Giang` from `Cẩm Giàng`), and as written.
        var key: String
        var canonical: String
        var written: String
        var part: Int
        var start: Int
        var end: Int
        var typed: Bool { kind != nil || isZone }
    }

    /// What the mentions to the right have settled.
    struct Context {
        var province: Int?
        var oldProvince: Int?
        var oldDistrict: Int?
    }

    /// The place `text` names, or `nil` when it names none that the tables know.
    ///
    /// - Complexity: O(*n* · *L*) dictionary lookups for *n* words and names of at most *L* words.
    public func read(_ text: String?) -> PlaceReading? {
        guard let text, !text.isEmpty else { return nil }
        return cache.reading(of: text, readAnew)
    }

    private func readAnew(_ text: String) -> PlaceReading? {
        let mentions = self.mentions(in: text)
        guard !mentions.isEmpty else { return nil }
        var context = Context()
        var best: PlaceReading?
        for mention in mentions.reversed() {
            if mention.isZone, let index = zoneKeys[mention.key] { return reading(of: zones[index]) }
            guard let reading = interpret(mention, context: &context) else { continue }
            if best == nil || Self.precision(reading.level) <= Self.precision(best!.level) { best = reading }
        }
        return best
    }

    /// The names of `text`, in order, with the kind word each had.
    func mentions(in text: String) -> [Mention] {
        var words: [Substring] = []
        var canonicals: [Substring] = []
        var ranges: [Range<Int>] = []
        var parts: [Int] = []
        var part = 0
        let bytes = Array(text.utf8)
        var previousEnd = 0
        VietnameseAnalyzer().forEachToken(in: text) { span, canonical, folded in
            if bytes[previousEnd..<span.utf8Range.lowerBound].contains(where: { [0x2C, 0x3B, 0x0A, 0x28, 0x29, 0x7C].contains($0) }) {
                part += 1  // , ; newline ( ) |
            }
            previousEnd = span.utf8Range.upperBound
            words.append(Substring(String(decoding: folded, as: UTF8.self)))
            canonicals.append(Substring(String(decoding: canonical, as: UTF8.self)))
            ranges.append(span.utf8Range)
            parts.append(part)
        }
        func partEnd(_ start: Int) -> Int {
            var end = start
            while end < words.count && parts[end] == parts[start] { end += 1 }
            return end
        }
        func kindWord(at index: Int) -> (length: Int, kind: AdministrativeKind?, zone: Bool)? {
            for zoneWord in Self.zoneWords where index + zoneWord.count <= words.count
                && words[index..<(index + zoneWord.count)].elementsEqual(zoneWord) && parts[index + zoneWord.count - 1] == parts[index] {
                return (zoneWord.count, nil, true)
            }
            for (typed, kind) in AdministrativeKind.typedWords where index + typed.count <= words.count
                && words[index..<(index + typed.count)].elementsEqual(typed) && parts[index + typed.count - 1] == parts[index] {
                return (typed.count, kind, false)
            }
            return nil
        }
        func nameLength(at start: Int, zone: Bool, typed: Bool) -> Int? {
            guard start < words.count else { return nil }
            let end = partEnd(start)
            for length in stride(from: min(longestName, end - start), through: 1, by: -1) {
                let key = words[start..<(start + length)].joined(separator: " ")
                if zone ? zoneKeys[key] != nil : isName(key, zones: !typed) { return length }
            }
            return nil
        }
        func mention(_ kind: AdministrativeKind?, zone: Bool, at start: Int, name: Range<Int>) -> Mention {
            Mention(kind: kind, isZone: zone, key: words[name].joined(separator: " "), canonical: canonicals[name].joined(separator: " "),
                    written: String(decoding: bytes[ranges[name.lowerBound].lowerBound..<ranges[name.upperBound - 1].upperBound], as: UTF8.self),
                    part: parts[start], start: start, end: name.upperBound)
        }
        var found: [Mention] = []
        var index = 0
        while index < words.count {
            if let word = kindWord(at: index), let length = nameLength(at: index + word.length, zone: word.zone, typed: true) {
                let start = index + word.length
                found.append(mention(word.kind, zone: word.zone, at: index, name: start..<(start + length)))
                index = start + length
            } else if words[index].first?.isNumber != true, let length = nameLength(at: index, zone: false, typed: false) {
                // A number alone is a house number, never `Quận 12`.
                let key = words[index..<(index + length)].joined(separator: " ")
                found.append(mention(nil, zone: zoneKeys[key] != nil && !map.hasName(key), at: index, name: index..<(index + length)))
                index += length
            } else {
                index += 1
            }
        }
        // A run of adjacent mentions counts when it begins with a kind word or fills its part.
        var kept: [Mention] = []
        var runStart = 0
        while runStart < found.count {
            var runEnd = runStart + 1
            while runEnd < found.count && found[runEnd].part == found[runStart].part && found[runEnd].start == found[runEnd - 1].end { runEnd += 1 }
            let run = found[runStart..<runEnd]
            let first = run.first!, last = run.last!
            let fillsPart = (first.start == 0 || parts[first.start - 1] != first.part) && last.end == partEnd(last.start)
            if first.typed || fillsPart { kept += run }
            runStart = runEnd
        }
        return kept
    }

    /// Whether `key` names a unit of either map (or, with `zones`, a zone).
    private func isName(_ key: String, zones: Bool) -> Bool {
        map.hasName(key) || (zones && zoneKeys[key] != nil)
    }

    /// One mention read in the context of those to its right; the context narrows to it.
    private func interpret(_ mention: Mention, context: inout Context) -> PlaceReading? {
        let key = mention.key
        let name = mention
        switch mention.kind {
        case .province?:
            return province(name, context: &context)
        case .city?:
            // A centrally run city is a province (`TP Hải Phòng`); other cities were districts (`TP Hải Dương`).
            if map.isCentralCity(key), let reading = province(name, context: &context) { return reading }
            if let reading = oldDistrict(name, kind: .city, context: &context) { return reading }
            return province(name, context: &context)
        case let kind? where kind.isDistrictLevel:
            return oldDistrict(name, kind: kind, context: &context)
        case let kind?:
            if kind == .township || context.oldDistrict != nil {
                return oldCommune(name, kind: kind, context: &context) ?? unit(name, kind: kind, context: &context)
            }
            return unit(name, kind: kind, context: &context) ?? oldCommune(name, kind: kind, context: &context)
        case nil:
            if mention.isZone, let index = zoneKeys[key] { return reading(of: zones[index]) }
            if context.province == nil && context.oldProvince == nil && context.oldDistrict == nil {
                if let reading = province(name, context: &context) { return reading }
                // Nothing written beside it: Hải Phòng's district, unit or old commune of that name first.
                var home = Context(province: map.homeProvinceCode)
                if let reading = oldDistrict(name, kind: nil, context: &home) ?? unit(name, kind: nil, context: &home)
                    ?? oldCommune(name, kind: nil, context: &home) {
                    context = home
                    return reading
                }
            }
            if context.oldDistrict == nil, let reading = oldDistrict(name, kind: nil, context: &context) { return reading }
            if context.oldDistrict != nil {
                return oldCommune(name, kind: nil, context: &context) ?? unit(name, kind: nil, context: &context)
            }
            return unit(name, kind: nil, context: &context) ?? oldCommune(name, kind: nil, context: &context)
        }
    }

    // MARK: Each level

    private func province(_ name: Mention, context: inout Context) -> PlaceReading? {
        let key = name.key
        if let code = map.oldProvinceNames[key]?.first, let reading = reading(ofOldProvince: code) {
            // `Hải Phòng` is today's city as well as the old one: what follows may lie in any part of today's.
            if map.provinceNames[key] == nil { context.oldProvince = code }
            context.province = reading.provinceCode
            return reading
        }
        if let code = map.provinceNames[key]?.first, let reading = reading(ofProvince: code) {
            context.province = code
            return reading
        }
        return nil
    }

    private func oldDistrict(_ name: Mention, kind: AdministrativeKind?, context: inout Context) -> PlaceReading? {
        let key = name.key
        let candidates = (map.oldDistrictNames[key] ?? []).compactMap { map.oldDistricts[$0] }.filter { district in
            if let old = context.oldProvince { return district.parentCode == old }
            if let province = context.province { return map.oldProvinces[district.parentCode]?.provinceCode == province }
            return true
        }
        guard let chosen = choose(candidates, kind: kind, canonical: name.canonical, province: { map.oldProvinces[$0.parentCode]?.provinceCode },
                                  oldProvince: { $0.parentCode }) else { return nil }
        let district = chosen.unit
        context.oldDistrict = district.code
        context.oldProvince = district.parentCode
        context.province = map.oldProvinces[district.parentCode]?.provinceCode
        var reading = reading(ofOldDistrict: district)
        reading.note = chosen.note.map { "“\(name.written)”: \($0)" }
        return reading
    }

    private func unit(_ name: Mention, kind: AdministrativeKind?, context: inout Context) -> PlaceReading? {
        let key = name.key
        var candidates = (map.unitNames[key] ?? []).compactMap { map.units[$0] }
        if let province = context.province { candidates = candidates.filter { $0.parentCode == province } }
        if let district = context.oldDistrict {
            let fromDistrict = Set(map.units(ofOldDistrict: district).map(\.code))
            let inside = candidates.filter { fromDistrict.contains($0.code) }
            if !inside.isEmpty { candidates = inside }
        }
        guard let chosen = choose(candidates, kind: kind, canonical: name.canonical, province: { $0.parentCode }) else { return nil }
        context.province = chosen.unit.parentCode
        var reading = reading(ofUnit: chosen.unit)
        reading.note = chosen.note.map { "“\(name.written)”: \($0)" }
        return reading
    }

    private func oldCommune(_ name: Mention, kind: AdministrativeKind?, context: inout Context) -> PlaceReading? {
        let key = name.key
        let candidates = (map.oldCommuneNames[key] ?? []).compactMap { map.oldCommunes[$0] }.filter { commune in
            if let district = context.oldDistrict { return commune.parentCode == district }
            if let old = context.oldProvince { return map.oldDistricts[commune.parentCode]?.parentCode == old }
            if let province = context.province { return commune.unitCodes.contains { map.units[$0]?.parentCode == province } }
            return true
        }
        guard let chosen = choose(candidates, kind: kind, canonical: name.canonical, province: { map.units[$0.unitCodes.first ?? -1]?.parentCode },
                                  oldProvince: { map.oldDistricts[$0.parentCode]?.parentCode }, district: { map.oldDistricts[$0.parentCode] }),
              var reading = reading(ofOldCommune: chosen.unit) else { return nil }
        context.province = reading.provinceCode
        reading.note = chosen.note.map { "“\(name.written)”: \($0)" }
        return reading
    }

    // MARK: Readings of known units

    func reading(ofProvince code: Int) -> PlaceReading? {
        guard let today = map.provinces[code] else { return nil }
        return PlaceReading(level: .province, code: code, name: today.name, provinceCode: code, provinceName: provinceName(code), point: today.point)
    }

    /// An old province, at its own centre (`Yên Bái`'s, not today's Lào Cai's), shown by today's name.
    func reading(ofOldProvince code: Int) -> PlaceReading? {
        guard let old = map.oldProvinces[code], let today = map.provinces[old.provinceCode] else { return nil }
        return PlaceReading(level: .oldProvince, code: code, name: today.name, former: old.name == today.name ? nil : "\(old.kind.rawValue) \(old.name)",
                            provinceCode: today.code, provinceName: provinceName(today.code), point: old.point)
    }

    func reading(ofOldDistrict district: AdministrativeMap.Unit) -> PlaceReading {
        let today = map.oldProvinces[district.parentCode]?.provinceCode
        let point = district.point ?? GeoPoint.centre(of: map.units(ofOldDistrict: district.code).compactMap(\.point))
            ?? map.oldProvinces[district.parentCode]!.point
        return PlaceReading(level: .oldDistrict, code: district.code, name: "\(district.writtenName) (cũ)", provinceCode: today,
                            provinceName: today.flatMap(provinceName), point: point)
    }

    /// A unit of today, with the old districts it was made from (when one or two).
    func reading(ofUnit unit: AdministrativeMap.Unit) -> PlaceReading {
        let formers = map.formerDistricts(ofUnit: unit.code)
        return PlaceReading(level: .unit, code: unit.code, name: unit.fullName,
                            former: formers.count <= 2 ? formers.map(\.writtenName).joined(separator: ", ").nilIfEmpty : nil,
                            provinceCode: unit.parentCode, provinceName: provinceName(unit.parentCode),
                            point: unit.point ?? map.provinces[unit.parentCode]!.point)
    }

    /// An old commune, at its own point, shown by the unit of today it went into (the first, when it was split).
    func reading(ofOldCommune commune: AdministrativeMap.Unit) -> PlaceReading? {
        guard let today = commune.unitCodes.first.flatMap({ map.units[$0] }) else { return nil }
        let district = map.oldDistricts[commune.parentCode]
        return PlaceReading(level: .oldCommune, code: commune.code, name: today.fullName,
                            former: [commune.writtenName, district?.writtenName].compactMap { $0 }.joined(separator: ", "),
                            provinceCode: today.parentCode, provinceName: provinceName(today.parentCode),
                            point: commune.point ?? today.point ?? map.provinces[today.parentCode]!.point)
    }

    /// One of several units of one name: today's Hải Phòng's first, and in it the old city's before the former
    /// Hải Dương's; then the name with the accents typed (`Cẩm Giàng`, not `Cẩm Giang`); then the kind written;
    /// then the lowest code. With a note naming where the others are (`cũng có ở huyện Nam Sách (cũ), Hưng Yên; …`).
    private func choose(_ candidates: [AdministrativeMap.Unit], kind: AdministrativeKind?, canonical: String,
                        province: (AdministrativeMap.Unit) -> Int?, oldProvince: (AdministrativeMap.Unit) -> Int? = { _ in nil },
                        district: ((AdministrativeMap.Unit) -> AdministrativeMap.Unit?)? = nil) -> (unit: AdministrativeMap.Unit, note: String?)? {
        guard !candidates.isEmpty else { return nil }
        let home = map.homeProvinceCode, oldHome = map.homeOldProvinceCode
        let analyzer = VietnameseAnalyzer()
        let ordered = candidates.sorted { a, b in
            let homeA = province(a) == home, homeB = province(b) == home
            if homeA != homeB { return homeA }
            let oldHomeA = oldProvince(a) == oldHome, oldHomeB = oldProvince(b) == oldHome
            if oldHomeA != oldHomeB { return oldHomeA }
            let exactA = analyzer.canonicalText(a.name) == canonical, exactB = analyzer.canonicalText(b.name) == canonical
            if exactA != exactB { return exactA }
            if let kind, (a.kind == kind) != (b.kind == kind) { return a.kind == kind }
            return a.code < b.code
        }
        let chosen = ordered[0]
        guard ordered.count > 1 else { return (chosen, nil) }
        // Where each one is: an old commune by its old district, anything else by its province.
        func whereItIs(_ unit: AdministrativeMap.Unit) -> String {
            let provinceName = province(unit).flatMap { map.provinces[$0]?.name } ?? "?"
            if let old = district?(unit) { return "\(old.writtenName) (cũ), \(provinceName)" }
            return provinceName
        }
        var others: [String] = []
        for unit in ordered.dropFirst() {
            // A namesake in the same place is named itself: `Xã Cẩm Giàng, Hải Phòng` beside `Xã Cẩm Giang`.
            let place = whereItIs(unit) == whereItIs(chosen) ? "\(unit.writtenName), \(whereItIs(unit))" : whereItIs(unit)
            if !others.contains(place) { others.append(place) }
        }
        guard !others.isEmpty else { return (chosen, nil) }
        return (chosen, "cũng có ở \(others.joined(separator: "; ")); đã hiểu là ở \(whereItIs(chosen))")
    }

    /// A province's name, unless it is Hải Phòng (which goes without saying).
    private func provinceName(_ code: Int) -> String? {
        code == map.homeProvinceCode ? nil : map.provinces[code]?.name
    }
}

extension AdministrativeMap {
    /// Whether `key` (folded) names a unit or province of either map.
    func hasName(_ key: String) -> Bool {
        provinceNames[key] != nil || oldProvinceNames[key] != nil || unitNames[key] != nil
            || oldDistrictNames[key] != nil || oldCommuneNames[key] != nil
    }

    /// Whether `key` names a centrally run city (Hà Nội, Hải Phòng, Đà Nẵng…), a province rather than a district.
    func isCentralCity(_ key: String) -> Bool {
        (provinceNames[key] ?? []).contains { provinces[$0]?.kind == .city }
            || (oldProvinceNames[key] ?? []).contains { oldProvinces[$0]?.kind == .city }
    }
}

extension String {
    /// `nil` for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
