import Foundation
import JobMatching
import JobRecords
import JobStorage

extension JobBoard {
    /// What ``simulateReferrals(postings:perPosting:seed:asOf:)`` made.
    public struct SimulatedReferrals: Sendable, Hashable {
        public var postings: Int
        public var referrals: Int
        public var answered: Int
    }
}

extension Referrals {
    /// Referrals and answers made up for a demonstration (`scripts/demo`): for the first `postings` open postings by id,
    /// `perPosting` candidates drawn from the first 30 of the shortlist, referred on a day of the 20 before `asOf`
    /// and answered (or not) in the days after, every move allowed by ``ReferralRules``. Those ranked higher are hired
    /// a little more often, so the figures are not flat; they are **generated** (source `generated`, by
    /// `demo (generated)`, ids `R-genSEED-POSTING-RANK`: run again with the same seed, they are replaced, not added),
    /// and `outcomes` and `evaluate --outcomes` say how many of theirs are.
    ///
    /// - Complexity: one shortlist per posting; one store transaction.
    public func simulateReferrals(postings count: Int, perPosting: Int, seed: UInt64, asOf: CalendarDate) async throws -> JobBoard.SimulatedReferrals {
        var generator = SplitMix64(seed: seed)
        var open: [JobPosting] = []
        _ = try store.forEachRecord(of: .posting, batchSize: 1_000) { changes in
            for change in changes {
                guard let json = change.document, let posting = try? JobBoard.decode(JobPosting.self, json) else { continue }
                if posting.deadline.map({ $0 >= asOf }) ?? true { open.append(posting) }
            }
        }
        open.sort { $0.id < $1.id }
        let day = HaiPhongClock.start(of: asOf) + 9 * 3600  // 09:00 on the day
        let by = "demo (generated)"
        let reasons: [Referral.RefusalReason] = [.experience, .experience, .salary, .distance, .candidateDeclined, .noShow, .education, .licence, .other]
        var made: [Referral] = []
        var used = 0
        for posting in open where used < count {
            let ranked = try matcher.shortlist(posting: posting, asOf: asOf, limit: 30, profiles: try profiles.index())
            guard ranked.count >= 2 else { continue }
            used += 1
            let occupation = reference.occupations.occupations(of: posting).first?.code
            let picks = Array(ranked.indices.shuffled(using: &generator).prefix(perPosting)).sorted()
            for position in picks {
                let candidate = ranked[position]
                let referredAt = day - Double(Int.random(in: 1...20, using: &generator)) * 86_400
                var history: [Referral.Move] = [.init(status: .referred, at: referredAt, by: by)]
                var at = referredAt
                func move(_ status: Referral.Status, reason: Referral.RefusalReason? = nil, interview: Bool = false) {
                    at += Double(Int.random(in: 1...4, using: &generator)) * 86_400
                    guard at < day else { return }
                    let when = interview ? Instant.text(at + 2 * 86_400).prefix(10) + "T09:00" : nil
                    history.append(.init(status: status, at: at, by: by, reason: reason, interviewAt: when.map(String.init)))
                }
                let draw = Double.random(in: 0..<1, using: &generator)
                let hireChance = 0.40 - 0.010 * Double(position)
                if draw < 0.12 {
                    // no answer yet: closed by `referrals close` when old enough
                } else if draw < 0.12 + hireChance {
                    move(.contacted); move(.interview, interview: true); move(.hired)
                } else if draw < 0.12 + hireChance + 0.15 {
                    move(.contacted); move(.interview, interview: true)
                } else {
                    move(.contacted)
                    move(.refused, reason: reasons.randomElement(using: &generator))
                }
                // The same seed, the same ids: a demo run again replaces its referrals instead of adding more.
                made.append(Referral(id: "R-gen\(seed)-\(posting.id)-\(position + 1)", candidate: candidate.profile.id, posting: posting.id,
                                     employer: posting.employer, zone: posting.zone, occupation: occupation, category: candidate.profile.category,
                                     source: .generated, rank: position + 1, score: candidate.score, reasons: candidate.reasons,
                                     note: "Sinh tự động cho bản trình diễn", history: history))
            }
        }
        let lines = try made.map { ($0.id, try JSONValueEncoder.text($0)) }
        try await store.write { transaction in
            for (id, json) in lines { try transaction.upsert(.referral, id: id, document: json) }
        }
        try referralLedger.catchUp()
        return JobBoard.SimulatedReferrals(postings: used, referrals: made.count, answered: made.filter { $0.history.count > 1 }.count)
    }
}
