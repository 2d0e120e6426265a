import Foundation
import Synchronization
import JobMatching
import JobRecords
import JobStorage
import VietnameseText

/// Who answers or reads a referral: a counsellor (every referral), an employer's booth (its own postings'
/// referrals only), or the board itself (closing the unanswered).
public struct ReferralActor: Sendable, Hashable {
    public var party: ReferralRules.Party
    /// What the access record and the referral's history name: a token's label, `cli:USER`, `hezamatch`.
    public var label: String
    /// The employer a booth's token is for.
    public var employer: String?

    public static func counsellor(_ requester: Requester) -> ReferralActor { ReferralActor(party: .counsellor, label: requester.label) }
    public static func employer(_ name: String, _ requester: Requester) -> ReferralActor {
        ReferralActor(party: .employer, label: requester.label, employer: name)
    }
    public static let system = ReferralActor(party: .system, label: "hezamatch")
}

/// A candidate to refer: from the shortlist, or the fair's plan with the rank and score it gave.
public struct ReferralCandidate: Sendable, Hashable {
    public var candidate: String
    public var rank: Int?
    public var score: Double?
    public var reasons: [String]

    public init(candidate: String, rank: Int? = nil, score: Double? = nil, reasons: [String] = []) {
        self.candidate = candidate
        self.rank = rank
        self.score = score
        self.reasons = reasons
    }
}

/// Referrals: candidates referred to postings, the employers' answers, what is left unanswered, outcomes.
struct Referrals: BoardService {
    let core: BoardCore

    /// How deep the shortlist is read to find the rank a referred candidate has (the API's deepest shortlist).
    static let referralRankDepth = 500

    /// Refers a candidate to a posting: remembers who, when, from where, and the rank, score and reasons the
    /// candidate has on the posting's shortlist today (none when they are not on its first 500).
    ///
    /// - Throws: ``MatchError`` `.unknownPosting`, `.unknownProfile`, `.postingClosed`; ``ReferralError``
    ///   `.alreadyReferred` when the candidate waits for this posting's answer already.
    public func refer(_ request: Referral.Request, source: Referral.Source, asOf: CalendarDate, requester: Requester,
                      now: Date = Date()) async throws -> Referral {
        guard let posting = try posting(id: request.posting) else {
            throw MatchError(.unknownPosting, "no posting \(request.posting) in \(store.location)")
        }
        guard try profile(id: request.candidate) != nil else {
            throw MatchError(.unknownProfile, "no candidate \(request.candidate) in \(store.location)")
        }
        let ranked = try matcher.shortlist(posting: posting, asOf: asOf, limit: Self.referralRankDepth, profiles: try profiles.index())
        var found = ReferralCandidate(candidate: request.candidate)
        if let position = ranked.firstIndex(where: { $0.profile.id == request.candidate }) {
            found = ReferralCandidate(candidate: request.candidate, rank: position + 1, score: ranked[position].score, reasons: ranked[position].reasons)
        }
        let made = try await refer([found], to: posting, note: request.note, source: source, asOf: asOf,
                                   requester: requester, now: now, skipReferred: false)
        return made[0]
    }

