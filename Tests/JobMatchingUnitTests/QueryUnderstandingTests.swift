import Testing
@testable import JobRecords
@testable import JobMatching

/// Places, levels and categories typed in a search: what each query is understood as, and the text left to search.
@Suite struct QueryUnderstandingTests {
    let understanding = QueryUnderstanding(places: reference.places)

    @Test func whatEachQueryIsUnderstoodAs() {
        typealias U = QueryUnderstanding.Understood
        let cases: [(query: String, text: String, understood: [U])] = [
            ("công nhân điện tử tràng duệ", "công nhân điện tử", [U(field: "zone", value: "KCN Tràng Duệ", words: "tràng duệ")]),
            ("cong nhan dien tu trang due", "cong nhan dien tu", [U(field: "zone", value: "KCN Tràng Duệ", words: "trang due")]),
            ("KCN ĐÌNH VŨ", "", [U(field: "zone", value: "KCN Đình Vũ", words: "KCN ĐÌNH VŨ")]),
            ("VSIP", "", [U(field: "zone", value: "KCN VSIP Hải Phòng", words: "VSIP")]),
            ("thợ hàn nam cau kien", "thợ hàn", [U(field: "zone", value: "KCN Nam Cầu Kiền", words: "nam cau kien")]),
            ("lái xe mp dinh vu", "lái xe", [U(field: "zone", value: "KCN MP Đình Vũ", words: "mp dinh vu")]),   // the longest name wins
            ("tho han thuy nguyen", "tho han", [U(field: "district", value: "thành phố Thủy Nguyên (cũ)", words: "thuy nguyen")]),
            ("việc làm Đồ Sơn", "việc làm", [U(field: "district", value: "quận Đồ Sơn (cũ)", words: "Đồ Sơn")]),       // the district…
            ("việc làm KCN Đồ Sơn", "việc làm", [U(field: "zone", value: "KCN Đồ Sơn", words: "KCN Đồ Sơn")]), // …the zone after KCN
            ("kỹ sư hàng hải", "kỹ sư hàng hải", []),                                                          // maritime, not the zone
            ("kcn hang hai", "", [U(field: "zone", value: "KCN Hàng Hải", words: "kcn hang hai")]),
            ("tiếng Nhật Bản", "tiếng Nhật Bản", []),
            ("kỹ sư đại học", "kỹ sư", [U(field: "education", value: "university", words: "đại học")]),
            ("viec cho BO DOI XUAT NGU", "viec cho", [U(field: "audience", value: "discharged_soldier", words: "BO DOI XUAT NGU")]),
            ("trang due bo doi xuat ngu trung cap", "", [U(field: "zone", value: "KCN Tràng Duệ", words: "trang due"),
                                                       U(field: "audience", value: "discharged_soldier", words: "bo doi xuat ngu"),
                                                       U(field: "education", value: "intermediate_vocational", words: "trung cap")]),
            ("trang due dinh vu", "dinh vu", [U(field: "zone", value: "KCN Tràng Duệ", words: "trang due")]),  // one zone: the first
            ("kỹ sư điện tử", "kỹ sư điện tử", []),
            ("kcn", "kcn", []),
        ]
        for (query, text, understood) in cases {
            let result = understanding.understand(query)
            #expect(result.text == text, "\(query)")
            #expect(result.understood.map { [$0.field, $0.value, $0.words] } == understood.map { [$0.field, $0.value, $0.words] }, "\(query)")
        }
    }

    @Test func aFieldTheCallerSetIsNotLookedFor() {
        let result = understanding.understand("thợ hàn tràng duệ đại học", fields: ["education"])
        #expect(result.text == "thợ hàn tràng duệ")
        #expect(result.understood.map(\.field) == ["education"])
    }

    /// Keystrokes decoded first, then places understood in them; the answer says the words searched.
    @Test func keystrokesThenPlaces() throws {
        let index = try MatchIndexes.postingIndex([posting(#"{"id":"w","employer":"Đóng tàu","zone":"KCN Hàng Hải","title":"Thợ hàn"}"#)], reference: reference)
        let page = try JobMatcher(reference: reference).search(.init(text: "thowj hanf kcn hang hai", asOf: CalendarDate("2026-11-23")!), postings: index)
        #expect(page.understood.map(\.field) == ["text", "zone"])
        #expect(page.understood.first?.value == "thợ hàn" && page.understood.first?.words == "thowj hanf kcn hang hai")
        #expect(page.hits.map(\.posting.id) == ["w"])
    }
}
