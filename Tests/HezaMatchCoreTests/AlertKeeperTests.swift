import Foundation
@testable import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage
import Synchronization
import Testing

/// Job alerts over a board: decided once per change, queued in the store with the feed's cursor, delivered with
/// retries, never for a closed posting, a removed alert or an erased candidate.
@Suite struct AlertKeeperTests {
    let directory: URL
    /// Noon in Hải Phòng (05:00 UTC), 6 December 2026.
    let noon = Date(timeIntervalSince1970: 1_796_533_200)

    init() throws {
        directory = try temporaryFolder("alerts")
    }

    private func keeper(quiet: QuietHours? = nil) throws -> AlertKeeper {
        let board = try JobBoard.open(storePath: directory.appendingPathComponent("store.sqlite").path, corpus: JobBoardTests.corpus)
        return try AlertKeeper(board: board, publicURL: "https://vieclam.example.vn/", quietHours: quiet)
    }

    private func put(_ board: JobBoard, _ lines: String...) async throws {
        try await board.upsert(postings: try JSONLinesLoader.load(JobPosting.self, from: Array(lines.joined(separator: "\n").utf8), file: "test"))
        try await board.followStore()
    }

    private func welding(_ id: String, deadline: String = "2099-12-31", zone: String = "KCN Nam Cầu Kiền") -> String {
        #"{"id":"\#(id)","employer":"Cơ khí Thử","zone":"\#(zone)","title":"Thợ hàn kết cấu","skills":["hàn điện"],"deadline":"\#(deadline)"}"#
    }

    private func search(_ query: String, mode: JobAlert.Mode = .instant, hour: Int = 7) -> JobAlert.Request {
        JobAlert.Request(subject: .search(SavedSearch(query: query)), delivery: .webhook("http://127.0.0.1:9/h"), mode: mode, digestHour: hour)
    }

    /// Sends nothing anywhere: records what it was given, fails when told to.
    final class Recorder: AlertSender {
        let sent = Mutex<[AlertNotification]>([])
        let failing: Bool
        init(failing: Bool = false) { self.failing = failing }
        func send(_ notification: AlertNotification) async throws {
            if failing { throw CancellationError() }
            sent.withLock { $0.append(notification) }
        }
        var postings: [[String]] { sent.withLock { $0.map { $0.postings.map(\.id) } } }
    }

