import CFuzzDriver
import SearchIndex

let index: SearchIndex = {
    let index = SearchIndex(schema: IndexSchema(textFields: [.init("title", weight: 2), .init("body")], keywordFields: ["zone"]))
    let titles = ["Thợ hàn điện", "Công nhân may", "Kỹ sư điện tử", "Lái xe nâng", "Welder 6G", "QC Inspector ISO 9001:2015"]
    try! index.add((0..<300).map { n in
        IndexDocument(id: "P\(n)", text: ["title": titles[n % titles.count], "body": "ca ngày \(n % 7) hàn may điện \(n % 13)"],
                      keywords: ["zone": ["KCN \(n % 3)"]], stored: Array("P\(n)".utf8))
    })
    try! index.add((0..<20).map { IndexDocument(id: "Q\($0)", text: ["title": "công nhân \($0)"]) })
    index.delete(ids: ["P3", "P4"])
    return index
}()

/// Any text as a query (quotes, +, -, accents, anything), in both modes, with and without
/// pruning, counting and common terms: an answer, never a crash; pruned and exhaustive agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 2_000)), as: UTF8.self)
    for mode in [SearchQuery.Mode.any, .all] {
        var query = SearchQuery(text, mode: mode, limit: 7, facets: ["zone"], countsTotalHits: true, explains: true, loadsStoredFields: true)
        guard let first = try? index.search(query) else { continue }
        query.commonTermCutoff = 0.3
        _ = try? index.search(query)
        query.commonTermCutoff = nil
        query.facets = []
        query.countsTotalHits = false
        guard let again = try? index.search(query) else { preconditionFailure("a query answered once failed again") }
        precondition(again.hits.map(\.id) == first.hits.map(\.id), "counting changed the hits")
    }
    return 0
}

/// The entry point SwiftPM gives this executable: libFuzzer's driver, with the function above.
@_cdecl("FuzzQuery_main")
public func fuzzQueryMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    hz_fuzz_main(argc, argv) { data, size in fuzzQuery(data, size) }
}
