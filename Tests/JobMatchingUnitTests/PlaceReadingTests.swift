import Testing
@testable import JobRecords
@testable import JobMatching

/// Places however they are written: today's units, the old map's, merged provinces, names found in
/// several places, free-text addresses, and no accents (`PlaceDirectory.read`).
@Suite struct PlaceReadingTests {
    let places = reference.places

    /// Each text, what it is read as (level and today's name, as shown), and the old name where it helps.
    @Test func truthTable() {
        typealias L = PlaceReading.Level
        let cases: [(written: String, level: L, shown: String)] = [
            // Today's units, with their kind, with the city, short, without accents, in capitals.
            ("Phường Lê Chân", .unit, "Phường Lê Chân (trước: quận Lê Chân, quận Ngô Quyền)"),
            ("phường Lê Chân, TP. Hải Phòng", .unit, "Phường Lê Chân (trước: quận Lê Chân, quận Ngô Quyền)"),
            ("P. Lê Chân", .unit, "Phường Lê Chân (trước: quận Lê Chân, quận Ngô Quyền)"),
            ("phuong le chan", .unit, "Phường Lê Chân (trước: quận Lê Chân, quận Ngô Quyền)"),
            ("Phường Thành Đông, TP Hải Phòng", .unit, "Phường Thành Đông (trước: thành phố Hải Dương)"),
            ("Xã An Hưng", .unit, "Xã An Hưng (trước: huyện An Lão)"),
            ("XÃ AN HƯNG, HẢI PHÒNG", .unit, "Xã An Hưng (trước: huyện An Lão)"),
            ("Phường Hưng Đạo", .unit, "Phường Hưng Đạo (trước: quận Dương Kinh)"),
            ("Đặc khu Cát Hải", .unit, "Đặc khu Cát Hải (trước: huyện Cát Hải)"),
            // The old map: districts by their kind word, a commune with its district, a district-level city.
            ("Quận Lê Chân", .oldDistrict, "quận Lê Chân (cũ)"),
            ("huyện An Lão", .oldDistrict, "huyện An Lão (cũ)"),
            ("huyen an lao, hai phong", .oldDistrict, "huyện An Lão (cũ)"),
            ("xã Quốc Tuấn, huyện An Lão", .oldCommune, "Xã An Quang (trước: xã Quốc Tuấn, huyện An Lão)"),
            ("xa quoc tuan huyen an lao hai phong", .oldCommune, "Xã An Quang (trước: xã Quốc Tuấn, huyện An Lão)"),
            ("TP Hải Dương", .oldDistrict, "thành phố Hải Dương (cũ)"),
            // A name alone: an old district of Hải Phòng before a unit of that name; a province before a unit.
            ("An Lão", .oldDistrict, "huyện An Lão (cũ)"),
            ("Thuỷ Nguyên", .oldDistrict, "thành phố Thủy Nguyên (cũ)"),
            ("Hải Dương", .oldProvince, "Hải Phòng (trước: tỉnh Hải Dương)"),
            // Merged provinces, old name and new.
            ("Yên Bái", .oldProvince, "Lào Cai (trước: tỉnh Yên Bái)"),
            ("yen bai", .oldProvince, "Lào Cai (trước: tỉnh Yên Bái)"),
            ("tỉnh Lào Cai", .oldProvince, "Lào Cai"),
            ("Thái Bình", .oldProvince, "Hưng Yên (trước: tỉnh Thái Bình)"),
            // Free text: the street, house number and hamlet passed over; a zone wins.
            ("Lô C5, KCN Đại An, TP. Hải Phòng", .zone, "KCN Đại An"),
            ("Số 12 ngõ 5 Lạch Tray, phường Lê Chân, Hải Phòng", .unit, "Phường Lê Chân (trước: quận Lê Chân, quận Ngô Quyền)"),
            ("thôn Đông, xã An Hưng, TP Hải Phòng", .unit, "Xã An Hưng (trước: huyện An Lão)"),
            ("123 Lê Lợi, Ngô Quyền, Hải Phòng", .oldDistrict, "quận Ngô Quyền (cũ)"),
        ]
        for (written, level, shown) in cases {
            let reading = places.read(written)
            #expect(reading?.level == level, "\(written): \(String(describing: reading?.level))")
            #expect(reading?.description == shown, "\(written): \(reading?.description ?? "nil")")
        }
        for nothing in ["", "Sao Hỏa", "123 đường số 5", "không rõ"] {
            #expect(places.read(nothing) == nil, "\(nothing)")
        }
    }

