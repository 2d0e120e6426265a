import Foundation
import Testing

/// `hezamatch index/search/match/shortlist`, run as a counsellor runs them, on small files.
@Suite struct MatchingCommandTests {
    let directory: URL
    let store: String
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path

    static let postings = """
        {"id":"P1","employer":"Công ty CP Đóng tàu Hàng Hải","zone":"KCN Hàng Hải","district":"Thủy Nguyên","title":"Thợ hàn điện","skills":["hàn điện","hàn TIG"],"education_min":"elementary_vocational","audiences":["discharged_soldier"],"age_min":18,"age_max":40,"salary_min":10000000,"salary_max":14000000,"housing":true,"deadline":"2026-12-31"}
        {"id":"P2","employer":"Công ty TNHH LG Display Việt Nam Hải Phòng","zone":"KCN Tràng Duệ","title":"Kỹ sư điện tử","skills":["PCB"],"education_min":"university","deadline":"2027-01-31"}
        {"id":"P3","employer":"Công ty CP Kho vận Đình Vũ","zone":"KCN Đình Vũ","title":"Lái xe nâng","skills":["lái xe nâng"],"deadline":"2026-11-01"}

        {"id":"P4","employer":"<script>alert(1)</script>","zone":"KCN Đình Vũ","title":"Tài xế xe tải","skills":["bằng lái C"]}
        """
    static let profiles = """
        {"id":"C1","name":"Trần Văn Hùng","phone":"0900000001","category":"discharged_soldier","education":"intermediate_vocational","skills":["hàn điện","lái xe"],"birth_year":1998,"district":"Yên Bái","needs_housing":true}
        {"id":"C2","name":"Nguyễn Thị Lan","phone":"0900000002","category":"graduate","education":"university","major":"Điện tử viễn thông","skills":["PCB","SMT"],"birth_year":2002,"district":"An Dương"}
        {"id":"C3","name":"Lê Văn Nam","phone":"0900000003","category":"vocational_student","education":"elementary_vocational","skills":["hàn TIG"],"birth_year":2004,"district":"Thủy Nguyên"}
        """

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("store.sqlite").path
        try Self.postings.write(to: directory.appendingPathComponent("postings.jsonl"), atomically: true, encoding: .utf8)
        try Self.profiles.write(to: directory.appendingPathComponent("profiles.jsonl"), atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String], input: String? = nil) throws -> HezaMatchTool.Result {
        try HezaMatchTool.run(arguments + ["--store", store, "--corpus", corpus], input: input)
    }

    private func indexed() throws {
        let result = try run(["index", "--postings", directory.appendingPathComponent("postings.jsonl").path,
                              "--profiles", directory.appendingPathComponent("profiles.jsonl").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("loaded 4 postings and 3 profiles"))
    }

    private func results(_ output: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        return try #require(object?["results"] as? [[String: Any]])
    }

    /// A newcomer's first command, in a folder without a store: the commands that read say there is no store and
    /// how to make one, and leave nothing behind (they once made an empty store and an index file).
    @Test func aCommandThatReadsLeavesNothingWhereThereIsNoStore() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for arguments in [["match", "C-00015"], ["search", "thợ hàn"], ["shortlist", "P1"], ["status"], ["delete", "--profile", "C1"]] {
            let result = try run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.standardError.contains("there is no store at \(store)") && result.standardError.contains("hezamatch index --store"),
                    "\(arguments): \(result.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before)
        try indexed()
        #expect(try run(["status"]).status == 0)
    }

    @Test func matchAnswersInTheSchemaShapeWithoutPersonalData() throws {
        try indexed()
        let result = try run(["match", "C1", "--as-of", "2026-11-23", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let hits = try results(result.standardOutput)
        #expect(hits.map { $0["id"] as? String } == ["P1", "P4"])  // P2 needs university, P3 has closed
        #expect(hits.allSatisfy { $0["score"] is Double && $0["explanation"] is String })
        #expect((hits[0]["explanation"] as! String).hasPrefix("Đúng nghề: hàn điện"))
        #expect(!result.standardOutput.contains("Trần Văn Hùng") && !result.standardOutput.contains("0900000001"))
    }

    @Test func searchWithoutAccentsAndFilters() throws {
        try indexed()
        let plain = try results(try run(["search", "tho han dien", "--as-of", "2026-11-23", "--json"]).standardOutput)
        #expect(plain.first?["id"] as? String == "P1")
        let filtered = try results(try run(["search", "ky su dien tu", "--as-of", "2026-11-23", "--education", "college", "--json"]).standardOutput)
        #expect(!filtered.contains { $0["id"] as? String == "P2" })
        let zone = try results(try run(["search", "", "--zone", "kcn dinh vu", "--as-of", "2026-11-23", "--json"]).standardOutput)
        #expect(zone.map { $0["id"] as? String } == ["P4"])  // P3 in the same zone has closed
        let bad = try run(["search", "x", "--education", "phd"])
        #expect(bad.status != 0 && bad.standardError.contains("'phd'") && bad.standardError.contains("--education"))
    }

    /// A place typed in the text is understood, said on a line, and can be undone with --literal.
    @Test func aPlaceTypedInTheQuery() throws {
        try indexed()
        let table = try run(["search", "lai xe KCN DINH VU", "--as-of", "2026-11-23"])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.hasPrefix("Đã hiểu: khu KCN Đình Vũ"))
        let json = try run(["search", "lai xe KCN DINH VU", "--as-of", "2026-11-23", "--json"]).standardOutput
        #expect(try results(json).map { $0["id"] as? String } == ["P4"])  // P3, same zone, has closed
        #expect(json.contains(#""understood":[{"field":"zone","preferred":true,"value":"KCN Đình Vũ","words":"KCN DINH VU"}]"#))
        let literal = try run(["search", "lai xe KCN DINH VU", "--as-of", "2026-11-23", "--literal"]).standardOutput
        #expect(!literal.contains("Đã hiểu"))
    }

    /// An English title with no Vietnamese word in common: found by the other language's words.
    @Test func anEnglishTitle() throws {
        let lines = #"{"id":"I1","employer":"LG Display","title":"Korean Interpreter","deadline":"2026-12-31"}"# + "\n"
            + #"{"id":"I2","employer":"Pegatron","title":"Phiên dịch tiếng Hàn","deadline":"2026-12-31"}"# + "\n"
            + #"{"id":"I3","employer":"USI","title":"Thợ hàn","deadline":"2026-12-31"}"# + "\n"
        let file = directory.appendingPathComponent("english.jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        #expect(try run(["index", "--postings", file.path]).status == 0)
        for query in ["interpreter", "phien dich", "translator"] {
            let found = Set(try results(try run(["search", query, "--as-of", "2026-11-23", "--json"]).standardOutput).compactMap { $0["id"] as? String })
            #expect(found == ["I1", "I2"], "\(query): \(found)")
        }
    }

    /// A truck job that asks for licence C: the holder of C first, the reasons say which licence.
    @Test func aLicenceAwareShortlist() throws {
        try indexed()
        let more = """
            {"id":"C4","name":"Phạm Văn Tài","phone":"0900000004","category":"discharged_soldier","skills":["lái xe","bằng lái B2"],"birth_year":1996,"district":"Kiến An"}
            {"id":"C5","name":"Vũ Văn Xe","phone":"0900000005","category":"other","skills":["lái xe","GPLX hạng C"],"birth_year":1990,"district":"Kien Thuy"}
            """
        #expect(try run(["index", "--profiles", "-"], input: more).status == 0)
        let rows = try results(try run(["shortlist", "P4", "--as-of", "2026-11-23", "--json"]).standardOutput)
        let ids = rows.map { $0["id"] as? String }
        #expect(ids.first == "C5")
        let scores = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0["score"] as! Double) })
        #expect(scores["C5"]! - scores["C4"]! > 5)  // the same trade, near both: the licence makes the gap
        let reasons = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0["explanation"] as! String) })
        #expect(reasons["C5"]!.contains("có bằng lái C"))
        #expect(reasons["C4"]!.contains("bằng lái B2, chưa đủ: yêu cầu bằng lái C"))
        #expect(reasons["C1"]!.contains("hồ sơ chưa ghi bằng lái C, cần hỏi"))
        #expect(rows.first { $0["id"] as? String == "C5" }?["district"] as? String == "huyện Kiến Thụy (cũ)")  // today's map's name, not as typed
    }

    @Test func shortlistFormatsForTheJobFair() throws {
        try indexed()
        let json = try results(try run(["shortlist", "P1", "--as-of", "2026-11-23", "--json"]).standardOutput)
        // The two welders first; the engineer (C2) shares only "điện", and comes after them if at all.
        #expect(Array(json.prefix(2)).map { $0["id"] as? String } == ["C1", "C3"])
        #expect(json.count <= 3)
        #expect(json.first?["phone"] as? String == "0900000001")

        let csvPath = directory.appendingPathComponent("p1.csv").path
        #expect(try run(["shortlist", "P1", "--as-of", "2026-11-23", "--format", "csv", "--output", csvPath]).status == 0)
        let csv = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Hạng,Mã hồ sơ,Họ tên,Điện thoại"))
        // The phone stays text with its leading zero in Excel: written in groups, not as a number.
        #expect(text.contains("\r\n1,C1,Trần Văn Hùng,0900 000 001,"))

        let html = try run(["shortlist", "P4", "--as-of", "2026-11-23", "--format", "html"]).standardOutput
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"))

        let markdown = try run(["shortlist", "P1", "--as-of", "2026-11-23", "--format", "markdown"]).standardOutput
        #expect(markdown.hasPrefix("# Thợ hàn điện — Công ty CP Đóng tàu Hàng Hải"))

        let closed = try run(["shortlist", "P3", "--as-of", "2026-11-23"])
        #expect(closed.status != 0 && closed.standardError.contains("closed on 2026-11-01"))
    }

    @Test func aBadFileIsRefusedWholeAndNothingChanges() throws {
        try indexed()
        let bad = directory.appendingPathComponent("bad.jsonl")
        try """
            {"id":"P1","employer":"X","title":"Đã sửa"}
            {"id":"P9","employer":"X"}
            {"id":"P10","employer":"X","title":"t","education_min":"phd"}
            """.write(to: bad, atomically: true, encoding: .utf8)
        let result = try run(["index", "--postings", bad.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("bad.jsonl:2: field 'title': is required but missing"))
        #expect(result.standardError.contains("bad.jsonl:3: field 'education_min': unknown education level 'phd'"))
        let after = try results(try run(["search", "thợ hàn", "--as-of", "2026-11-23", "--json"]).standardOutput)
        #expect(after.first?["title"] as? String == "Thợ hàn điện")  // P1 was not replaced
    }

    @Test func standardInputAndReplacement() throws {
        try indexed()
        let result = try run(["index", "--postings", "-"], input: #"{"id":"P1","employer":"Công ty CP Đóng tàu Hàng Hải","title":"Thợ tiện CNC","deadline":"2026-12-31"}"# + "\n")
        #expect(result.status == 0, "\(result.standardError)")
        let found = try results(try run(["search", "tien cnc", "--as-of", "2026-11-23", "--json"]).standardOutput)
        #expect(found.first?["id"] as? String == "P1")
        #expect(try results(try run(["search", "\"thợ hàn\"", "--as-of", "2026-11-23", "--json"]).standardOutput).isEmpty)
    }
}
