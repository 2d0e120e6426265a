import Foundation
import Testing

/// Vietnamese as it is really typed and stored, through the real binary: a file in TCVN3
/// (ABC), a query in Telex keystrokes, a query without accents and its "did you mean".
@Suite struct TypedVietnameseTests {
    let directory: URL
    let store: String
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-typed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("store.sqlite").path
    }

    private func run(_ arguments: [String]) throws -> HezaMatchTool.Result {
        try HezaMatchTool.run(arguments + ["--store", store, "--corpus", corpus])
    }

    /// TCVN3 bytes of a postings file: `Kỹ sư điện tử` is `Kü s­ ®iÖn tö` (TCVN 5712:1993).
    private func tcvn3File() throws -> String {
        func line(_ id: String, _ employer: [UInt8], _ title: [UInt8]) -> [UInt8] {
            Array(#"{"id":"\#(id)","employer":""#.utf8) + employer + Array(#"","title":""#.utf8) + title + Array(#"","deadline":"2026-12-31"}"#.utf8) + [0x0A]
        }
        let kySuDienTu: [UInt8] = [0x4B, 0xFC, 0x20, 0x73, 0xAD, 0x20, 0xAE, 0x69, 0xD6, 0x6E, 0x20, 0x74, 0xF6]        // Kỹ sư điện tử
        let congTy: [UInt8] = [0x43, 0xAB, 0x6E, 0x67, 0x20, 0x74, 0x79, 0x20, 0x4C, 0x47]                              // Công ty LG
        let thoHan: [UInt8] = [0x54, 0x68, 0xEE, 0x20, 0x68, 0xB5, 0x6E]                                                // Thợ hàn
        let path = directory.appendingPathComponent("tcvn3.jsonl").path
        try Data(line("T1", congTy, kySuDienTu) + line("T2", congTy, thoHan)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aTCVN3FileATelexQueryAndAnAccentlessOne() throws {
        let indexed = try run(["index", "--postings", try tcvn3File()])
        #expect(indexed.status == 0, "\(indexed.standardError)")
        #expect(indexed.standardOutput.contains("2 lines read as TCVN3 (ABC)"), "\(indexed.standardOutput)")

        let telex = try run(["search", "kyx suw ddieenj tuwr", "--as-of", "2026-11-23"])
        #expect(telex.status == 0)
        #expect(telex.standardOutput.contains("Đã hiểu: kỹ sư điện tử"), "\(telex.standardOutput)")
        #expect(telex.standardOutput.contains("T1") && telex.standardOutput.contains("Kỹ sư điện tử"))

        let bare = try run(["search", "ky su dien tu", "--as-of", "2026-11-23", "--json"])
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(bare.standardOutput.utf8)) as? [String: Any])
        #expect(answer["did_you_mean"] as? String == "kỹ sư điện tử")
        #expect((answer["results"] as? [[String: Any]])?.first?["id"] as? String == "T1")
        let line = try run(["search", "ky su dien tu", "--as-of", "2026-11-23"])
        #expect(line.standardOutput.contains("Có phải bạn tìm: kỹ sư điện tử"))
    }

    /// Telex and VNI typed with Caps Lock on find what the accented query finds, on the bundled Corpus (issue 29).
    @Test func keystrokesInCapitalsFindWhatTheAccentedQueryFinds() throws {
        let indexed = try run(["index", "--postings", corpus + "/postings.jsonl"])
        #expect(indexed.status == 0, "\(indexed.standardError)")
        func ids(_ query: String) throws -> [String] {
            let result = try run(["search", query, "--json", "--as-of", "2026-11-23"])
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            return (object?["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        for (capitals, accented) in [("LAIS XE NAANG", "lái xe nâng"), ("KCN DDINHF VUX", "KCN Đình Vũ"),
                                     ("CO6NG NHA6N", "công nhân"), ("THOWJ HANF", "thợ hàn")] {
            let found = try ids(capitals), expected = try ids(accented)
            #expect(!found.isEmpty && found == expected, "\(capitals)")
        }
    }
}
