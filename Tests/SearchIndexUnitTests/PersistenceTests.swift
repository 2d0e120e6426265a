import Foundation
import Testing
@testable import SearchIndex

@Suite struct PersistenceTests {
    private func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    private func sampleIndex() throws -> SearchIndex {
        let index = SearchIndex(schema: jobSchema, maximumSegments: 100)
        let titles = ["Kỹ sư điện tử", "Công nhân may", "Thợ hàn", "Lái xe nâng"]
        let zones = ["KCN VSIP", "KCN Tràng Duệ"]
        var documents: [IndexDocument] = []
        for n in 0..<500 {
            let shift = n % 2 == 0 ? "ngày" : "đêm"
            documents.append(document("P\(n)", title: titles[n % 4], skills: "kỹ năng \(n % 13)",
                                      description: "Làm việc tại Hải Phòng, ca \(shift)", zone: [zones[n % 2]],
                                      salary: Int64(5_000_000 + n * 10_000)))
        }
        try index.add(documents)
        try index.add([document("P7", title: "Thợ tiện CNC")])
        index.delete(ids: ["P8", "P9"])
        return index
    }

    private let queries = [
        SearchQuery("ky su dien tu", limit: 20), SearchQuery("thợ hàn", mode: .all, limit: 5),
        SearchQuery("\"công nhân\" -đêm", limit: 50), SearchQuery("", filters: [.range("salary", atLeast: 8_000_000)], limit: 10, facets: ["zone"]),
        SearchQuery("tiện CNC", explains: true),
    ]

    @Test func aSavedIndexGivesTheSameResults() throws {
        let index = try sampleIndex()
        let path = temporaryPath("jobs.hzix")
        try index.save(to: path)
        let loaded = try SearchIndex.open(path: path, schema: jobSchema)
        #expect(loaded.documentCount == index.documentCount)
        for query in queries {
            let expected = try index.search(query)
            let actual = try loaded.search(query)
            #expect(actual.hits == expected.hits)
            #expect(actual.totalHits == expected.totalHits)
            #expect(actual.facets == expected.facets)
        }
        // And it can still be changed after loading.
        try loaded.add([document("P9", title: "Thợ hàn")])
        #expect(loaded.snapshot.contains("P9"))
    }

    @Test func savingReplacesAtomically() throws {
        let path = temporaryPath("jobs.hzix")
        try sampleIndex().save(to: path)
        let small = SearchIndex(schema: jobSchema)
        try small.add([document("only", title: "một")])
        try small.save(to: path)
        #expect(try SearchIndex.open(path: path, schema: jobSchema).documentCount == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["jobs.hzix"])
    }

    @Test func everyFlippedByteIsRefused() throws {
        let path = temporaryPath("jobs.hzix")
        let index = SearchIndex(schema: jobSchema)
        try index.add((0..<40).map { document("P\($0)", title: "thợ hàn \($0)", zone: ["KCN VSIP"]) })
        try index.save(to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        // Flip one byte at many places: header, segment table, postings, trailer.
        for offset in stride(from: 0, to: original.count, by: max(1, original.count / 97)) {
            var damaged = original
            damaged[offset] ^= 0x5A
            try damaged.write(to: URL(fileURLWithPath: path))
            #expect(throws: IndexError.self, "byte \(offset)") { _ = try SearchIndex.open(path: path, schema: jobSchema) }
        }
    }

    @Test func truncatedForeignAndMismatchedFilesAreRefusedWithReasons() throws {
        let path = temporaryPath("jobs.hzix")
        try sampleIndex().save(to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))

        try original.prefix(original.count / 2).write(to: URL(fileURLWithPath: path))
        #expect { _ = try SearchIndex.open(path: path, schema: jobSchema) } throws: { ($0 as? IndexError)?.code == .damaged }

        try Data("{\"id\": \"P1\"}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { _ = try SearchIndex.open(path: path, schema: jobSchema) } throws: { ($0 as? IndexError)?.code == .notAnIndex }

        try original.write(to: URL(fileURLWithPath: path))
        #expect { _ = try SearchIndex.open(path: path, schema: singleFieldSchema) } throws: { ($0 as? IndexError)?.code == .schemaMismatch }

        var future = original
        future[4] = 99  // version
        try future.write(to: URL(fileURLWithPath: path))
        #expect { _ = try SearchIndex.open(path: path, schema: jobSchema) } throws: { ($0 as? IndexError)?.code == .unsupportedVersion }

        #expect { _ = try SearchIndex.open(path: path + ".missing", schema: jobSchema) } throws: { ($0 as? IndexError)?.code == .io }
    }

    @Test func aFileThatCannotBeWrittenLeavesTheOldOne() throws {
        let path = temporaryPath("jobs.hzix")
        try sampleIndex().save(to: path)
        #expect(throws: IndexError.self) { try SearchIndex(schema: jobSchema).save(to: "/nonexistent-dir/x/jobs.hzix") }
        #expect(try SearchIndex.open(path: path, schema: jobSchema).documentCount > 0)
    }
}
