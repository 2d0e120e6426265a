import Foundation
@testable import JobMatching
import JobRecords
@testable import SearchIndex

/// Writes the seed corpora of the fuzz targets into Fuzz/Corpus/ (run once; the seeds are
/// committed): `swift run -c release -Xswiftc -enable-testing MakeFuzzSeeds` from Fuzz/.
@main
struct MakeFuzzSeeds {
    static func main() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = root.appendingPathComponent("Corpus")
        func write(_ target: String, _ name: String, _ bytes: [UInt8]) throws {
            let directory = corpus.appendingPathComponent(target)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        // Index files and segments of the harness's schema.
        let schema = IndexSchema(textFields: [.init("title", weight: 2), .init("body")], keywordFields: ["zone"], numericFields: ["salary"])
        let index = SearchIndex(schema: schema)
        let titles = ["Thợ hàn điện", "Công nhân may", "Kỹ sư điện tử", "Lái xe nâng", "công nhân ca đêm"]
        try index.add((0..<40).map { n in
            IndexDocument(id: "P\(n)", text: ["title": titles[n % 5], "body": "ca ngày \(n % 3) hàn may"], keywords: ["zone": ["KCN \(n % 3)"]],
                          numbers: ["salary": Int64(n)], stored: Array("record \(n)".utf8))
        })
        index.delete(ids: ["P3"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("seed.hzix").path
        try index.save(to: file)
        try write("FuzzIndexFile", "file", [0] + [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        try write("FuzzIndexFile", "segment", [1] + Array(index.snapshot.segments[0].bytes))
        // Stored records.
        let postings = try String(contentsOf: root.deletingLastPathComponent().appendingPathComponent("Corpus/postings.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(5).map(String.init)
        let profiles = try String(contentsOf: root.deletingLastPathComponent().appendingPathComponent("Corpus/profiles.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(5).map(String.init)
        for (n, line) in postings.enumerated() { try write("FuzzStoredRecord", "posting-\(n)", StoredRecord.encode(try JobPosting.read(line).get())) }
        for (n, line) in profiles.enumerated() { try write("FuzzStoredRecord", "profile-\(n)", StoredRecord.encode(try CandidateProfile.read(line).get())) }
        // JSON Lines: real lines, and lines with the problems the loader names.
        try write("FuzzJSONLines", "postings", Array(postings.joined(separator: "\n").utf8))
        try write("FuzzJSONLines", "profiles", Array(profiles.joined(separator: "\n").utf8))
        try write("FuzzJSONLines", "bad", Array("""
            {"id":"P1","employer":"A","title":"t","openings":"12"}
            not json
            {"id":"P2","title":"no employer","skills":["a",3],"deadline":"2026-02-30"}
            [1,2,{"a":"\\u0110\\uD83D\\uDE00"}]
            """.utf8))
        // Text and queries.
        for (n, text) in ["Kỹ sư ĐIỆN TỬ, hoà, thuỷ, KHOẺ", "ky su dien tu", "Thợ hàn 6G; ISO 9001:2015; 19/7/2024",
                          "QC Inspector (Night Shift)", "LG 日本語のテキスト 엘지", "ＬＧ Ｄｉｓｐｌａｙ"].enumerated() {
            try write("FuzzAnalyzer", "text-\(n)", Array(text.utf8))
        }
        for (n, text) in ["thợ hàn", "\"công nhân\" -may +điện", "ky su dien tu", "-ca", "\"\"", "+ - \" \"hàn"].enumerated() {
            try write("FuzzQuery", "query-\(n)", Array(text.utf8))
        }
        print("seeds written to \(corpus.path)")
    }
}
