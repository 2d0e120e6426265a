import Foundation
import Synchronization
import Testing
@testable import SearchIndex

/// Stored fields, user data, batches built apart, and merges that run beside writers.
@Suite struct StoredFieldsTests {
    private func stored(_ id: String, _ text: String) -> IndexDocument {
        var document = document(id, title: text)
        document.stored = Array("record of \(id): \(text)".utf8)
        return document
    }

    private func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-stored-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test func hitsCarryTheirStoredFieldsThroughMergesAndFiles() throws {
        let index = SearchIndex(schema: jobSchema, maximumSegments: 3)
        for n in 0..<20 { try index.add([stored("P\(n)", n % 2 == 0 ? "thợ hàn \(n)" : "công nhân may \(n)")]) }
        index.delete(ids: ["P4"])
        try index.add([stored("P6", "thợ hàn sáu, sửa lại")])
        #expect(index.snapshot.segments.count <= 3)
        func check(_ index: SearchIndex) throws {
            let result = try index.search(SearchQuery("thợ hàn", limit: 20, loadsStoredFields: true))
            #expect(result.hits.count == 9)
            for hit in result.hits {
                let text = String(decoding: try #require(hit.stored), as: UTF8.self)
                #expect(text.hasPrefix("record of \(hit.id): "))
            }
            #expect(try index.snapshot.storedFields(of: "P6").map { String(decoding: $0, as: UTF8.self) } == "record of P6: thợ hàn sáu, sửa lại")
            #expect(try index.snapshot.storedFields(of: "P4") == nil)
            #expect(try index.search(SearchQuery("thợ hàn")).hits.allSatisfy { $0.stored == nil })  // only when asked
        }
        try check(index)
        index.optimize()
        try check(index)
        let path = temporaryPath("stored.hzix")
        try index.save(to: path)
        try check(try SearchIndex.open(path: path, schema: jobSchema))
    }

    /// Documents that store nothing cost no stored-field bytes; merged with documents that
    /// do, each keeps what it had, in memory and in a file.
    @Test func segmentsWithoutRecordsLeaveTheStoredSectionsEmpty() throws {
        let index = SearchIndex(schema: jobSchema, maximumSegments: 10)
        try index.add((0..<50).map { document("N\($0)", title: "thợ hàn") })
        let bare = try #require(index.snapshot.segments.first)
        #expect(!bare.storesRecords)
        #expect(try bare.stored(0).isEmpty)
        try index.add([stored("S1", "thợ hàn có hồ sơ")])
        index.optimize()
        let merged = try #require(index.snapshot.segments.first)
        #expect(merged.storesRecords)
        let path = temporaryPath("bare.hzix")
        try index.save(to: path)
        let reopened = try SearchIndex.open(path: path, schema: jobSchema)
        #expect(try reopened.snapshot.storedFields(of: "S1").map { String(decoding: $0, as: UTF8.self) } == "record of S1: thợ hàn có hồ sơ")
        #expect(try reopened.snapshot.storedFields(of: "N7") == [])
        // A file of bare documents only: 12 bytes a document smaller than one that stores empty records.
        let bareIndex = SearchIndex(schema: jobSchema)
        try bareIndex.add((0..<1_000).map { document("N\($0)", title: "thợ hàn") })
        let barePath = temporaryPath("bare-only.hzix")
        try bareIndex.save(to: barePath)
        let recordsIndex = SearchIndex(schema: jobSchema)
        try recordsIndex.add((0..<1_000).map { n -> IndexDocument in
            var doc = document("N\(n)", title: "thợ hàn")
            doc.stored = [1]
            return doc
        })
        let recordsPath = temporaryPath("records.hzix")
        try recordsIndex.save(to: recordsPath)
        let bareSize = try #require(try FileManager.default.attributesOfItem(atPath: barePath)[.size] as? Int)
        let recordsSize = try #require(try FileManager.default.attributesOfItem(atPath: recordsPath)[.size] as? Int)
        #expect(recordsSize - bareSize >= 1_000 * 13)
        #expect(try SearchIndex.open(path: barePath, schema: jobSchema).search(SearchQuery("thợ hàn", limit: 5)).hits.count == 5)
    }

    @Test func userDataTravelsWithTheChangeAndTheFile() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.apply(upserts: [stored("P1", "a")], userData: ["sequence": "7"])
        #expect(index.snapshot.userData == ["sequence": "7"])
        try index.apply(upserts: [stored("P2", "b")])  // no user data: kept
        #expect(index.snapshot.userData == ["sequence": "7"])
        let path = temporaryPath("user.hzix")
        try index.save(to: path)
        #expect(try SearchIndex.open(path: path, schema: jobSchema).snapshot.userData == ["sequence": "7"])
    }