    /// A name found in several places: the province written beside it decides, else Hải Phòng first, and the
    /// reading says what it decided.
    @Test func ambiguousNames() throws {
        // Quốc Tuấn was a commune of An Lão and of Nam Sách (both now Hải Phòng), and of Thái Bình's An Lão… of Hưng Yên.
        let alone = try #require(places.read("xã Quốc Tuấn"))
        #expect(alone.level == .oldCommune && alone.provinceCode == places.map.homeProvinceCode)
        #expect(alone.note?.contains("cũng có ở") == true, "\(alone.note ?? "no note")")
        let inAnLao = try #require(places.read("xã Quốc Tuấn, huyện An Lão"))
        #expect(inAnLao.note == nil)
        // An Lão was also a district of Bình Định (now Gia Lai): Hải Phòng's first, unless the province is written.
        let anLao = try #require(places.read("huyện An Lão"))
        #expect(anLao.provinceCode == places.map.homeProvinceCode && anLao.note?.contains("Gia Lai") == true)
        let gialai = try #require(places.read("huyện An Lão, tỉnh Bình Định"))
        #expect(gialai.provinceName == "Gia Lai" && gialai.note == nil)
        #expect(gialai.description == "huyện An Lão (cũ), Gia Lai")
    }

    /// What of a home address may leave the candidate's record: the commune and the province, never the street.
    @Test func anAddressLeavesOnlyItsCommuneAndProvince() throws {
        let reading = try #require(places.read("Số 7 ngõ 12 đường Trường Chinh, thôn Kha Lâm, xã Quốc Tuấn, huyện An Lão, Hải Phòng"))
        #expect(reading.publicText == "xã Quốc Tuấn, huyện An Lão, Hải Phòng")
        #expect(places.read(reading.publicText)?.code == reading.code)  // the public text reads back to the same place
        let unit = try #require(places.read("12 Lạch Tray, P. Lê Chân"))
        #expect(unit.publicText == "Phường Lê Chân, Hải Phòng")
        let profile = CandidateProfile(id: "C-1", name: "A", category: .other)
        var withAddress = profile
        withAddress.address = "Số 7 ngõ 12 đường Trường Chinh, xã Quốc Tuấn, huyện An Lão"
        let stored = try StoredRecord.profile(MatchIndexes.document(withAddress, reference: reference).stored)
        #expect(stored.address == "xã Quốc Tuấn, huyện An Lão, Hải Phòng")
    }

    /// Every old district and commune of Hải Phòng and of the former Hải Dương still resolves, to its unit of today.
    @Test func everyOldUnitOfTheCityResolves() {
        let map = places.map
        let home = map.homeProvinceCode
        let districts = map.oldDistricts.values.filter { map.oldProvinces[$0.parentCode]?.provinceCode == home }
        #expect(districts.count >= 27)
        for district in districts {
            let reading = places.read("\(district.writtenName), \(map.oldProvinces[district.parentCode]!.name)")
            #expect(reading?.level == .oldDistrict && reading?.code == district.code, "\(district.writtenName)")
        }
        let communes = map.oldCommunes.values.filter { districts.map(\.code).contains($0.parentCode) }
        #expect(communes.count >= 370)
        for commune in communes {
            let written = "\(commune.writtenName), \(map.oldDistricts[commune.parentCode]!.writtenName)"
            let reading = places.read(written)
            #expect(reading?.provinceCode == home && [.oldCommune, .unit].contains(reading?.level), "\(written)")
            if reading?.level == .oldCommune { #expect(reading?.code == commune.code, "\(written)") }
        }
    }

    /// Issue 23's goal: every unit of today's Hải Phòng, written the usual ways, gets a distance within
    /// max(8 km, 35%) of the truth to a zone of the old city and to a park of the former Hải Dương.
    @Test func todaysUnitsWrittenTheUsualWaysGetTheirDistance() throws {
        let map = places.map
        let dinhVu = try #require(places.zone(named: "KCN Đình Vũ")), daiAn = try #require(places.zone(named: "KCN Đại An"))
        var answers = 0, right = 0
        var wrong: [String] = []
        for code in map.unitsOfHomeProvince {
            let unit = map.units[code]!
            let truth = unit.point!
            for written in [unit.fullName, "\(unit.writtenName), TP Hải Phòng", VietnameseAnalyzerFold.fold(unit.fullName)] {
                for zone in [dinhVu, daiAn] {
                    answers += 1
                    let expected = truth.kilometres(to: zone.point)
                    if let found = places.distance(from: written, to: zone.name), abs(found - expected) <= max(8, 0.35 * expected) {
                        right += 1
                    } else {
                        wrong.append(written)
                    }
                }
            }
        }
        #expect(answers == 684)
        print("today's units of Hải Phòng: \(right) of \(answers) distances within max(8 km, 35%)")
        #expect(Double(right) >= 0.95 * Double(answers), "\(right) of \(answers); wrong: \(Set(wrong).sorted().prefix(20))")
    }
}

extension PlaceReadingTests {
    /// `Hải Phòng` written after an old district of the former Hải Dương still finds it: today's city holds both.
    @Test func todaysCityHoldsTheFormerProvince() throws {
        let reading = try #require(places.read("xã Phúc Điền, huyện Cẩm Giàng, Hải Phòng"))
        #expect(reading.level == .oldCommune && reading.former == "xã Phúc Điền, huyện Cẩm Giàng")
        #expect(places.read(reading.publicText)?.code == reading.code)
        let district = try #require(places.read("huyện Cẩm Giàng, TP Hải Phòng"))
        #expect(district.level == .oldDistrict && district.name == "huyện Cẩm Giàng (cũ)")
    }
}
