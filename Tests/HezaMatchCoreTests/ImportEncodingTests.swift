import Foundation
import Testing
import JobRecords
import VietnameseText
@testable import HezaMatchCore

/// Imports in old encodings: detected per line, repaired per value, refused with line and
/// field when they cannot be read, and what was decided is said.
@Suite struct ImportEncodingTests {
    let directory: URL
    let storePath: String
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path

    init() throws {
        directory = try temporaryFolder("encoding")
        storePath = directory.appendingPathComponent("store.sqlite").path
    }

    static let postings = [
        #"{"id":"E1","employer":"Công ty TNHH Cơ khí Đông Hải","title":"Thợ hàn điện","skills":["hàn điện","đọc bản vẽ"]}"#,
        #"{"id":"E2","employer":"Công ty CP Kho vận Đình Vũ","title":"Nhân viên lái xe nâng","requirements":"Ưu tiên bộ đội xuất ngũ"}"#,
    ]

    /// `lines` written in `encoding` (only the non-ASCII text changes: JSON's syntax is ASCII).
    private func file(_ name: String, _ lines: [String], _ encoding: LegacyEncoding?) throws -> String {
        let path = directory.appendingPathComponent(name).path
        var bytes: [UInt8] = []
        for line in lines { bytes += (encoding.map { $0.encode(line)! } ?? Array(line.utf8)) + [0x0A] }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func stored(_ board: JobBoard) throws -> [String] {
        try Self.postings.indices.compactMap { try board.posting(id: "E\($0 + 1)").map { "\($0.employer)|\($0.title)" } }
    }

    private var expected: [String] { ["Công ty TNHH Cơ khí Đông Hải|Thợ hàn điện", "Công ty CP Kho vận Đình Vũ|Nhân viên lái xe nâng"] }

    @Test(arguments: LegacyEncoding.byteEncodings)
    func aFileInAnOldEncodingIsDetected(_ encoding: LegacyEncoding) throws {
        let board = try JobBoard.open(storePath: storePath, corpus: Self.corpus)
        let report = try board.load(postings: try file("old.jsonl", Self.postings, encoding))
        #expect(report.postingsLoaded == 2)
        #expect(try stored(board) == expected)
        #expect(report.encodings.count == 1 && report.encodings[0].contains("2 lines read as"), "\(report.encodings)")
        #expect(try board.search(.init(text: "tho han dien", asOf: CalendarDate("2026-11-20")!)).results.first?.id == "E1")
    }

    @Test(arguments: LegacyEncoding.allCases)
    func aNamedEncodingIsReadAsIs(_ encoding: LegacyEncoding) throws {
        let board = try JobBoard.open(storePath: storePath, corpus: Self.corpus)
        let report = try board.load(postings: try file("named.jsonl", Self.postings, encoding), encoding: ImportEncoding(rawValue: encoding.rawValue)!)
        #expect(report.postingsLoaded == 2)
        #expect(try stored(board) == expected)
    }

    @Test func misreadValuesAreRepairedAndOthersLeftAlone() throws {
        let lines = [
            #"{"id":"E1","employer":"C«ng ty TNHH C¬ khÝ §«ng H¶i","title":"Thợ hàn điện","skills":["hàn điện"]}"#,  // one value misread
            #"{"id":"E2","employer":"Coâng ty CP Kho vaän Ñình Vuõ","title":"Nhaân vieân laùi xe naâng"}"#,
            #"{"id":"E3","employer":"Pegatron® Việt Nam","title":"Kỹ sư điện tử ½ thời gian"}"#,
        ]
        let board = try JobBoard.open(storePath: storePath, corpus: Self.corpus)
        let report = try board.load(postings: try file("misread.jsonl", lines, nil))
        let found = try stored(board)
        #expect(found == expected, "\(found)")
        #expect(try board.posting(id: "E3")?.employer == "Pegatron® Việt Nam")
        #expect(try board.posting(id: "E3")?.title == "Kỹ sư điện tử ½ thời gian")
        let said = report.encodings.joined()
        #expect(said.contains("1 value repaired from TCVN3 (ABC)") && said.contains("2 values repaired from VNI-Windows"), "\(said)")
        // As written, with utf8: nothing repaired.
        let again = try JobBoard.open(storePath: directory.appendingPathComponent("raw.sqlite").path, corpus: Self.corpus)
        let raw = try again.load(postings: try file("misread2.jsonl", lines, nil), encoding: .utf8)
        let title = try again.posting(id: "E2")?.title
        #expect(raw.encodings.isEmpty && title == "Nhaân vieân laùi xe naâng")
    }

    @Test func unreadableLinesAreRefusedWithLineAndField() throws {
        let board = try JobBoard.open(storePath: storePath, corpus: Self.corpus)
        try board.load(postings: try file("first.jsonl", [Self.postings[0]], nil))
        // 0x81 is undefined in Windows-1258; 0xFF 0xFE … reads as no Vietnamese in any encoding.
        var bad = Array(#"{"id":"E9","employer":"X","title":"A"#.utf8) + [0x81] + Array(#""}"#.utf8)
        let path = directory.appendingPathComponent("bad.jsonl").path
        try Data(LegacyEncoding.cp1258.encode(Self.postings[1])! + [0x0A] + bad + [0x0A]).write(to: URL(fileURLWithPath: path))
        do {
            try board.load(postings: path, encoding: .cp1258)
            Issue.record("a line with an undefined byte was loaded")
        } catch let failure as LoadFailure {
            #expect(failure.problems.map(\.line) == [2] && failure.problems[0].field == "title" && failure.problems[0].file == path, "\(failure.problems)")
            #expect(failure.problems[0].message.contains("Windows-1258"))
        }
        bad = Array(#"{"id":"E9","employer":"X","title":""#.utf8) + [0xFF, 0xFE, 0xFD, 0xFC] + Array(#""}"#.utf8)
        try Data(bad + [0x0A]).write(to: URL(fileURLWithPath: path))
        do {
            try board.load(postings: path)
            Issue.record("bytes that read as nothing were loaded")
        } catch let failure as LoadFailure {
            #expect(failure.problems.first?.field == "title" && failure.problems.first?.message.contains("--encoding") == true)
        }
        // Nothing stored before is lost, nothing of the refused files is stored.
        let kept = try ["E1", "E2", "E9"].map { try board.posting(id: $0) != nil }
        #expect(kept == [true, false, false])
    }
}
