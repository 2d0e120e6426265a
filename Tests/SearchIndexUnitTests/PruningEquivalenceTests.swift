import Testing
@testable import SearchIndex

/// Top-k with MaxScore and block-max skipping must return exactly what scoring
/// every document returns. Random documents over a small Zipf-like vocabulary
/// give long postings (many blocks) and many ties to get wrong.
@Suite struct PruningEquivalenceTests {
    static let vocabulary = ["an", "bàn", "bán", "công", "nhân", "điện", "tử", "hàn", "xe", "nâng", "kho", "ca",
                             "ngày", "đêm", "kỹ", "sư", "lắp", "ráp", "may", "mặc", "cảng", "hải", "phòng", "vsip"]

    static func corpus(documents: Int, seed: UInt64, segments: Int) throws -> SearchIndex {
        var generator = SeededGenerator(seed: seed)
        let index = SearchIndex(schema: IndexSchema(textFields: [.init("title", weight: 2), .init("body")]), maximumSegments: 100)
        var batch: [IndexDocument] = []
        for n in 0..<documents {
            func words(_ count: Int) -> String {
                (0..<count).map { _ in
                    // Zipf-like: low ranks far more often.
                    let r = Double(generator.next() % 10_000) / 10_000
                    return vocabulary[min(vocabulary.count - 1, Int(pow(r, 2.5) * Double(vocabulary.count)))]
                }.joined(separator: " ")
            }
            batch.append(IndexDocument(id: "d\(n)", text: ["title": words(1 + Int(generator.next() % 4)), "body": words(Int(generator.next() % 30))]))
            if batch.count == documents / segments {
                try index.add(batch)
                batch = []
            }
        }
        try index.add(batch)
        return index
    }

    @Test(arguments: [
        "an", "bàn công", "điện tử hàn", "xe nâng kho ca", "vsip phòng", "kỹ sư điện tử cảng hải phòng",
        "bán nhân", "may mặc lắp ráp ngày đêm",
    ])
    func prunedTopKEqualsExhaustive(text: String) throws {
        for (seed, segments) in [(1 as UInt64, 1), (2, 3)] {
            let index = try Self.corpus(documents: 3_000, seed: seed, segments: segments)
            try Self.expectPrunedEqualsExhaustive(index, text, "seed=\(seed)")
        }
    }

    /// One text field takes the bulk-scoring path of ranked OR (a run of a block scored
    /// from the scorer's tables); term frequencies of 16 and more take its other branch.
    @Test(arguments: ["an", "bàn công", "điện tử hàn", "xe nâng kho ca", "kỹ sư điện tử cảng hải phòng", "may mặc lắp ráp ngày đêm"])
    func oneFieldPrunedTopKEqualsExhaustive(text: String) throws {
        var generator = SeededGenerator(seed: 11)
        let index = SearchIndex(schema: IndexSchema(textFields: [.init("text")]), maximumSegments: 100)
        var batch: [IndexDocument] = []
        for n in 0..<4_000 {
            var words = (0..<Int(generator.next() % 40)).map { _ -> String in
                let r = Double(generator.next() % 10_000) / 10_000
                return Self.vocabulary[min(Self.vocabulary.count - 1, Int(pow(r, 2.5) * Double(Self.vocabulary.count)))]
            }
            if n % 97 == 0 { words += Array(repeating: Self.vocabulary[Int(generator.next() % 24)], count: 16 + n % 40) }
            batch.append(IndexDocument(id: "d\(n)", text: ["text": words.joined(separator: " ")]))
            if batch.count == 1_500 {
                try index.add(batch)
                batch = []
            }
        }
        try index.add(batch)
        #expect(index.snapshot.segments.count == 3)
        try Self.expectPrunedEqualsExhaustive(index, text)
    }

