import Testing
@testable import SearchIndex

/// Totals and facets come from a cache for repeated queries: they must equal a fresh
/// count after every kind of write.
@Suite struct CountCacheTests {
    private let queries = [
        SearchQuery("công nhân", limit: 5, facets: ["zone", "audience"], countsTotalHits: true),
        SearchQuery("thợ hàn", filters: [.keyword("zone", anyOf: ["KCN VSIP"])], limit: 5, facets: ["zone"], countsTotalHits: true),
        SearchQuery("kỹ sư điện", mode: .all, limit: 5, facets: ["audience"], countsTotalHits: true),
        SearchQuery("", filters: [.range("salary", atLeast: 8_000_000)], limit: 5, facets: ["zone"], countsTotalHits: true),
        SearchQuery("\"công nhân\" -may", limit: 5, countsTotalHits: true),
    ]

    private func fresh(_ index: SearchIndex, _ query: SearchQuery) throws -> SearchResult {
        try Searcher(snapshot: index.snapshot).search(query)
    }

    @Test func cachedCountsEqualFreshCountsAfterEveryWrite() throws {
        var generator = SeededGenerator(seed: 42)
        let titles = ["công nhân may", "thợ hàn điện", "kỹ sư điện tử", "công nhân lắp ráp", "lái xe nâng"]
        let zones = ["KCN VSIP", "KCN Tràng Duệ", "KCN Đình Vũ"]
        func random(_ id: String) -> IndexDocument {
            document(id, title: titles.randomElement(using: &generator)!, zone: [zones.randomElement(using: &generator)!],
                     audience: [["graduate", "other"].randomElement(using: &generator)!],
                     salary: Int64.random(in: 5...12, using: &generator) * 1_000_000)
        }
        let index = SearchIndex(schema: jobSchema, maximumSegments: 4)
        try index.add((0..<400).map { random("P\($0)") })
        for step in 0..<40 {
            for query in queries {
                let cached = try index.search(query)
                let expected = try fresh(index, query)
                #expect(cached.totalHits == expected.totalHits, "step \(step) \(query.text)")
                #expect(cached.facets == expected.facets, "step \(step) \(query.text)")
                #expect(cached.hits == expected.hits)
            }
            switch step % 4 {
            case 0: index.delete(ids: (0..<5).map { _ in "P\(Int.random(in: 0..<400, using: &generator))" })
            case 1: try index.add((0..<3).map { _ in random("P\(Int.random(in: 0..<400, using: &generator))") })
            case 2: try index.add([random("N\(step)")])
            default: try index.apply(upserts: [random("P\(step)")], deletions: ["P\(step + 100)"], merging: .later)
            }
        }
        #expect(index.countCache.count > 0)
    }

    @Test func aCountLimitGivesALowerBoundAndSaysSo() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add((0..<300).map { document("P\($0)", title: "công nhân", zone: ["KCN VSIP"]) })
        var query = SearchQuery("công nhân", facets: ["zone"], countsTotalHits: true)
        query.countLimit = 100
        for _ in 0..<2 {  // counted, then from the cache
            let result = try index.search(query)
            #expect(result.totalHits == 100 && !result.totalIsExact)
            #expect(result.facets["zone"]?.first?.count == 100)
        }
        query.countLimit = 1000
        let exact = try index.search(query)
        #expect(exact.totalHits == 300 && exact.totalIsExact)
    }
}
