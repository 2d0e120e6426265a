import Foundation
@testable import HezaMatchCore
import HezaMatchEvaluation
import JobMatching
import JobRecords
import JobStorage
import Testing

/// Referrals over a board: made with the rank the shortlist gave, answered by the rules, closed when
/// unanswered, counted, judged, erased with the candidate, and seen by another process on the same store.
@Suite struct ReferralTests {
    let directory: URL
    let today = CalendarDate(year: 2026, month: 12, day: 6)
    /// Noon in Hải Phòng, 6 December 2026.
    let noon = Date(timeIntervalSince1970: 1_796_533_200)
    let counsellor = ReferralActor.counsellor(Requester(label: "counsellor-lan"))

    init() throws {
        directory = try temporaryFolder("referrals")
    }

    private var storePath: String { directory.appendingPathComponent("store.sqlite").path }

    private func board() async throws -> JobBoard {
        let board = try JobBoard.open(storePath: storePath, corpus: JobBoardTests.corpus)
        try await board.upsert(
            postings: try JSONLinesLoader.load(JobPosting.self, from: Array("""
                {"id":"P1","employer":"Cơ khí Thử","zone":"KCN Tràng Duệ","title":"Thợ hàn","skills":["hàn điện"],"deadline":"2099-12-31","openings":3}
                {"id":"P2","employer":"May Thử","zone":"KCN Đình Vũ","title":"Công nhân may","skills":["may công nghiệp"],"deadline":"2099-12-31"}
                """.utf8), file: "postings"),
            profiles: try JSONLinesLoader.load(CandidateProfile.self, from: Array("""
                {"id":"C1","name":"Nguyễn Văn Hàn","phone":"0900000001","category":"discharged_soldier","education_level":"upper_secondary","skills":["hàn điện"],"desired_titles":["thợ hàn"]}
                {"id":"C2","name":"Trần Thị Hai","phone":"0900000002","category":"vocational_student","education_level":"vocational","skills":["hàn điện","hàn hơi"],"desired_titles":["thợ hàn"]}
                {"id":"C3","name":"Lê Văn Ba","phone":"0900000003","category":"graduate","education_level":"university","skills":["kế toán"]}
                """.utf8), file: "profiles"))
        return board
    }

