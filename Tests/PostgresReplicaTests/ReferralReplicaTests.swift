import Foundation
import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage
import JobStoragePostgres
import Testing

/// Referrals on a PostgreSQL store shared by two replicas: a referral made on one is answered on the other, the
/// rules are checked against the state either wrote, and an erasure through one is seen by both.
@Suite struct ReferralReplicaTests {
    @Test func twoReplicasAgreeOnReferrals() async throws {
        let url = try TemporaryPostgres.shared().database().url
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus").path
        let reference = try ReferenceData.load(directory: corpus)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-referral-replicas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func replica(_ name: String) throws -> JobBoard {
            JobBoard(store: try PostgresJobStore(address: try #require(try PostgresStoreAddress(url))), reference: reference,
                     indexPathPrefix: folder.appendingPathComponent(name).path)
        }
        let (first, second) = (try replica("a"), try replica("b"))
        try await first.upsert(
            postings: try JSONLinesLoader.load(JobPosting.self, from: Array(#"{"id":"RP1","employer":"Cơ khí Thử","title":"Thợ hàn","skills":["hàn điện"],"deadline":"2099-12-31"}"#.utf8), file: "p"),
            profiles: try JSONLinesLoader.load(CandidateProfile.self, from: Array(#"{"id":"RC1","name":"Nguyễn Văn Hàn","phone":"0900000009","category":"graduate","education_level":"university","skills":["hàn điện"]}"#.utf8), file: "c"))
        try await second.followStore()
        let today = CalendarDate(year: 2026, month: 12, day: 6)
        let made = try await first.refer(Referral.Request(candidate: "RC1", posting: "RP1", note: "gọi sáng"), source: .api, asOf: today,
                                         requester: Requester(label: "counsellor-a"))
        let booth = ReferralActor.employer("Cơ khí Thử", Requester(label: "booth"))
        _ = try await second.answerReferral(id: made.id, .init(status: .interview, interviewAt: "2026-12-09"), by: booth)
        // The first replica sees the move the second wrote: a move back is refused there too.
        await #expect(throws: ReferralError.self) {
            _ = try await first.answerReferral(id: made.id, .init(status: .contacted), by: booth)
        }
        #expect(try first.referral(id: made.id, for: booth)?.status == .interview)
        #expect(try await second.delete(.profile, id: "RC1", requester: Requester(label: "counsellor-b")))
        let erased = try #require(try first.referral(id: made.id, for: .counsellor(Requester(label: "x"))))
        #expect(erased.erased && erased.candidate == nil && erased.note == nil && erased.status == .interview)
    }
}