    /// Truth table of one posting's fate: only a new, open, fitting posting for an active alert is sent, once.
    @Test func aPostingIsSentOnceAndOnlyWhenItShouldBe() async throws {
        let keeper = try keeper()
        let board = keeper.board
        let active = try await keeper.add(search("thợ hàn"), createdBy: "counsellor", confirmed: true, now: noon)
        let pending = try await keeper.add(JobAlert.Request(subject: .search(SavedSearch(query: "thợ hàn")), delivery: .email("a@b.vn")),
                                           createdBy: "public", confirmed: false, now: noon)
        let removed = try await keeper.add(search("hàn điện"), createdBy: "counsellor", confirmed: true, now: noon)
        #expect(try await keeper.remove(id: removed.id, by: "counsellor"))
        try await put(board, welding("P1"), welding("P2", deadline: "2020-01-01"),
                      #"{"id":"P3","employer":"Kế toán Thử","title":"Kế toán","deadline":"2099-12-31"}"#)
        try await put(board, welding("P4"))
        try await board.delete(.posting, id: "P4", requester: Requester(label: "t"))
        var report = try keeper.percolate(now: noon)
        #expect(report.queued == 1)  // P1 for the active alert; the confirmation of the pending one was queued apart
        let recorder = Recorder()
        var delivery = try await keeper.deliver(now: noon, using: recorder)
        #expect(delivery.sent == 2)
        let sent = recorder.sent.withLock { $0 }
        #expect(sent.filter { $0.message.kind == .postings }.map(\.alert.id) == [active.id])
        #expect(recorder.postings.filter { !$0.isEmpty } == [["P1"]])
        #expect(sent.filter { $0.message.kind == .confirmation }.map(\.alert.id) == [pending.id])
        // A change that does not make it newly fit sends nothing again.
        try await put(board, #"{"id":"P1","employer":"Cơ khí Thử","zone":"KCN Nam Cầu Kiền","title":"Thợ hàn kết cấu","skills":["hàn điện"],"description":"Có nhà ở","deadline":"2099-12-31"}"#)
        report = try keeper.percolate(now: noon)
        #expect(report.postings == 1 && report.queued == 0)
        // Confirmed: the pending alert hears of the next posting, not of the ones before.
        let confirmToken = try #require(pending.confirmToken)
        #expect(try keeper.confirm(token: confirmToken)?.status == .active)
        try await put(board, welding("P5"))
        try keeper.percolate(now: noon)
        delivery = try await keeper.deliver(now: noon, using: recorder)
        #expect(delivery.sent == 2)
        #expect(Set(recorder.sent.withLock { $0.suffix(2).map(\.alert.id) }) == [active.id, pending.id])
        // Unsubscribed by its link: nothing more.
        #expect(try await keeper.unsubscribe(token: pending.unsubscribeToken)?.id == pending.id)
        try await put(board, welding("P6"))
        try keeper.percolate(now: noon)
        _ = try await keeper.deliver(now: noon, using: recorder)
        #expect(recorder.sent.withLock { $0.last?.alert.id } == active.id)
        #expect(recorder.sent.withLock { $0.filter { $0.alert.id == pending.id }.count } == 2)
    }

    /// A message that fails is tried again after the backoff, then given up; a taken message is not taken twice.
    @Test func failuresAreRetriedThenGivenUp() async throws {
        let keeper = try keeper()
        _ = try await keeper.add(search("thợ hàn"), createdBy: "counsellor", confirmed: true, now: noon)
        try await put(keeper.board, welding("P1"))
        try keeper.percolate(now: noon)
        var now = noon
        for attempt in 0...AlertKeeper.retryDelays.count {
            let report = try await keeper.deliver(now: now, using: Recorder(failing: true))
            #expect(report.failed + report.dead == 1, "attempt \(attempt)")
            #expect(try await keeper.deliver(now: now, using: Recorder()).sent == 0, "not due again at once")
            if attempt < AlertKeeper.retryDelays.count {
                #expect(try await keeper.deliver(now: now.addingTimeInterval(AlertKeeper.retryDelays[attempt] - 1), using: Recorder()).sent == 0,
                        "not before its backoff")
                now = now.addingTimeInterval(AlertKeeper.retryDelays[attempt])
            }
        }
        let counts = try keeper.store.outboxCounts()
        #expect(counts.dead == 1 && counts.pending == 0 && counts.sent == 0)
        // Claimed by one sender: another finds nothing until the lease ends.
        try await put(keeper.board, welding("P2"))
        try keeper.percolate(now: noon)
        let claimed = try keeper.store.claimDueMessages(now: noon.timeIntervalSince1970, limit: 10, lease: 60)
        #expect(claimed.count == 1)
        #expect(try keeper.store.claimDueMessages(now: noon.timeIntervalSince1970 + 59, limit: 10, lease: 60).isEmpty)
        #expect(try keeper.store.claimDueMessages(now: noon.timeIntervalSince1970 + 61, limit: 10, lease: 60).count == 1)
    }

    /// Quiet hours hold an instant message until morning; a daily alert's postings wait for its hour, in one message.
    @Test func quietHoursAndDigests() async throws {
        let keeper = try keeper(quiet: .evening)
        let instant = try await keeper.add(search("thợ hàn"), createdBy: "counsellor", confirmed: true, now: noon)
        let daily = try await keeper.add(search("thợ hàn", mode: .daily, hour: 8), createdBy: "counsellor", confirmed: true, now: noon)
        await #expect(throws: MatchError.self) { try await keeper.add(search("thợ hàn", mode: .daily, hour: 22), createdBy: "c", confirmed: true) }
        let evening = noon.addingTimeInterval(10 * 3600)  // 22:00
        try await put(keeper.board, welding("P1"), welding("P2"))
        try keeper.percolate(now: evening)
        let recorder = Recorder()
        #expect(try await keeper.deliver(now: evening, using: recorder).sent == 0)
        #expect(try keeper.composeDigests(now: evening) == 0)
        let morning = noon.addingTimeInterval(19 * 3600 + 60)  // 07:01 the next day
        #expect(try keeper.composeDigests(now: morning) == 0)   // its hour is 8
        #expect(try await keeper.deliver(now: morning, using: recorder).sent == 1)
        #expect(recorder.sent.withLock { $0.map(\.alert.id) } == [instant.id])
        let eight = morning.addingTimeInterval(3600)
        #expect(try keeper.composeDigests(now: eight) == 1)
        #expect(try keeper.composeDigests(now: eight) == 0)      // once a day
        #expect(try await keeper.deliver(now: eight, using: recorder).sent == 1)
        #expect(recorder.sent.withLock { $0.last?.alert.id } == daily.id)
        #expect(recorder.postings.last.map(Set.init) == ["P1", "P2"])
    }

    /// An erased candidate's alert goes with them, and the message waiting for it; a posting closed before its
    /// message went is not sent (the message is withdrawn).
    @Test func erasureAndClosedPostings() async throws {
        let keeper = try keeper()
        let board = keeper.board
        try await board.upsert(profiles: try JSONLinesLoader.load(CandidateProfile.self, from: Array(#"{"id":"C1","name":"Nguyễn Văn Hàn","phone":"0900000001","category":"vocational_student","desired_titles":["Thợ hàn"],"skills":["hàn điện"],"education":"intermediate_vocational","birth_year":1998}"#.utf8), file: "t"))
        try await board.followStore()
        let profileAlert = try await keeper.add(JobAlert.Request(subject: .profile("C1"), delivery: .webhook("http://127.0.0.1:9/h")),
                                                createdBy: "counsellor", confirmed: true, now: noon)
        let searchAlert = try await keeper.add(search("thợ hàn"), createdBy: "counsellor", confirmed: true, now: noon)
        try await put(board, welding("P1"))
        try keeper.percolate(now: noon)
        #expect(try keeper.store.outboxCounts().pending == 2)
        #expect(try await board.delete(.profile, id: "C1", requester: Requester(label: "t")))
        #expect(try keeper.store.alert(id: profileAlert.id) == nil)
        #expect(try keeper.store.outboxCounts().pending == 1)
        // The posting closes before the search alert's message goes.
        try await put(board, welding("P1", deadline: "2020-01-01"))
        let recorder = Recorder()
        let report = try await keeper.deliver(now: noon, using: recorder)
        #expect(report.sent == 0 && report.withdrawn == 1)
        #expect(try keeper.store.outboxCounts().withdrawn == 1)
        _ = searchAlert
        // Who made the alerts is in the access record.
        #expect(try board.store.accessRecords(since: nil, limit: 20).filter { $0.action == "alert created" }.map(\.actor) == ["counsellor", "counsellor"])
    }
}