    /// Refers candidates to one posting in one transaction (a fair's booth: one action for all of it), each with the
    /// rank, score and reasons given. With `skipReferred`, a candidate already waiting for this posting's answer is
    /// left out; without, it is an error.
    ///
    /// - Complexity: O(*n*) in the candidates, one store transaction.
    public func refer(_ candidates: [ReferralCandidate], to posting: JobPosting, note: String?, source: Referral.Source, asOf: CalendarDate,
                      requester: Requester, now: Date = Date(), skipReferred: Bool) async throws -> [Referral] {
        if let deadline = posting.deadline, deadline < asOf {
            throw MatchError(.postingClosed, "posting \(posting.id) closed on \(deadline)")
        }
        let occupation = reference.occupations.occupations(of: posting).first?.code
        var fresh: [(ReferralCandidate, CandidateCategory)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate.candidate).inserted {
            guard let profile = try profile(id: candidate.candidate) else {
                throw MatchError(.unknownProfile, "no candidate \(candidate.candidate) in \(store.location)")
            }
            fresh.append((candidate, profile.category))
        }
        // The check that a candidate is not waiting already and the write, one referral maker at a time in this process
        // (a double click makes one); the candidate's profile checked again in the write (an erasure meanwhile wins).
        let made: [Referral] = try core.referralWrites.withLock { _ in
            try referralLedger.catchUp()
            let ledger = try referralLedger.current()
            var made: [Referral] = []
            for (candidate, category) in fresh {
                let waiting = (ledger.byCandidate[candidate.candidate] ?? []).compactMap { ledger.byID[$0] }
                    .first { $0.posting == posting.id && !$0.status.isFinal }
                if let waiting {
                    if skipReferred { continue }
                    throw ReferralError(.alreadyReferred, "\(candidate.candidate) is already referred to \(posting.id) (\(waiting.id), \(waiting.status.rawValue))")
                }
                made.append(Referral(id: "R-" + String(AlertKeeper.newID().prefix(12)), candidate: candidate.candidate, posting: posting.id,
                                     employer: posting.employer, zone: posting.zone, occupation: occupation, category: category,
                                     source: source, rank: candidate.rank, score: candidate.score, reasons: candidate.reasons, note: note,
                                     history: [.init(status: .referred, at: now.timeIntervalSince1970, by: requester.label)]))
            }
            guard !made.isEmpty else { return [] }
            let lines = try made.map { ($0.id, $0.candidate ?? "", try JSONValueEncoder.text($0)) }
            try store.write { transaction in
                for (id, candidate, json) in lines {
                    guard try transaction.document(.profile, id: candidate) != nil else {
                        throw MatchError(.unknownProfile, "no candidate \(candidate) in \(store.location)")
                    }
                    try transaction.upsert(.referral, id: id, document: json)
                }
            }
            try referralLedger.catchUp()
            return made
        }
        guard !made.isEmpty else { return [] }
        try await store.recordAccess(AccessRecord(actor: requester.label, action: "refer", subject: posting.id, profileIDs: made.compactMap(\.candidate)),
                                     retention: accessRetention)
        return made
    }

    /// An employer's answer (or a counsellor's note of it): one move of ``ReferralRules``, timestamped.
    ///
    /// - Throws: ``ReferralError`` `.unknownReferral` (also for a referral of another employer: a booth does not learn
    ///   that it exists), `.moveNotAllowed`, `.notThisParty`.
    public func answerReferral(id: String, _ answer: Referral.Answer, by actor: ReferralActor, now: Date = Date()) async throws -> Referral {
        try move(id: id, answer, by: actor, now: now)
    }

    /// ``answerReferral(id:_:by:now:)``'s work, in the store's (blocking) write.
    private func move(id: String, _ answer: Referral.Answer, by actor: ReferralActor, now: Date) throws -> Referral {
        // The posting's employer is looked up before the transaction: nothing inside it may read the store another way.
        var seen: [String: Bool] = [:]
        if actor.party == .employer, let referral = try referralLedger.current().byID[id] {
            _ = visible(referral, to: actor, seen: &seen)
        }
        var moved: Referral?
        // Read, checked and written in one store transaction: writers take turns there (whatever process or replica
        // wrote last, an erasure included), so a move is made on the state it was checked against.
        try store.write { transaction in
            guard let json = try transaction.document(.referral, id: id) else { throw ReferralError(.unknownReferral, "no referral \(id)") }
            var referral = try JobBoard.decode(Referral.self, json)
            guard self.visible(referral, to: actor, seen: &seen, lookingUp: false) else { throw ReferralError(.unknownReferral, "no referral \(id)") }
            switch ReferralRules.verdict(from: referral.status, to: answer.status, by: actor.party) {
            case .allowed: break
            case .notAllowed(let why): throw ReferralError(.moveNotAllowed, "\(id) is \(referral.status.rawValue): \(why)")
            case .notThisParty(let why): throw ReferralError(.notThisParty, why)
            }
            referral.history.append(.init(status: answer.status, at: max(now.timeIntervalSince1970, referral.history.last?.at ?? 0), by: actor.label,
                                          reason: answer.reason, note: answer.note, interviewAt: answer.interviewAt))
            try transaction.upsert(.referral, id: id, document: try JSONValueEncoder.text(referral))
            moved = referral
        }
        try referralLedger.catchUp()
        return moved!
    }

    /// Whether `actor` may see `referral`: a counsellor any; a booth those of the postings whose employer is its own,
    /// the posting's employer as it is now (a posting corrected to another employer moves its referrals with it).
    /// `seen` keeps the answer for the postings already decided (a list of 100,000 referrals looks up and compares each
    /// posting's employer once, not each referral's). Without `lookingUp`, a posting not in `seen` is taken with the
    /// employer the referral recorded.
    func visible(_ referral: Referral, to actor: ReferralActor, seen: inout [String: Bool], lookingUp: Bool = true) -> Bool {
        guard actor.party == .employer else { return true }
        if let known = seen[referral.posting] { return known }
        let employer = (lookingUp ? (try? posting(id: referral.posting))??.employer : nil) ?? referral.employer
        let answer = Self.sameEmployer(employer, actor.employer ?? "")
        seen[referral.posting] = answer
        return answer
    }

