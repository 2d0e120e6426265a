import Foundation
import Testing

/// `hezamatch fair` on the bundled Corpus's September batch, as an organiser runs it.
@Suite struct FairCommandTests {
    let directory: URL
    let store: String
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-fair-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("store.sqlite").path
    }

    private func run(_ arguments: [String]) throws -> HezaMatchTool.Result {
        try HezaMatchTool.run(arguments + ["--store", store, "--corpus", corpus])
    }

    private func indexed() throws {
        let result = try run(["index", "--postings", corpus + "/postings.jsonl", "--profiles", corpus + "/profiles.jsonl"])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func theSeptemberBatchIsPlannedWithinItsCapacities() throws {
        try indexed()
        let result = try run(["fair", "--batch", "2026-09", "--as-of", "2026-11-20", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let fair = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let booths = try #require(fair["booths"] as? [[String: Any]])
        let summary = try #require(fair["summary"] as? [String: Any])
        // The batch HEZA reported: 18 enterprises, 1,408 workers.
        #expect(booths.count == 18 && summary["openings"] as? Int == 1408)
        var visits: [String: Int] = [:]
        var relatedPlaced = 0
        var elsewhere = Set<String>()
        for booth in booths {
            let candidates = try #require(booth["candidates"] as? [[String: Any]])
            #expect(candidates.count <= booth["capacity"] as! Int)
            #expect(booth["capacity"] as? Int == max(10, 2 * (booth["openings"] as! Int)))
            // Those of the trade, then those of a related trade or for general work, each best first, each with a time and
            // a reason that names the trade, or says there was no booth of theirs (or theirs were full) and which trade is
            // near or that the work needs none.
            let ofTheTrade = candidates.filter { ($0["explanation"] as! String).hasPrefix("Đúng nghề") }
            let related = candidates.filter { candidate in
                ["Không có gian đúng nghề", "Gian đúng nghề đã đủ chỗ"].contains { (candidate["explanation"] as! String).hasPrefix($0) }
            }
            #expect(ofTheTrade.count + related.count == candidates.count)
            #expect(related.allSatisfy { ["nghề gần: ", "Việc phổ thông, không cần nghề"].contains(where: ($0["explanation"] as! String).contains) })
            for group in [ofTheTrade, related] {
                let scores = group.map { $0["score"] as! Double }
                #expect(scores == scores.sorted(by: >))
            }
            #expect(candidates.map { $0["id"] as! String } == (ofTheTrade + related).map { $0["id"] as! String })
            #expect(candidates.allSatisfy { ($0["time"] as! String).count == 5 })
            relatedPlaced += related.count
            for candidate in candidates { visits[candidate["id"] as! String, default: 0] += 1 }
            elsewhere.formUnion(related.map { $0["id"] as! String })
        }
        #expect(visits.values.allSatisfy { $0 <= 3 })
        #expect(summary["placed_candidates"] as? Int == visits.count)
        // Places the trade left went to others (560 on this Corpus), each at one booth: a second visit comes after them.
        #expect(relatedPlaced > 0 && elsewhere.allSatisfy { visits[$0] == 1 })
        // Everyone who fits a booth is placed or listed as unplaced.
        let unplaced = try #require(fair["unplaced"] as? [String])
        #expect(Set(unplaced).isDisjoint(with: visits.keys) && unplaced.count + visits.count == summary["eligible_candidates"] as? Int)
        // No personal data in the JSON.
        #expect(!result.standardOutput.contains("\"name\"") && !result.standardOutput.contains("\"phone\""))
        let gaps = try #require(fair["gaps"] as? [[String: Any]])
        #expect(gaps.contains { ($0["course"] as? String) == "chứng chỉ vận hành xe nâng" && ($0["employers"] as? [String])?.count == 4 })
    }

    @Test func theBookletAndTheSpreadsheetCarryTheContacts() throws {
        try indexed()
        let html = directory.appendingPathComponent("fair.html").path
        let booklet = try run(["fair", "--postings", "P-0003,P-0008", "--as-of", "2026-11-20", "--format", "html", "--output", html])
        #expect(booklet.status == 0, "\(booklet.standardError)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Gian 1") && page.contains("Gian 2") && page.contains("Bạn nên ghé các gian"))
        #expect(page.contains("counter(pages)") && page.contains("display: table-header-group"))
        #expect(page.range(of: #"0900 \d{3} \d{3}"#, options: .regularExpression) != nil)  // phones, for the booths
        let csv = try run(["fair", "--postings", "P-0003", "--as-of", "2026-11-20", "--format", "csv"])
        #expect(csv.status == 0 && csv.standardOutput.hasPrefix("\u{FEFF}Gian,Mã tin,Doanh nghiệp"))
        // Who read the contacts is recorded.
        let audit = try run(["audit"])
        #expect(audit.standardOutput.contains("fair"))
    }

    @Test func badRequestsAreRefusedClearly() throws {
        try indexed()
        let unknown = try run(["fair", "--postings", "P-0001,P-9999", "--as-of", "2026-11-20"])
        #expect(unknown.status != 0 && unknown.standardError.contains("P-9999"))
        let closed = try run(["fair", "--postings", "P-0008", "--as-of", "2026-12-20"])
        #expect(closed.status != 0 && closed.standardError.contains("closed"))
        let both = try run(["fair", "--postings", "P-0001", "--batch", "2026-09"])
        #expect(both.status != 0 && both.standardError.contains("either --postings or --batch"))
        let noBatch = try run(["fair", "--batch", "1999-01"])
        #expect(noBatch.status != 0 && noBatch.standardError.contains("1999-01"))
    }
}
