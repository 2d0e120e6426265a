import CFuzzDriver
import Foundation
@testable import SearchIndex

let schema = IndexSchema(textFields: [.init("title", weight: 2), .init("body")], keywordFields: ["zone"], numericFields: ["salary"])
let path = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-fuzz-\(getpid()).hzix").path
let queries = [SearchQuery("thợ hàn", limit: 5, facets: ["zone"], countsTotalHits: true, explains: true, loadsStoredFields: true),
               SearchQuery("\"công nhân\" +may -ca", mode: .all, limit: 3, explains: true, loadsStoredFields: true),
               SearchQuery("", filters: [.range("salary", atLeast: 1), .keyword("zone", anyOf: ["KCN 1"])], limit: 3)]

/// Damaged index files, two ways. First byte even: the rest is a whole file, opened as a
/// user's would be (header checksum, segments' checksums, structure). Odd: the rest is one
/// segment, opened without the file's checksums, so that damage reaches the structure checks;
/// when it opens, every query algorithm and every stored record is run over it. Refused with
/// an IndexError or answered: never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndexFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let rest = UnsafeBufferPointer(start: data + 1, count: size - 1)
    if data[0] % 2 == 0 {
        FileManager.default.createFile(atPath: path, contents: Data(buffer: rest))
        guard let index = try? SearchIndex.open(path: path, schema: schema) else { return 0 }
        exercise(index.snapshot)
    } else {
        guard let segment = try? Segment(bytes: Array(rest)), segment.fieldCount == schema.textFields.count,
              segment.keywordFieldCount == schema.keywordFields.count, segment.numericFieldCount == schema.numericFields.count else { return 0 }
        var snapshot = IndexSnapshot(schema: schema, segments: [segment], deletions: [DeletionSet(documentCount: segment.documentCount)])
        snapshot.refreshStatistics()
        exercise(snapshot)
    }
    return 0
}

private func exercise(_ snapshot: IndexSnapshot) {
    for query in queries { _ = try? Searcher(snapshot: snapshot).search(query) }
    try? snapshot.forEachStoredFields { _, _ in }
}

/// The entry point SwiftPM gives this executable: libFuzzer's driver, with the function above.
@_cdecl("FuzzIndexFile_main")
public func fuzzIndexFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    hz_fuzz_main(argc, argv) { data, size in fuzzIndexFile(data, size) }
}
