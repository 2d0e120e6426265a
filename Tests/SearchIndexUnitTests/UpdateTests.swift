import Testing
@testable import SearchIndex

@Suite struct UpdateTests {
    @Test func deletedDocumentsNeverShowUp() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add((0..<300).map { document("P\($0)", title: "công nhân \($0 % 3 == 0 ? "hàn" : "may")") })
        index.delete(ids: (0..<300).filter { $0 % 2 == 0 }.map { "P\($0)" })
        for query in [SearchQuery("hàn", limit: 300), SearchQuery("công nhân", mode: .all, limit: 300), SearchQuery("", limit: 300),
                      SearchQuery("hàn", limit: 300, facets: ["zone"])] {
            let result = try index.search(query)
            #expect(result.hits.allSatisfy { Int($0.id.dropFirst())! % 2 == 1 })
        }
        #expect(try index.search(SearchQuery("", countsTotalHits: true)).totalHits == 150)
        #expect(index.documentCount == 150)
    }

    @Test func anUpdateReplacesTheOldVersion() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add([document("P1", title: "Thợ hàn"), document("P2", title: "Thợ may")])
        try index.add([document("P1", title: "Lái xe nâng")])
        #expect(ids(try index.search(SearchQuery("hàn"))).isEmpty)
        #expect(ids(try index.search(SearchQuery("xe nâng"))) == ["P1"])
        #expect(index.documentCount == 2)
    }

    @Test func lastOfTwoVersionsInOneBatchWins() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add([document("P1", title: "Thợ hàn"), document("P1", title: "Thợ tiện")])
        #expect(ids(try index.search(SearchQuery("tiện"))) == ["P1"])
        #expect(ids(try index.search(SearchQuery("hàn"))).isEmpty)
        #expect(index.documentCount == 1)
    }

    @Test func manySmallChangesAreMergedAndStayCorrect() throws {
        let index = SearchIndex(schema: jobSchema, maximumSegments: 4)
        for n in 0..<40 {
            try index.add([document("P\(n)", title: n % 2 == 0 ? "kỹ sư điện tử" : "công nhân may", zone: ["KCN VSIP"], salary: Int64(n))])
            if n % 5 == 4 { index.delete(ids: ["P\(n - 1)"]) }
        }
        #expect(index.snapshot.segments.count <= 4)
        let live = (0..<40).filter { !($0 % 5 == 3) }
        #expect(index.documentCount == live.count)
        let engineers = try index.search(SearchQuery("ky su", mode: .all, limit: 100))
        #expect(Set(ids(engineers)) == Set(live.filter { $0 % 2 == 0 }.map { "P\($0)" }))
        let filtered = try index.search(SearchQuery("", filters: [.range("salary", atLeast: 30)], limit: 100, facets: ["zone"]))
        #expect(Set(ids(filtered)) == Set(live.filter { $0 >= 30 }.map { "P\($0)" }))
        #expect(filtered.facets["zone"]?.first?.count == live.filter { $0 >= 30 }.count)
        // Phrases survive merges (positions are re-encoded).
        #expect(Set(ids(try index.search(SearchQuery("\"điện tử\"", limit: 100)))) == Set(live.filter { $0 % 2 == 0 }.map { "P\($0)" }))
    }

    @Test func optimizeDropsDeletedDocumentsAndKeepsRanking() throws {
        let index = SearchIndex(schema: jobSchema, maximumSegments: 100)
        for n in 0..<10 {
            try index.add((0..<50).map { document("P\(n)-\($0)", title: $0 % 7 == 0 ? "thợ hàn điện" : "nhân viên kho", skills: "hàn \($0)") })
        }
        index.delete(ids: (0..<50).map { "P3-\($0)" })
        let before = try index.search(SearchQuery("thợ hàn", limit: 30))
        index.optimize()
        #expect(index.snapshot.segments.count == 1)
        #expect(index.snapshot.segments[0].documentCount == 450)
        let after = try index.search(SearchQuery("thợ hàn", limit: 30))
        #expect(Set(ids(after)) == Set(ids(before)))
        #expect(!ids(after).contains { $0.hasPrefix("P3-") })
    }

    @Test func readersAreNeverBlockedAndSeeWholeChanges() async throws {
        let index = SearchIndex(schema: jobSchema, maximumSegments: 4)
        try index.add((0..<100).map { document("A\($0)", title: "công nhân") })
        // Each change replaces 100 documents: a reader must always see exactly 100.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for round in 1...30 {
                    try index.apply(upserts: (0..<100).map { document("B\(round)-\($0)", title: "công nhân") },
                                    deletions: (0..<100).map { round == 1 ? "A\($0)" : "B\(round - 1)-\($0)" })
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<200 {
                        let result = try index.search(SearchQuery("công nhân", mode: .all, limit: 1, countsTotalHits: true))
                        #expect(result.totalHits == 100)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(index.documentCount == 100)
    }
}
