import Foundation
import Testing
@testable import SearchIndex

@Suite struct ScoringTests {
    @Test func singleFieldScoreIsBM25AsLuceneComputesIt() throws {
        let index = SearchIndex(schema: singleFieldSchema)
        try index.add([
            IndexDocument(id: "a", text: ["text": "hàn điện hàn"]),
            IndexDocument(id: "b", text: ["text": "hàn"]),
            IndexDocument(id: "c", text: ["text": "lái xe nâng"]),
        ])
        let result = try index.search(SearchQuery("han"))
        // The short document wins: tf 1 in 1 token beats tf 2 in 3 tokens (1.257 idf against 1.206 idf).
        #expect(ids(result) == ["b", "a"])
        // N = 3, df = 2, avgdl = (3 + 1 + 3) / 3; doc a: tf 2, len 3; doc b: tf 1, len 1.
        let idf = log(1 + (3 - 2 + 0.5) / (2 + 0.5))
        func bm25(_ tf: Double, _ length: Double) -> Double { idf * 2.2 * tf / (tf + 1.2 * (0.25 + 0.75 * length / (7.0 / 3))) }
        #expect(abs(result.hits[0].score - bm25(1, 1)) < 1e-9)
        #expect(abs(result.hits[1].score - bm25(2, 3)) < 1e-9)
    }

    @Test func titleOutweighsDescription() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add([
            document("in-description", title: "Nhân viên kho", description: "Biết lái xe nâng là lợi thế"),
            document("in-title", title: "Lái xe nâng", description: "Làm việc tại kho"),
        ])
        #expect(ids(try index.search(SearchQuery("xe nâng"))) == ["in-title", "in-description"])
    }

    @Test func aTermInTwoFieldsSaturatesOnce() throws {
        // BM25F: tf from both fields is summed before saturation, so two fields beat one
        // but by less than twice.
        let index = SearchIndex(schema: jobSchema)
        try index.add([
            document("both", title: "thợ hàn", skills: "hàn"),
            document("title", title: "thợ hàn", skills: "tiện"),
            document("none", title: "kế toán", skills: "excel"),
        ])
        let hits = try index.search(SearchQuery("hàn", explains: true)).hits
        #expect(hits.map(\.id) == ["both", "title"])
        let both = hits[0].explanation!.terms.filter { $0.space == .folded }
        let title = hits[1].explanation!.terms.filter { $0.space == .folded }
        #expect(both[0].score > title[0].score && both[0].score < 2 * title[0].score)
        #expect(Set(both[0].fields.map(\.field)) == ["title", "skills"])
    }
}

@Suite struct AccentAwareRankingTests {
    private func index() throws -> SearchIndex {
        let index = SearchIndex(schema: singleFieldSchema)
        try index.add([
            IndexDocument(id: "bán", text: ["text": "bán hàng"]),
            IndexDocument(id: "bàn", text: ["text": "bàn ghế"]),
            IndexDocument(id: "bạn", text: ["text": "bạn bè"]),
            IndexDocument(id: "bận", text: ["text": "bận rộn"]),
            IndexDocument(id: "other", text: ["text": "công nhân"]),
        ])
        return index
    }

    @Test func typingWithoutAccentsFindsEveryAccentedForm() throws {
        let result = try index().search(SearchQuery("ban"))
        #expect(Set(ids(result)) == ["bán", "bàn", "bạn", "bận"])
        let scores = Set(result.hits.map(\.score))
        #expect(scores.count == 1)  // no accent typed: no form preferred
    }

    @Test func typingWithAccentsPutsTheExactFormFirst() throws {
        let result = try index().search(SearchQuery("bàn", explains: true))
        #expect(result.hits.count == 4)
        #expect(result.hits[0].id == "bàn")
        #expect(result.hits[0].score > result.hits[1].score)
        #expect(result.hits[0].explanation!.terms.map(\.space) == [.folded, .canonical])
        #expect(result.hits[1].explanation!.terms.map(\.space) == [.folded])
    }

    @Test func nfdAndOldTonePlacementCountAsExact() throws {
        let index = SearchIndex(schema: singleFieldSchema)
        try index.add([
            IndexDocument(id: "hòa", text: ["text": "Hòa"]),
            IndexDocument(id: "hoá", text: ["text": "hoá"]),
        ])
        // NFD "hoà": h o a + U+0300, old placement.
        let query = "ho" + "a\u{0300}"
        let result = try index.search(SearchQuery(query))
        #expect(ids(result) == ["hòa", "hoá"])
    }

    @Test func turningTheBonusOffGivesPlainFoldedBM25() throws {
        let schema = IndexSchema(textFields: [.init("text")], accentBonus: 0)
        let index = SearchIndex(schema: schema)
        try index.add([IndexDocument(id: "1", text: ["text": "bán"]), IndexDocument(id: "2", text: ["text": "bàn"])])
        let result = try index.search(SearchQuery("bàn"))
        #expect(result.hits.count == 2 && result.hits[0].score == result.hits[1].score)
    }
}
