import Testing
@testable import SearchIndex

@Suite struct QueryTests {
    private func index() throws -> SearchIndex {
        let index = SearchIndex(schema: jobSchema)
        try index.add([
            document("P1", title: "Công nhân sản xuất", skills: "lắp ráp", description: "Ca ngày, có ký túc xá",
                     zone: ["KCN Tràng Duệ"], audience: ["vocational_student"], salary: 7_500_000, deadline: 20261230),
            document("P2", title: "Nhân viên công nghệ", skills: "IT", description: "Nhân sự công ty LG",
                     zone: ["KCN Tràng Duệ"], audience: ["graduate"], salary: 12_000_000, deadline: 20261201),
            document("P3", title: "Thợ hàn", skills: "hàn điện, hàn TIG", description: "Ca đêm, công nhân lành nghề",
                     zone: ["KKT Đình Vũ - Cát Hải"], audience: ["discharged_soldier", "vocational_student"], salary: 10_000_000),
            document("P4", title: "Lái xe nâng", skills: "xe nâng, forklift", description: "Ca ngày",
                     zone: ["KCN VSIP"], salary: nil, deadline: 20261115),
        ])
        return index
    }

    @Test func phraseTellsCongNhanFromNhanCong() throws {
        // P2 has "nhân … công" in its title and "nhân sự công ty": both syllables, never in that order.
        let result = try index().search(SearchQuery("\"cong nhan\""))
        #expect(Set(ids(result)) == ["P1", "P3"])
    }

    /// A code is found by itself and by its parts, in phrases too; a lone digit is no part.
    @Test func codesKeepTheirPartsSearchable() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add([
            document("Q1", title: "Nhân viên QC", skills: "ISO 9001:2015", description: "Ban hành ngày 19/7/2024", zone: [], salary: nil),
            document("Q2", title: "Kỹ thuật viên", skills: "ISO 14001", description: "tỷ lệ 99,4%", zone: [], salary: nil),
        ])
        let cases: [(query: String, mode: SearchQuery.Mode, found: [String])] = [
            ("iso 9001", .all, ["Q1"]), ("\"iso 9001\"", .any, ["Q1"]), ("9001:2015", .any, ["Q1"]), ("2015", .any, ["Q1"]),
            ("2024", .any, ["Q1"]), ("19/7/2024", .any, ["Q1"]), ("iso", .any, ["Q1", "Q2"]), ("99", .any, ["Q2"]),
            ("7", .any, []), ("4", .any, []),
        ]
        for item in cases {
            #expect(Set(ids(try index.search(SearchQuery(item.query, mode: item.mode)))) == Set(item.found), "\(item.query)")
        }
    }

    @Test func orAndAll() throws {
        let index = try index()
        #expect(Set(ids(try index.search(SearchQuery("hàn xe")))) == ["P3", "P4"])
        #expect(ids(try index.search(SearchQuery("hàn xe", mode: .all))).isEmpty)
        #expect(ids(try index.search(SearchQuery("hàn điện", mode: .all))) == ["P3"])
    }

    @Test func requiredAndExcluded() throws {
        let index = try index()
        #expect(Set(ids(try index.search(SearchQuery("ca +ngày")))) == ["P1", "P4"])
        #expect(Set(ids(try index.search(SearchQuery("ca -đêm")))) == ["P1", "P4"])
        #expect(Set(ids(try index.search(SearchQuery("ca -\"ca đêm\"")))) == ["P1", "P4"])
        #expect(Set(ids(try index.search(SearchQuery("ca -\"đêm ca\"")))) == ["P1", "P3", "P4"])
    }

    @Test func keywordFiltersAreAccentInsensitive() throws {
        let index = try index()
        let query = SearchQuery("ca", filters: [.keyword("zone", anyOf: ["kcn trang due"])])
        #expect(ids(try index.search(query)) == ["P1"])
        let audience = SearchQuery("", filters: [.keyword("audience", anyOf: ["vocational_student"])])
        #expect(Set(ids(try index.search(audience))) == ["P1", "P3"])
        #expect(ids(try index.search(SearchQuery("", filters: [.keyword("zone", anyOf: [])]))).isEmpty)
    }

    @Test func rangeFilters() throws {
        let index = try index()
        #expect(Set(ids(try index.search(SearchQuery("", filters: [.range("salary", atLeast: 10_000_000)])))) == ["P2", "P3"])
        #expect(Set(ids(try index.search(SearchQuery("", filters: [.range("salary", atLeast: 10_000_000, orMissing: true)])))) == ["P2", "P3", "P4"])
        #expect(Set(ids(try index.search(SearchQuery("", filters: [.range("deadline", lower: 20261201, upper: 20261231, orMissing: false)])))) == ["P1", "P2"])
    }

    @Test func facetsCountEveryMatch() throws {
        var query = SearchQuery("ca", limit: 1)
        query.facets = ["zone", "audience"]
        let result = try index().search(query)
        #expect(result.hits.count == 1)
        #expect(result.totalHits == 3)
        #expect(result.facets["zone"]!.map(\.value) == ["KCN Tràng Duệ", "KCN VSIP", "KKT Đình Vũ - Cát Hải"].sorted {
            KeywordKey.fold($0) < KeywordKey.fold($1) })
        #expect(result.facets["zone"]!.map(\.count) == [1, 1, 1])
        #expect(result.facets["audience"]!.first!.value == "vocational_student")
        #expect(result.facets["audience"]!.first!.count == 2)
    }

    @Test func pagesDoNotOverlap() throws {
        let index = try index()
        let all = ids(try index.search(SearchQuery("", limit: 10)))
        #expect(all == ["P1", "P2", "P3", "P4"])
        let first = ids(try index.search(SearchQuery("", offset: 0, limit: 2)))
        let second = ids(try index.search(SearchQuery("", offset: 2, limit: 2)))
        #expect(first + second == all)
        #expect(ids(try index.search(SearchQuery("", offset: 4, limit: 2))).isEmpty)
    }

    @Test func unknownFieldsAreErrors() throws {
        let index = try index()
        #expect(throws: IndexError.self) { try index.search(SearchQuery("", facets: ["salary"])) }
        #expect(throws: IndexError.self) { try index.search(SearchQuery("", filters: [.range("zone", atLeast: 1)])) }
        #expect(throws: IndexError.self) { try index.add([IndexDocument(id: "x", text: ["body": "…"])]) }
        #expect(index.documentCount == 4)
    }

    @Test func emptyQueryWithoutFiltersListsEverything() throws {
        let result = try index().search(SearchQuery("", countsTotalHits: true))
        #expect(result.totalHits == 4)
    }

    @Test func termsWithPrefix() throws {
        let terms = try index().terms(withPrefix: "Ca")
        #expect(terms.map(\.term).contains("ca"))
        #expect(terms.allSatisfy { $0.term.hasPrefix("ca") })
    }
}
