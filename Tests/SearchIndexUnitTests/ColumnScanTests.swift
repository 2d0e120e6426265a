import Testing
@testable import SearchIndex

/// Counting over a whole index from its columns (`forEachSegmentColumns`): every live document once, across
/// segments, keyword values named by each segment's keys, numbers or `nil`, deleted documents left out.
@Suite struct ColumnScanTests {
    @Test func everyLiveDocumentIsCountedOnceFromItsColumns() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add([document("A", zone: ["KCN Tràng Duệ"], audience: ["graduate"], salary: 9),
                       document("B", zone: ["KCN Đình Vũ"], audience: ["graduate", "other"]),
                       document("C", zone: ["KCN Tràng Duệ"], salary: 12)])
        try index.add([document("D", zone: ["KCN Đình Vũ"], salary: 7)])  // a second segment
        index.delete(ids: ["C"])
        var zones: [String: Int] = [:], audiences: [String: Int] = [:], salaries: [Int64?] = []
        var live = 0
        try index.snapshot.forEachSegmentColumns(keywords: ["zone", "audience"], numbers: ["salary"]) { columns in
            for doc in 0..<columns.documentCount where columns.isLive(doc) {
                live += 1
                for key in columns.keywords(0, of: doc) { zones[columns.keys[0][Int(key)], default: 0] += 1 }
                for key in columns.keywords(1, of: doc) { audiences[columns.keys[1][Int(key)], default: 0] += 1 }
                salaries.append(columns.number(0, of: doc))
            }
        }
        #expect(live == 3)
        #expect(zones == ["KCN Tràng Duệ": 1, "KCN Đình Vũ": 2])
        #expect(audiences == ["graduate": 2, "other": 1])
        #expect(salaries.sorted { ($0 ?? -1) < ($1 ?? -1) } == [nil, 7, 9])
        #expect(throws: IndexError.self) { try index.snapshot.forEachSegmentColumns(keywords: ["nope"], numbers: []) { _ in } }
    }
}
