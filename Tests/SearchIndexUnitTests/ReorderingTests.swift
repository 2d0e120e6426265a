import Foundation
import Testing
@testable import SearchIndex

/// `optimize(reorderingDocuments: true)`: documents renumbered by recursive graph bisection.
/// Pruning still equals scoring every match, every answer keeps its scores, and every
/// document keeps its fields, keywords, numbers, positions and stored record.
@Suite struct ReorderingTests {
    static let topics = [["hàn", "điện", "tử", "công", "nhân"], ["may", "mặc", "lắp", "ráp", "ca"],
                         ["xe", "nâng", "kho", "cảng", "hải"], ["kỹ", "sư", "phòng", "vsip", "đêm"]]

    /// Documents of four topics, interleaved: a reordering has structure to find.
    static func corpus(seed: UInt64, documents: Int = 3_000, segments: Int = 3) throws -> SearchIndex {
        var generator = SeededGenerator(seed: seed)
        let index = SearchIndex(schema: jobSchema, maximumSegments: 100)
        var batch: [IndexDocument] = []
        for n in 0..<documents {
            let topic = topics[n % topics.count]
            func words(_ count: Int) -> String {
                (0..<count).map { _ in
                    // Mostly the topic's words, sometimes any topic's.
                    let pool = generator.next() % 5 == 0 ? topics[Int(generator.next() % 4)] : topic
                    let r = Double(generator.next() % 10_000) / 10_000
                    return pool[min(pool.count - 1, Int(pow(r, 2) * Double(pool.count)))]
                }.joined(separator: " ")
            }
            var doc = document("d\(n)", title: words(1 + Int(generator.next() % 3)), skills: words(Int(generator.next() % 4)),
                               description: words(Int(generator.next() % 25)), zone: ["z\(n % 7)"], audience: n % 3 == 0 ? ["a"] : [],
                               salary: Int64(n % 50) * 1_000_000)
            doc.stored = Array("record \(n)".utf8)
            batch.append(doc)
            if batch.count == documents / segments {
                try index.add(batch)
                batch = []
            }
        }
        try index.add(batch)
        return index
    }

    @Test(arguments: ["hàn", "điện tử hàn", "xe nâng kho ca", "kỹ sư điện tử cảng hải phòng", "may mặc lắp ráp ngày đêm"])
    func prunedTopKEqualsExhaustiveAfterReordering(text: String) throws {
        let index = try Self.corpus(seed: 5)
        index.delete(ids: ["d10", "d11", "d500"])
        let plain = try Self.corpus(seed: 5)
        plain.delete(ids: ["d10", "d11", "d500"])
        plain.optimize()
        index.optimize(reorderingDocuments: true)
        #expect(index.snapshot.segments.count == 1 && index.documentCount == 2_997)
        try PruningEquivalenceTests.expectPrunedEqualsExhaustive(index, text, "reordered")
        for mode in [SearchQuery.Mode.any, .all] {
            for k in [1, 10, 50] {
                let pruned = try index.search(SearchQuery(text, mode: mode, limit: k))
                // The same scores as without reordering; a document has the same score in both.
                let before = try plain.search(SearchQuery(text, mode: mode, limit: k))
                #expect(pruned.hits.map(\.score) == before.hits.map(\.score), "\(text) \(mode) k=\(k)")
                let scoreBefore = Dictionary(uniqueKeysWithValues: try plain.search(SearchQuery(text, mode: mode, limit: 3_000)).hits.map { ($0.id, $0.score) })
                for hit in pruned.hits { #expect(scoreBefore[hit.id] == hit.score) }
            }
        }
    }

    @Test func documentsKeepTheirFieldsAndRecords() throws {
        let index = try Self.corpus(seed: 9, documents: 1_200)
        index.optimize(reorderingDocuments: true)
        let all = try index.search(SearchQuery("", limit: 2_000, countsTotalHits: true, loadsStoredFields: true))
        #expect(all.totalHits == 1_200)
        for hit in all.hits {
            let n = try #require(Int(hit.id.dropFirst()))
            #expect(hit.stored.map { String(decoding: $0, as: UTF8.self) } == "record \(n)")
        }
        let zone = try index.search(SearchQuery("", filters: [.keyword("zone", anyOf: ["z3"])], limit: 2_000))
        #expect(Set(zone.hits.map(\.id)) == Set((0..<1_200).filter { $0 % 7 == 3 }.map { "d\($0)" }))
        let paid = try index.search(SearchQuery("", filters: [.range("salary", atLeast: 45_000_000)], limit: 2_000))
        #expect(Set(paid.hits.map(\.id)) == Set((0..<1_200).filter { $0 % 50 >= 45 }.map { "d\($0)" }))
        #expect(try index.snapshot.storedFields(of: "d777").map { String(decoding: $0, as: UTF8.self) } == "record 777")
    }

    @Test func phrasesStillMatchAfterReordering() throws {
        let schema = IndexSchema(textFields: [.init("text", storesPositions: true)])
        let index = SearchIndex(schema: schema, maximumSegments: 100)
        var generator = SeededGenerator(seed: 3)
        for part in 0..<3 {
            try index.add((0..<400).map { i in
                let n = part * 400 + i
                let topic = Self.topics[n % 4]
                let words = (0..<(5 + Int(generator.next() % 10))).map { _ in topic[Int(generator.next() % 5)] }
                return IndexDocument(id: "d\(n)", text: ["text": words.joined(separator: " ")])
            })
        }
        let phrase = "\"điện tử\""
        let before = Set(try index.search(SearchQuery(phrase, limit: 2_000)).hits.map(\.id))
        index.optimize(reorderingDocuments: true)
        let after = Set(try index.search(SearchQuery(phrase, limit: 2_000)).hits.map(\.id))
        #expect(!before.isEmpty && before == after)
    }

    /// Two interleaved groups of documents with no term in common come out as two runs.
    @Test func bisectionSeparatesDisjointGroups() {
        var generator = SeededGenerator(seed: 21)
        var starts = [0], terms: [UInt32] = []
        for document in 0..<512 {
            let base: UInt32 = document % 2 == 0 ? 0 : 10
            terms += Set((0..<5).map { _ in base + UInt32(generator.next() % 10) }).sorted()
            starts.append(terms.count)
        }
        let order = DocumentReordering(termStarts: starts, terms: terms, termCount: 20).order()
        #expect(order.sorted() == (0..<512).map { UInt32($0) })
        let firstHalf = order.prefix(256).map { $0 % 2 }
        let even = firstHalf.filter { $0 == 0 }.count
        #expect(even == 0 || even == 256, "the first half mixes both groups: \(even) of 256 from one")
    }
}