    /// Closes the referrals left `referred` or `contacted` for more than `days` days as "không phản hồi" (`no_answer`).
    /// Returns how many were closed.
    public func closeUnanswered(days: Int, now: Date = Date()) async throws -> Int {
        let cutoff = now.timeIntervalSince1970 - Double(days) * 86_400
        let waiting = try referralLedger.current().byID.values.filter {
            ($0.status == .referred || $0.status == .contacted) && ($0.history.last?.at ?? 0) < cutoff
        }
        var closed = 0
        for referral in waiting {
            do {
                _ = try await answerReferral(id: referral.id, Referral.Answer(status: .noAnswer, note: "Không phản hồi sau \(days) ngày"),
                                             by: .system, now: now)
                closed += 1
            } catch is ReferralError {
                continue  // answered meanwhile
            }
        }
        return closed
    }

    /// One referral, if `actor` may see it.
    public func referral(id: String, for actor: ReferralActor) throws -> Referral? {
        var seen: [String: Bool] = [:]
        return try referralLedger.current().byID[id].flatMap { visible($0, to: actor, seen: &seen) ? $0 : nil }
    }

    /// The referrals `actor` may see, newest first, narrowed to a posting, a candidate, a state.
    ///
    /// - Complexity: O(*n* log *n*) in the referrals kept (O(of the one) with a posting or a candidate).
    public func referrals(posting: String? = nil, candidate: String? = nil, status: Referral.Status? = nil,
                          for actor: ReferralActor, limit: Int = .max) throws -> [Referral] {
        let ledger = try referralLedger.current()
        let ids: any Sequence<String>
        switch (posting, candidate) {
        case (let posting?, _): ids = ledger.byPosting[posting] ?? []
        case (nil, let candidate?): ids = ledger.byCandidate[candidate] ?? []
        case (nil, nil): ids = ledger.byID.keys
        }
        var seen: [String: Bool] = [:]
        var found = ids.compactMap { ledger.byID[$0] }.filter { referral in
            (candidate == nil || referral.candidate == candidate) && (status == nil || referral.status == status)
                && visible(referral, to: actor, seen: &seen)
        }
        found.sort { ($0.referredAt, $0.id) > ($1.referredAt, $1.id) }
        return Array(found.prefix(limit))
    }

    /// The names and phones of the candidates of `referrals` (what an employer calls them on), read from the store
    /// and kept in the access record under `requester`.
    public func referralContacts(_ referrals: [Referral], requester: Requester) async throws -> [String: (name: String, phone: String?)] {
        let ids = Array(Set(referrals.compactMap(\.candidate))).sorted()
        guard !ids.isEmpty else { return [:] }
        var contacts: [String: (name: String, phone: String?)] = [:]
        for (id, json) in try store.documents(of: .profile, ids: ids) {
            let profile = try JobBoard.decode(CandidateProfile.self, json)
            contacts[id] = (profile.name, profile.phone)
        }
        try await store.recordAccess(AccessRecord(actor: requester.label, action: "referrals", subject: Set(referrals.map(\.posting)).sorted().joined(separator: ","),
                                                  profileIDs: ids), retention: accessRetention)
        return contacts
    }

    /// Whether two employer names are the same employer, compared folded (accents, case, spaces).
    public static func sameEmployer(_ a: String, _ b: String) -> Bool {
        let analyzer = VietnameseAnalyzer()
        return analyzer.foldedText(a) == analyzer.foldedText(b)
    }
}

extension Referrals {
    /// ``OutcomeReport`` of the referrals made in the period (counsellors only: no personal data in it).
    public func outcomes(from: CalendarDate?, to: CalendarDate?, groupedBy grouping: OutcomeReport.Grouping?) throws -> OutcomeReport {
        let occupations = reference.occupations.occupations
        return OutcomeReport(try referralLedger.current().byID.values, from: from, to: to, groupedBy: grouping) { grouping, key in
            grouping == .occupation ? occupations[key].map { "\($0.vietnamese) (\(key))" } ?? key : key
        }
    }
}
