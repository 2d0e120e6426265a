import Foundation
import HezaMatchCore
import JobMatching
import JobRecords
import MatchRendering
import Testing

/// The labour report's figures recomputed apart, from the JSONL files with Foundation's JSON reader (not the
/// project's parser, index or board): supply by category and education, postings open in the period, openings by
/// zone where nothing was merged, and fills from referrals made here.
@Suite struct LabourReportTests {
    static let corpus = JobBoardTests.corpus
    let from = CalendarDate(year: 2026, month: 11, day: 1)
    let to = CalendarDate(year: 2026, month: 11, day: 30)

    static func lines(_ file: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: corpus + "/" + file, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func figuresAreReproducibleFromTheRecords() async throws {
        let directory = try temporaryFolder("report")
        let board = try JobBoard.open(storePath: directory.appendingPathComponent("store.sqlite").path, corpus: Self.corpus)
        try board.load(postings: Self.corpus + "/postings.jsonl", profiles: Self.corpus + "/profiles.jsonl")
        let report = try board.labourReport(from: from, to: to)

        // Supply: every profile, by category and by education.
        let profiles = try Self.lines("profiles.jsonl")
        #expect(report.supply.candidates == profiles.count)
        var categories: [String: Int] = [:], educations: [String: Int] = [:]
        for profile in profiles {
            categories[profile["category"] as! String, default: 0] += 1
            educations[(profile["education"] as? String) ?? "none", default: 0] += 1
        }
        #expect(Dictionary(uniqueKeysWithValues: report.supply.byCategory.map { ($0.key, $0.candidates!) }) == categories)
        #expect(Dictionary(uniqueKeysWithValues: report.supply.byEducation.map { ($0.key, $0.candidates!) }) == educations)

        // Demand: postings open in the period (posted by its end, not closed before its start); merged ones counted once.
        let postings = try Self.lines("postings.jsonl").filter { posting in
            ((posting["posted"] as? String).map { $0 <= "2026-11-30" } ?? true) && ((posting["deadline"] as? String).map { $0 >= "2026-11-01" } ?? true)
        }
        let merged = Set(report.duplicates.flatMap(\.merged))
        #expect(report.demand.postings + merged.count == postings.count)
        #expect(report.demand.newPostings == postings.filter { !merged.contains($0["id"] as! String) && ($0["posted"] as! String) >= "2026-11-01" }.count)
        // Openings by zone, for the zones where nothing was merged: the plain sums.
        let touched = Set(report.duplicates.map(\.zone))
        var openings: [String: Int] = [:]
        for posting in postings { openings[(posting["zone"] as? String) ?? "(không khu)", default: 0] += (posting["openings"] as? Int) ?? 1 }
        var compared = 0
        for line in report.demand.byZone where !touched.contains(line.key) {
            #expect(line.openings == openings[line.key], "\(line.key)")
            compared += 1
        }
        #expect(compared >= 5)
        #expect(report.demand.byZone.reduce(0) { $0 + ($1.openings ?? 0) } == report.demand.openings)

        // Tension: a line's candidates are at most the occupation's registered ones; fills from referrals made now.
        for line in report.tension.byOccupation {
            #expect(line.candidates <= (report.supply.byOccupation.first { $0.key == line.key }?.candidates ?? 0))
        }
        #expect(report.fills.referrals == 0)
        let made = try await board.simulateReferrals(postings: 5, perPosting: 3, seed: 1, asOf: CalendarDate(year: 2026, month: 11, day: 25))
        let after = try board.labourReport(from: from, to: to)
        #expect(after.fills.referrals == made.referrals && after.fills.generated == made.referrals)
        #expect(after.fills.byOccupation.reduce(0) { $0 + $1.referrals } == made.referrals)
    }

    @Test func vietnameseNumbersAndDates() {
        #expect(VietnameseNumber.text(1408) == "1.408")
        #expect(VietnameseNumber.text(-2_500_000) == "-2.500.000")
        #expect(VietnameseNumber.text(999) == "999")
        #expect(VietnameseNumber.text(0.456, places: 2) == "0,46")
        #expect(VietnameseNumber.text(1234.5, places: 1) == "1.234,5")
        #expect(VietnameseNumber.date(CalendarDate(year: 2026, month: 12, day: 6)) == "06/12/2026")
    }
}
