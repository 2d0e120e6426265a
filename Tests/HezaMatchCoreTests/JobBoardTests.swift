import Foundation
@testable import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import Testing
import JobStorage

/// The serving core: one owner of store and indexes, kept in step through the change feed.
@Suite struct JobBoardTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path
    let asOf = CalendarDate(year: 2026, month: 11, day: 23)
    let counsellor = Requester(label: "counsellor-lan")
    let directory: URL

    init() throws {
        directory = try temporaryFolder("board")
    }

    private var storePath: String { directory.appendingPathComponent("store.sqlite").path }
    private func board() throws -> JobBoard { try JobBoard.open(storePath: storePath, corpus: Self.corpus) }

    private func write(_ name: String, _ lines: [String]) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func records<T: JSONRecord>(_ type: T.Type, _ lines: [String]) throws -> [JSONLinesLoader.Record<T>] {
        try JSONLinesLoader.load(type, from: Array(lines.joined(separator: "\n").utf8), file: "test")
    }

    private let welder = #"{"id":"P1","employer":"Cơ khí Nam Cầu Kiền","zone":"KCN Nam Cầu Kiền","title":"Thợ hàn","skills":["hàn điện"],"deadline":"2026-12-31"}"#
    private let driver = #"{"id":"P2","employer":"Cảng Lạch Huyện","zone":"KCN Cảng cửa ngõ quốc tế Hải Phòng","title":"Tài xế xe tải","skills":["bằng lái C"],"deadline":"2026-12-31"}"#
    private let soldier = #"{"id":"C1","name":"Trần Văn Hùng","phone":"0911222333","category":"discharged_soldier","education":"intermediate_vocational","skills":["hàn điện"],"birth_year":1998,"district":"Thủy Nguyên"}"#

    /// A text typed without accents is searched in its likely reading (which ranks the postings
    /// written that way first) and offered as "did you mean"; every folded match still matches.
    @Test func accentsArePutBackOnASearch() throws {
        let board = try board()
        let lines = [
            #"{"id":"A1","employer":"Xưởng gỗ","title":"Bàn hàng","deadline":"2026-12-31"}"#,
            #"{"id":"A2","employer":"Siêu thị","title":"Nhân viên bán hàng","deadline":"2026-12-31"}"#,
            #"{"id":"A3","employer":"Cửa hàng","title":"Trưởng nhóm bán hàng","deadline":"2026-12-31"}"#,
        ]
        try board.load(postings: try write("accents.jsonl", lines))
        let asOf = CalendarDate("2026-11-23")!
        let answer = try board.search(JobMatcher.Search(text: "ban hang", asOf: asOf))
        #expect(answer.didYouMean == "bán hàng")
        #expect(answer.results.last?.id == "A1")  // "bàn hàng" (a counter) after both "bán hàng"
        #expect(Set(answer.results.map(\.id)) == ["A1", "A2", "A3"])
        // Typed with accents, or searched as typed: no suggestion.
        #expect(try board.search(JobMatcher.Search(text: "bán hàng", asOf: asOf)).didYouMean == nil)
        var literal = JobMatcher.Search(text: "ban hang", asOf: asOf)
        literal.understands = false
        let plain = try board.search(literal)
        #expect(plain.didYouMean == nil)
        #expect(plain.results.first?.id == "A1")  // as typed, the shortest title comes first
    }

    /// A place typed with other words is ranked first, not filtered on: the job in the place, then
    /// nearby, then farther, then other jobs in the place; never nothing because nobody there hires for it.
    @Test func aPlaceWithTheJobNearbyButNotThere() throws {
        let board = try board()
        let lines = [
            #"{"id":"W-far","employer":"Thép","zone":"KCN Tràng Duệ","title":"Thợ hàn","deadline":"2026-12-31"}"#,
            #"{"id":"W-near","employer":"Cơ khí","zone":"KCN Nam Đình Vũ","title":"Thợ hàn","deadline":"2026-12-31"}"#,
            #"{"id":"K-there","employer":"Kho","zone":"KCN Đình Vũ","title":"Thủ kho","skills":["hàn nhãn"],"deadline":"2026-12-31"}"#,
            #"{"id":"W-there-closed","employer":"Cơ khí","zone":"KCN Đình Vũ","title":"Thợ hàn","deadline":"2026-11-01"}"#,
        ]
        try board.load(postings: try write("places.jsonl", lines))
        let asOf = CalendarDate("2026-11-23")!
        let answer = try board.search(JobMatcher.Search(text: "thợ hàn đình vũ", asOf: asOf))
        #expect(answer.results.map(\.id) == ["W-near", "W-far", "K-there"])
        #expect(answer.understoodText == "Đã hiểu: khu KCN Đình Vũ (xếp trước)")
        #expect(answer.understood?.first?.preferred == true)
        // The place alone is a filter: every open posting there, nothing elsewhere.
        let alone = try board.search(JobMatcher.Search(text: "KCN Đình Vũ", asOf: asOf))
        #expect(alone.results.map(\.id) == ["K-there"])
        #expect(alone.understood?.first?.preferred == nil)
    }

    /// An employer typed in the words ranks its postings first, and is said.
    @Test func anEmployerInTheWords() throws {
        let board = try board()
        let lines = [
            #"{"id":"E1","employer":"Công ty TNHH LG Display Việt Nam Hải Phòng","title":"Công nhân lắp ráp","deadline":"2026-12-31"}"#,
            #"{"id":"E2","employer":"Công ty TNHH Pegatron Việt Nam","title":"Công nhân lắp ráp","deadline":"2026-12-31"}"#,
            #"{"id":"E3","employer":"Công ty TNHH LG Innotek Việt Nam Hải Phòng","title":"Kỹ sư","deadline":"2026-12-31"}"#,
        ]
        try board.load(postings: try write("employers.jsonl", lines))
        let asOf = CalendarDate("2026-11-23")!
        let answer = try board.search(JobMatcher.Search(text: "cong nhan lg", asOf: asOf))
        #expect(answer.results.map(\.id) == ["E1", "E3", "E2"])  // LG's first (E3 by the word "công" of "Công ty"), then elsewhere
        #expect(answer.understoodText == "Đã hiểu: doanh nghiệp LG (xếp trước)")
        var literal = JobMatcher.Search(text: "cong nhan lg", asOf: asOf)
        literal.understands = false
        #expect(try board.search(literal).results.map(\.id).contains("E2"))  // as typed: no filter
    }

    @Test func theToolAndTheServerAnswerTheSameFields() async throws {
        let board = try board()
        try board.load(postings: try write("p.jsonl", [welder, driver]), profiles: try write("c.jsonl", [soldier]))
        let matches = try JSONValueEncoder.value(try await board.matches(for: "C1", asOf: asOf, limit: 5, requester: counsellor))
        guard case .object(let answer) = matches, case .array(let results)? = answer["results"], case .object(let first)? = results.first else {
            Issue.record("no results"); return
        }
        #expect(first["id"] == .string("P1"))
        for key in ["score", "explanation", "reasons", "title", "employer", "zone", "deadline"] { #expect(first[key] != nil, "\(key)") }
        #expect(!matches.text.contains("0911222333") && !matches.text.contains("Trần Văn Hùng"))
        let shortlist = try await board.shortlist(for: "P1", asOf: asOf, limit: 5, requester: counsellor)
        #expect(shortlist.results.first?.name == "Trần Văn Hùng" && shortlist.results.first?.phone == "0911222333")
        #expect(try await board.shortlist(for: "P1", asOf: asOf, limit: 5, requester: nil).results.first?.name == nil)
        // Each read of personal data is recorded: who, what, whose ids; never a name.
        let records = try board.accessRecords()
        #expect(records.map(\.action) == ["shortlist", "matches"])
        #expect(records[0].actor == "counsellor-lan" && records[0].subject == "P1" && records[0].profileIDs == ["C1"] && records[0].people == 1)
        #expect(records[1].subject == "C1")
    }

    /// Another process's writes reach an open board through the feed; a restart
    /// opens the saved file and applies only what came after it.
    @Test func aBoardFollowsTheStoreAndARestartCatchesUp() async throws {
        let server = try board()
        try server.load(postings: try write("p.jsonl", [welder]))
        try server.warmUp()
        // "Another process": a second board on the same store writes.
        let tool = try board()
        try await tool.upsert(postings: try records(JobPosting.self, [driver]))
        #expect(try server.search(JobMatcher.Search(text: "tai xe", asOf: asOf)).results.isEmpty)
        #expect(try server.catchUp() == 1)
        #expect(try server.search(JobMatcher.Search(text: "tai xe", asOf: asOf)).results.map(\.id) == ["P2"])
        try server.saveIndexes()
        // Changes after the save; then a restart.
        _ = try await tool.delete(.posting, id: "P1", requester: counsellor)
        try await tool.upsert(postings: try records(JobPosting.self, [welder.replacingOccurrences(of: "\"P1\"", with: "\"P3\"")]))
        let restarted = try board()
        let status = try restarted.status().tables.first { $0.kind == .posting }!
        #expect(status.indexSequence == nil)  // not opened yet
        #expect(try restarted.search(JobMatcher.Search(text: "tho han", asOf: asOf)).results.map(\.id) == ["P3"])
        #expect(try restarted.status().tables.first { $0.kind == .posting }?.lag == 0)
    }

    @Test func loadingIsAllOrNothingAndKeepsWhatWasStored() throws {
        let board = try board()
        try board.load(postings: try write("p.jsonl", [welder]))
        let bad = try write("bad.jsonl", [driver, #"{"id":"P9","employer":"X"}"#])
        #expect(throws: LoadFailure.self) { try board.load(postings: bad) }
        #expect(try board.posting(id: "P2") == nil)
        #expect(try board.posting(id: "P1")?.title == "Thợ hàn")
        #expect(try board.store.count(of: .posting) == 1)
        #expect(try board.store.sequence(of: .posting) == 1)
    }

    @Test func theAccessRecordForgetsOldEntries() async throws {
        let board = try JobBoard.open(storePath: storePath, corpus: Self.corpus, accessRetention: 3600)
        try await board.store.recordAccess(AccessRecord(at: Date().addingTimeInterval(-7200), actor: "old", action: "shortlist",
                                                         subject: "P1", profileIDs: ["C1"]), retention: 3600)
        #expect(try board.accessRecords().isEmpty)  // written, then purged as older than the retention
        try await board.store.recordAccess(AccessRecord(actor: "new", action: "shortlist", subject: "P1", profileIDs: ["C1", "C2"]),
                                           retention: 3600)
        let records = try board.accessRecords()
        #expect(records.map(\.actor) == ["new"] && records[0].people == 2)
    }

    @Test func pagesHaveALimit() throws {
        let board = try board()
        var search = JobMatcher.Search(text: "tho", asOf: asOf)
        search.offset = 9_990
        search.limit = 20
        #expect(throws: MatchError.self) { _ = try board.search(search) }
    }

    /// Erasure: after deleting a candidate, no file the project wrote holds the name or the phone.
    @Test func deletingACandidateErasesTheirBytesFromEveryFile() async throws {
        let name = "Phạm Thị Xoan Erasable"
        let phone = "0987654321"
        let person = #"{"id":"C9","name":"\#(name)","phone":"\#(phone)","category":"graduate","summary":"ghi chú riêng","skills":["hàn điện"]}"#
        let board = try board()
        try board.load(postings: try write("p.jsonl", [welder]), profiles: try write("c.jsonl", [soldier, person]))
        try await board.upsert(profiles: try records(CandidateProfile.self, [person]))  // a second version, in the WAL
        try board.warmUp()
        try board.saveIndexes()
        #expect(try await board.shortlist(for: "P1", asOf: asOf, limit: 5, requester: counsellor).results.contains { $0.name == name })
        #expect(try await board.delete(.profile, id: "C9", requester: counsellor))
        board.waitForErasure()
        try board.saveIndexes()
        // The inputs the test wrote are not the project's files.
        try FileManager.default.removeItem(atPath: directory.appendingPathComponent("c.jsonl").path)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
            for secret in [name, phone, "ghi chú riêng"] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in \(file)")
            }
        }
        #expect(try board.profile(id: "C9") == nil)
        #expect(try await board.shortlist(for: "P1", asOf: asOf, limit: 5, requester: counsellor).results.map(\.id) == ["C1"])
        #expect(try board.accessRecords().first?.action == "shortlist" && (try board.accessRecords()).contains { $0.action == "erase" && $0.subject == "C9" })
    }
}
