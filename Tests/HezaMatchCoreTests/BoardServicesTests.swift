import Foundation
@testable import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage
import Testing

/// Each of the board's services works alone over a core (no ``JobBoard``), and gives what the facade gives.
@Suite struct BoardServicesTests {
    private func core() throws -> (BoardCore, URL) {
        let folder = try temporaryFolder("services")
        let core = BoardCore(store: try SQLiteJobStore(path: folder.appendingPathComponent("s.sqlite").path),
                             reference: try ReferenceData.load(directory: JobBoardTests.corpus), indexPathPrefix: nil,
                             accessRetention: 3600, log: { _ in })
        return (core, folder)
    }

    @Test func servicesAnswerAloneOverACore() async throws {
        let (core, folder) = try core()
        defer { try? FileManager.default.removeItem(at: folder) }
        var welder = JobPosting(id: "P1", employer: "Công ty A", title: "Thợ hàn")
        welder.zone = "KCN Đình Vũ"
        welder.openings = 3
        var candidate = CandidateProfile(id: "C1", name: "Nguyễn Văn A", category: .dischargedSoldier)
        candidate.skills = ["hàn điện"]
        candidate.phone = "0912345678"
        _ = try await Records(core: core).upsert(postings: [.init(line: 1, value: welder, json: try JSONValueEncoder.text(welder))],
                                                 profiles: [.init(line: 1, value: candidate, json: try JSONValueEncoder.text(candidate))])
        let asOf = CalendarDate(year: 2026, month: 11, day: 23)

        // Searching, Matching, Audit, LabourReports: each alone.
        let found = try Searching(core: core).search(JobMatcher.Search(text: "tho han", asOf: asOf))
        #expect(found.results.map(\.id) == ["P1"])
        let list = try await Matching(core: core).shortlist(for: "P1", asOf: asOf, limit: 10, requester: Requester(label: "counsellor"))
        #expect(list.results.map(\.id) == ["C1"] && list.results.first?.phone == "0912345678")
        #expect(try Audit(core: core).accessRecords().contains { $0.action == "shortlist" && $0.profileIDs == ["C1"] })
        let report = try LabourReports(core: core).labourReport(from: asOf, to: asOf)
        #expect(report.demand.postings == 1 && report.demand.openings == 3 && report.supply.candidates == 1)

        // The facade over the same core gives the same answers.
        let board = JobBoard(core: core)
        #expect(try board.search(JobMatcher.Search(text: "tho han", asOf: asOf)) == found)
        #expect(try board.labourReport(from: asOf, to: asOf) == report)
    }
}