    @Test func aReferralRemembersItsRankAndMovesByTheRules() async throws {
        let board = try await board()
        let shortlist = try await board.shortlist(for: "P1", asOf: today, limit: 10, requester: nil)
        let made = try await board.refer(Referral.Request(candidate: "C2", posting: "P1", note: "gọi sáng"), source: .console, asOf: today,
                                         requester: Requester(label: "counsellor-lan"), now: noon)
        let position = try #require(shortlist.results.firstIndex { $0.id == "C2" })
        #expect(made.rank == position + 1 && made.score == shortlist.results[position].score && made.reasons == shortlist.results[position].reasons)
        #expect(made.status == .referred && made.employer == "Cơ khí Thử" && made.category == .vocationalStudent && made.referredBy == "counsellor-lan")
        // Not twice while it waits.
        await #expect(throws: ReferralError.self) {
            _ = try await board.refer(Referral.Request(candidate: "C2", posting: "P1"), source: .api, asOf: today, requester: Requester(label: "x"), now: noon)
        }
        // An employer of another posting does not see it; this one's answers, by the rules.
        let other = ReferralActor.employer("May Thử", Requester(label: "booth-may"))
        let own = ReferralActor.employer("co khi thu", Requester(label: "booth-co-khi"))
        #expect(try board.referrals(for: other).isEmpty)
        await #expect(throws: ReferralError(.unknownReferral, "no referral \(made.id)")) {
            _ = try await board.answerReferral(id: made.id, .init(status: .contacted), by: other, now: noon)
        }
        _ = try await board.answerReferral(id: made.id, .init(status: .interview, interviewAt: "2026-12-09T09:00"), by: own, now: noon + 3_600)
        await #expect(throws: ReferralError.self) {
            _ = try await board.answerReferral(id: made.id, .init(status: .contacted), by: own, now: noon + 7_200)
        }
        let hired = try await board.answerReferral(id: made.id, .init(status: .hired), by: own, now: noon + 3 * 86_400)
        #expect(hired.history.map(\.status) == [.referred, .interview, .hired] && hired.history.last?.by == "booth-co-khi")
        await #expect(throws: ReferralError.self) {
            _ = try await board.answerReferral(id: made.id, .init(status: .refused, reason: .salary), by: counsellor, now: noon + 4 * 86_400)
        }
        // Once final, the candidate may be referred to the posting again.
        _ = try await board.refer(Referral.Request(candidate: "C2", posting: "P1"), source: .api, asOf: today, requester: Requester(label: "x"), now: noon)
    }

    @Test func unansweredReferralsCloseAndOutcomesCountThem() async throws {
        let board = try await board()
        let requester = Requester(label: "counsellor-lan")
        let a = try await board.refer(Referral.Request(candidate: "C1", posting: "P1"), source: .cli, asOf: today, requester: requester, now: noon)
        let b = try await board.refer(Referral.Request(candidate: "C2", posting: "P1"), source: .cli, asOf: today, requester: requester, now: noon)
        let c = try await board.refer(Referral.Request(candidate: "C3", posting: "P2"), source: .cli, asOf: today, requester: requester, now: noon)
        _ = try await board.answerReferral(id: a.id, .init(status: .contacted), by: counsellor, now: noon + 86_400)
        _ = try await board.answerReferral(id: a.id, .init(status: .hired), by: counsellor, now: noon + 5 * 86_400)
        _ = try await board.answerReferral(id: b.id, .init(status: .refused, reason: .experience), by: counsellor, now: noon + 2 * 86_400)
        // c waits: closed after 14 days, not before.
        #expect(try await board.closeUnanswered(days: 14, now: noon + 13 * 86_400) == 0)
        #expect(try await board.closeUnanswered(days: 14, now: noon + 15 * 86_400) == 1)
        #expect(try board.referral(id: c.id, for: counsellor)?.status == .noAnswer)
        let report = try board.outcomes(from: today, to: today, groupedBy: .zone)
        #expect(report.total.referrals == 3 && report.total.hires == 1 && report.total.refusals == 1 && report.total.noAnswer == 1)
        #expect(report.total.contacted == 1 && report.total.refusalsByReason == ["experience": 1])
        #expect(report.total.medianDaysToHire == 5 && report.total.medianDaysToAnswer == 1.5)
        #expect(report.rows.map(\.key) == ["KCN Tràng Duệ", "KCN Đình Vũ"])
        #expect(try board.outcomes(from: today.adding(days: 1), to: nil, groupedBy: nil).total.referrals == 0)
        // Judged by what employers did: P1's two answered referrals, ordered by their rank when referred.
        let evaluation = try board.evaluateOutcomes()
        #expect(evaluation.graded == 3 && evaluation.postings == 1)
        let hiredFirst = (a.rank ?? .max) < (b.rank ?? .max)
        #expect(evaluation.ndcgAt10 == (hiredFirst ? 1 : 0.631))
    }

    @Test func erasingACandidateKeepsOnlyTheAnonymousCounts() async throws {
        let board = try await board()
        let made = try await board.refer(Referral.Request(candidate: "C1", posting: "P1", note: "anh Hàn, gọi sáng"), source: .console, asOf: today,
                                         requester: Requester(label: "counsellor-lan"), now: noon)
        _ = try await board.answerReferral(id: made.id, .init(status: .refused, reason: .distance, note: "nhà xa, 0900000001"), by: counsellor, now: noon + 86_400)
        #expect(try await board.delete(.profile, id: "C1", requester: Requester(label: "counsellor-lan")))
        let stored = try #require(try board.store.documents(of: .referral, ids: [made.id])[made.id])
        #expect(!stored.contains("C1") && !stored.contains("anh Hàn") && !stored.contains("0900000001"))
        let kept = try #require(try board.referral(id: made.id, for: counsellor))
        #expect(kept.erased && kept.candidate == nil && kept.status == .refused && kept.refusal == .distance && kept.category == .dischargedSoldier)
        #expect(try board.referrals(candidate: "C1", for: counsellor).isEmpty)
        #expect(try board.outcomes(from: nil, to: nil, groupedBy: .category).rows.first?.key == "discharged_soldier")
        // The erasing change is in the feed, after the referral's own: a replica applying it erases too.
        let changes = try board.store.changes(of: .referral, after: 0, limit: 10)
        #expect(changes.last?.document?.contains("\"erased\":true") == true)
    }

    /// A move is made on the stored state, whoever wrote it last: an answer after an erasure brings nothing of the
    /// candidate back; another process's stale view cannot close a referral hired meanwhile; a posting corrected to
    /// another employer moves its referrals to that employer's booth.
    @Test func movesAreMadeOnTheStoredState() async throws {
        let first = try await board()
        let requester = Requester(label: "counsellor-lan")
        let a = try await first.refer(Referral.Request(candidate: "C1", posting: "P1", note: "gọi sáng"), source: .cli, asOf: today, requester: requester, now: noon)
        let b = try await first.refer(Referral.Request(candidate: "C2", posting: "P1"), source: .cli, asOf: today, requester: requester, now: noon)
        let second = try JobBoard.open(storePath: storePath, corpus: JobBoardTests.corpus)
        _ = try second.referral(id: b.id, for: counsellor)  // its view, read now
        #expect(try await first.delete(.profile, id: "C1", requester: requester))
        _ = try await second.answerReferral(id: a.id, .init(status: .contacted, note: "đã gọi"), by: counsellor, now: noon + 60)
        let stored = try #require(try first.store.documents(of: .referral, ids: [a.id])[a.id])
        #expect(!stored.contains("\"C1\"") && !stored.contains("gọi sáng") && stored.contains("\"erased\":true"))
        _ = try await first.answerReferral(id: b.id, .init(status: .hired), by: counsellor, now: noon + 120)
        #expect(try await second.closeUnanswered(days: 14, now: noon + 30 * 86_400) == 1)  // a's contact is old; b is hired
        #expect(try first.referral(id: b.id, for: counsellor)?.status == .hired)
        try await first.upsert(postings: try JSONLinesLoader.load(JobPosting.self, from: Array(#"{"id":"P1","employer":"Cơ khí Mới","zone":"KCN Tràng Duệ","title":"Thợ hàn","skills":["hàn điện"],"deadline":"2099-12-31"}"#.utf8), file: "fix"))
        #expect(try first.referrals(for: .employer("Cơ khí Thử", Requester(label: "old"))).isEmpty)
        #expect(try first.referrals(for: .employer("Cơ khí Mới", Requester(label: "new"))).count == 2)
    }

    @Test func anotherProcessSeesTheSameReferrals() async throws {
        let first = try await board()
        let made = try await first.refer(Referral.Request(candidate: "C1", posting: "P1"), source: .cli, asOf: today,
                                         requester: Requester(label: "cli:x"), now: noon)
        let second = try JobBoard.open(storePath: storePath, corpus: JobBoardTests.corpus)
        #expect(try second.referral(id: made.id, for: counsellor)?.status == .referred)
        _ = try await second.answerReferral(id: made.id, .init(status: .contacted), by: counsellor, now: noon + 60)
        #expect(try first.referral(id: made.id, for: counsellor)?.status == .contacted)
    }

    @Test func aFairBoothIsReferredInOneAction() async throws {
        let board = try await board()
        let posting = try #require(try board.posting(id: "P1"))
        var fair = FairRequest(postings: [posting], asOf: today)
        fair.minimum = 5
        let made = try await board.referFairBooth(fair, posting: "P1", note: nil, requester: Requester(label: "counsellor-lan"))
        #expect(!made.isEmpty && made.allSatisfy { $0.source == .fair && $0.posting == "P1" })
        #expect(made.map(\.rank) == Array(1...made.count).map(Optional.some))
        // Again: those already waiting are left out.
        #expect(try await board.referFairBooth(fair, posting: "P1", note: nil, requester: Requester(label: "counsellor-lan")).isEmpty)
    }
}