    /// Top k with pruning against scoring every match, for OR and AND and k = 1, 10, 50: the
    /// same ids and exactly the same scores (term scores are summed in fixed point, so the
    /// order in which pruning adds them cannot change a bit).
    static func expectPrunedEqualsExhaustive(_ index: SearchIndex, _ text: String, _ context: String = "") throws {
        for mode in [SearchQuery.Mode.any, .all] {
            for k in [1, 10, 50] {
                let pruned = try index.search(SearchQuery(text, mode: mode, limit: k))
                var reference = SearchQuery(text, mode: mode, limit: k)
                reference.scoresEveryMatch = true
                let exhaustive = try index.search(reference)
                #expect(pruned.hits.map(\.id) == exhaustive.hits.map(\.id), "\(text) \(mode) k=\(k) \(context)")
                #expect(pruned.hits.map(\.score) == exhaustive.hits.map(\.score))
            }
        }
    }

    /// With common terms (only adding to documents the rarer terms bring), pruned still
    /// equals exhaustive, totals count only documents with a rarer term, and the answer
    /// does not depend on how documents fall into segments.
    @Test(arguments: ["an bàn công", "an xe nâng kho ca", "công nhân điện tử hàn cảng", "an bán nhân may mặc"])
    func commonTermsPrunedEqualsExhaustive(text: String) throws {
        var answers: [[String]] = []
        for (seed, segments) in [(3 as UInt64, 1), (3, 4)] {
            let index = try Self.corpus(documents: 3_000, seed: seed, segments: segments)
            for k in [1, 10, 50, 200] {
                var pruned = SearchQuery(text, limit: k, countsTotalHits: true)
                pruned.commonTermCutoff = 0.2
                var reference = pruned
                reference.scoresEveryMatch = true
                let fast = try index.search(pruned)
                let slow = try index.search(reference)
                #expect(fast.hits.map(\.id) == slow.hits.map(\.id), "\(text) k=\(k) segments=\(segments)")
                #expect(fast.hits.map(\.score) == slow.hits.map(\.score))
                #expect(fast.totalHits == slow.totalHits)
                if k == 200 { answers.append(fast.hits.map(\.id)) }
            }
        }
        #expect(answers[0] == answers[1])
        // A document holding only common terms is not a hit; one with a rarer term is,
        // and the common term adds to its score.
        let small = SearchIndex(schema: IndexSchema(textFields: [.init("title")]))
        try small.add((0..<20).map { IndexDocument(id: "common\($0)", text: ["title": "công nhân"]) }
                      + [IndexDocument(id: "rare", text: ["title": "công nhân hàn"]), IndexDocument(id: "rarer", text: ["title": "hàn"])])
        var query = SearchQuery("công hàn", limit: 10, countsTotalHits: true)
        query.commonTermCutoff = 0.5
        let result = try small.search(query)
        #expect(Set(result.hits.map(\.id)) == ["rare", "rarer"] && result.totalHits == 2)
        query.commonTermCutoff = nil
        #expect(try small.search(query).totalHits == 22)
        // A query of common terms only is run as if there were no cutoff.
        var onlyCommon = SearchQuery("công nhân", limit: 10, countsTotalHits: true)
        onlyCommon.commonTermCutoff = 0.5
        #expect(try small.search(onlyCommon).totalHits == 21)
    }

    @Test func exhaustiveEqualsBruteForce() throws {
        // The exhaustive path against a plain count: every document holding a word of the query.
        let index = try Self.corpus(documents: 2_000, seed: 7, segments: 2)
        let result = try index.search(SearchQuery("vsip cảng", limit: 2_000, countsTotalHits: true))
        let vsip = try index.search(SearchQuery("vsip", limit: 2_000)).hits.map(\.id)
        let cang = try index.search(SearchQuery("cảng", limit: 2_000)).hits.map(\.id)
        #expect(result.totalHits == Set(vsip + cang).count)
        #expect(Set(result.hits.map(\.id)) == Set(vsip + cang))
        #expect(result.hits.map(\.score) == result.hits.map(\.score).sorted(by: >))
        #expect(result.hits.count > 100)
    }
}

import Foundation