    @Test func aDamagedStoredRecordIsAnErrorNotGarbage() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add([stored("P1", "thợ hàn")])
        let path = temporaryPath("damaged.hzix")
        try index.save(to: path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let marker = Array("record of P1".utf8)
        let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[at + 3] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // Opening checks everything but the stored records (checked one by one when read).
        let opened = try SearchIndex.open(path: path, schema: jobSchema)
        #expect(ids(try opened.search(SearchQuery("hàn"))) == ["P1"])
        #expect(throws: IndexError.self) { _ = try opened.search(SearchQuery("hàn", loadsStoredFields: true)) }
    }

    @Test func aBatchBuiltApartIsPublishedAsOneChangeAndTheLaterOfTwoVersionsWins() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add([stored("P1", "thợ hàn"), stored("P2", "thợ tiện")])
        let batch = SegmentBatch(schema: jobSchema, segmentSize: 3)
        for document in [stored("P3", "lái xe nâng"), stored("P1", "lái xe tải"), stored("P4", "kỹ sư"),
                         stored("P3", "lái xe nâng hàng"), stored("P5", "bảo vệ")] {
            try batch.add(document)
        }
        index.publish(batch, userData: ["sequence": "9"])
        #expect(index.documentCount == 5)
        #expect(ids(try index.search(SearchQuery("hàn"))).isEmpty)  // P1's welding version is gone
        #expect(ids(try index.search(SearchQuery("tải"))) == ["P1"])
        #expect(ids(try index.search(SearchQuery("nâng", limit: 10))) == ["P3"])  // one live version of P3
        #expect(try index.snapshot.storedFields(of: "P3").map { String(decoding: $0, as: UTF8.self) } == "record of P3: lái xe nâng hàng")
        #expect(index.snapshot.userData["sequence"] == "9")
    }

    /// A merge runs on a snapshot while writers go on: deletions made meanwhile must
    /// not come back to life in the merged segment.
    @Test func deletionsMadeDuringABackgroundMergeStayDeleted() throws {
        for round in 0..<20 {
            let index = SearchIndex(schema: jobSchema, maximumSegments: 2)
            for n in 0..<6 { try index.apply(upserts: (0..<50).map { stored("S\(n)-\($0)", "công nhân \(n)") }, merging: .later) }
            let merged = Mutex(false)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { merged.withLock { $0 = index.mergeIfNeeded() } }
            var deleted: [String] = []
            for n in 0..<6 {
                let id = "S\(n)-\((round + n * 7) % 50)"
                try index.apply(upserts: [], deletions: [id], merging: .later)
                deleted.append(id)
            }
            group.wait()
            #expect(merged.withLock { $0 })
            #expect(index.documentCount == 300 - 6)
            let all = Set(ids(try index.search(SearchQuery("công nhân", limit: 400))))
            #expect(all.count == 294 && all.isDisjoint(with: deleted), "round \(round)")
        }
    }

    @Test func expungingRewritesSegmentsWithDeletions() throws {
        let index = SearchIndex(schema: jobSchema)
        try index.add((0..<10).map { stored("C\($0)", "hồ sơ \($0)") })
        try index.add([stored("C99", "hồ sơ khác")])
        index.delete(ids: ["C3"])
        #expect(index.mergeIfNeeded(expungingDeletes: true))
        #expect(index.snapshot.deletions.allSatisfy { $0.count == 0 })
        let bytes = index.snapshot.segments.flatMap { Array($0.bytes) }
        #expect(!String(decoding: bytes, as: UTF8.self).contains("record of C3"))
        #expect(index.documentCount == 10)
    }
}
