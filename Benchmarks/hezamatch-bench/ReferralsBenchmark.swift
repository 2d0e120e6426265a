import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import JobStorage

/// Fills a store (already indexed with postings and profiles: `hezamatch index`) with generated referrals, for timing
/// `hezamatch outcomes` and `hezamatch evaluate --outcomes` as whole commands at scale (Benchmarks/README.md).
///
/// Each referral is a random profile of the store referred to a random posting, at a rank from 1 to 200 (the lower
/// more often), on a day of 2026, and answered or not as ``JobBoard/simulateReferrals`` answers: the moves of
/// ``ReferralRules`` only, written in transactions of 10,000 through the store's change feed, source `generated`.
struct ReferralsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals",
        abstract: "Write generated referrals (with answers) into a store, for timing outcomes and evaluate --outcomes."
    )

    @Option(help: "The SQLite store (with postings and profiles).") var store: String
    @Option(help: "Referrals to write.") var referrals = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 2026

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let jobStore = try SQLiteJobStore(path: store)
        var postings: [(id: String, employer: String, zone: String?)] = []
        _ = try jobStore.forEachRecord(of: .posting, batchSize: 5_000) { changes in
            for change in changes {
                guard let json = change.document, case .success(let posting) = JobPosting.read(json) else { continue }
                postings.append((posting.id, posting.employer, posting.zone))
            }
        }
        var profiles: [(id: String, category: CandidateCategory)] = []
        _ = try jobStore.forEachRecord(of: .profile, batchSize: 5_000) { changes in
            for change in changes {
                guard let json = change.document, case .success(let profile) = CandidateProfile.read(json) else { continue }
                profiles.append((profile.id, profile.category))
            }
        }
        guard !postings.isEmpty, !profiles.isEmpty else { throw ValidationError("\(store) has no postings or no profiles: index them first") }
        print("read \(postings.count) postings and \(profiles.count) profiles in \(clock.now - started)")
        var random = SplitMix64(seed: seed)
        let occupations = ["7212.1", "8212.1", "4321.1", "7233.1", "8153.1", "3113.1", "2152.1", "9329.1"]
        let reasons = Referral.RefusalReason.allCases
        let start2026 = 1_767_200_400.0  // 2026-01-01 00:00, Hải Phòng
        var written = 0
        let writing = clock.now
        while written < referrals {
            var batch: [(String, String)] = []
            for _ in 0..<min(10_000, referrals - written) {
                let posting = postings[Int(random.next() % UInt64(postings.count))]
                let profile = profiles[Int(random.next() % UInt64(profiles.count))]
                let rank = 1 + Int(Double(random.next() % 1_000_000) / 1_000_000 * Double(random.next() % 200))
                var at = start2026 + Double(random.next() % (330 * 86_400))
                var history: [Referral.Move] = [.init(status: .referred, at: at, by: "counsellor-\(random.next() % 12)")]
                func move(_ status: Referral.Status, reason: Referral.RefusalReason? = nil) {
                    at += Double(1 + random.next() % 6) * 86_400
                    history.append(.init(status: status, at: at, by: "booth", reason: reason,
                                         interviewAt: status == .interview ? String(Instant.text(at + 2 * 86_400).prefix(10)) : nil))
                }
                let draw = Double(random.next() % 1_000) / 1_000
                let hire = 0.40 - 0.0015 * Double(rank)
                if draw < 0.12 {
                    if random.next() % 2 == 0 { move(.noAnswer) }
                } else if draw < 0.12 + hire {
                    move(.contacted); move(.interview); move(.hired)
                } else if draw < 0.12 + hire + 0.15 {
                    move(.contacted); move(.interview)
                } else {
                    move(.contacted); move(.refused, reason: reasons[Int(random.next() % UInt64(reasons.count))])
                }
                let id = "R-\(seed)-\(written + batch.count)"
                let referral = Referral(id: id, candidate: profile.id, posting: posting.id, employer: posting.employer, zone: posting.zone,
                                        occupation: occupations[Int(random.next() % UInt64(occupations.count))], category: profile.category,
                                        source: .generated, rank: rank, score: 20 - Double(rank) / 20, reasons: ["Đúng nghề", "đủ trình độ"],
                                        history: history)
                batch.append((id, try JSONValueEncoder.text(referral)))
            }
            _ = try jobStore.write { transaction in
                for (id, json) in batch { try transaction.upsert(.referral, id: id, document: json) }
            }
            written += batch.count
        }
        print("wrote \(written) referrals in \(clock.now - writing); the store holds \(try jobStore.count(of: .referral))")
    }
}
