import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex

/// Matching: a candidate's jobs, a posting's candidates (names and phones only for a requester, and recorded), profiles.
struct Matching: BoardService {
    let core: BoardCore

    /// "Which jobs fit this candidate, and why?": the postings the candidate is
    /// eligible for, best first, with reasons. No name or phone is read; the read of
    /// the candidate's profile is kept in the access record, under `requester`.
    ///
    /// - Throws: ``MatchError`` `.unknownProfile`.
    public func matches(for candidateID: String, asOf: CalendarDate, limit: Int, requester: Requester) async throws -> MatchAnswer {
        guard let profile = try profile(id: candidateID) else {
            throw MatchError(.unknownProfile, "no candidate \(candidateID) in \(store.location)")
        }
        let ranked = try matcher.match(profile: profile, asOf: asOf, limit: limit, postings: try postings.index())
        try await store.recordAccess(AccessRecord(actor: requester.label, action: "matches", subject: candidateID, profileIDs: [candidateID]),
                                     retention: accessRetention)
        return MatchAnswer(candidate: CandidateSummary(id: profile.id, category: profile.category, education: profile.educationLevel,
                                                    district: reference.places.homeName(of: profile)), asOf: asOf, results: ranked.map { ranked in
            var result = PostingResult(ranked)
            result.training = ranked.training.map(\.sentence)
            return result
        })
    }

    /// "Whom should we call first?": the candidates eligible for a posting, best first,
    /// with reasons, and, when `requester` is given, their names and phones (read from
    /// the store for these rows only, and kept in the access record as `action`: ids,
    /// never names). With `categories`, only candidates of those categories, in the same order.
    ///
    /// - Throws: ``MatchError`` `.unknownPosting`, `.postingClosed`.
    public func shortlist(for postingID: String, asOf: CalendarDate, limit: Int, requester: Requester?,
                          action: String = "shortlist", categories: [CandidateCategory] = []) async throws -> ShortlistAnswer {
        let answer = try shortlist(for: postingID, asOf: asOf, limit: limit, contacts: requester != nil, categories: categories)
        if let requester {
            try await store.recordAccess(AccessRecord(actor: requester.label, action: action, subject: postingID,
                                                      profileIDs: answer.results.map(\.id)), retention: accessRetention)
        }
        return answer
    }

    /// The shortlist without recording: only for answers without personal data
    /// (`contacts` false), or inside ``shortlist(for:asOf:limit:requester:action:categories:)``.
    func shortlist(for postingID: String, asOf: CalendarDate, limit: Int, contacts: Bool,
                   categories: [CandidateCategory] = []) throws -> ShortlistAnswer {
        guard let posting = try posting(id: postingID) else {
            throw MatchError(.unknownPosting, "no posting \(postingID) in \(store.location)")
        }
        var asked: [CandidateCategory] = []
        for category in categories where !asked.contains(category) { asked.append(category) }  // `--category` given twice is said once
        let ranked = try matcher.shortlist(posting: posting, asOf: asOf, limit: limit, profiles: try profiles.index(), categories: asked)
        var people: [String: (name: String, phone: String?)] = [:]
        if contacts {
            for (id, json) in try store.documents(of: .profile, ids: ranked.map(\.profile.id)) {
                let profile = try JobBoard.decode(CandidateProfile.self, json)
                people[id] = (profile.name, profile.phone)
            }
        }
        let results = ranked.map { candidate in
            CandidateResult(id: candidate.profile.id, score: candidate.score, reasons: candidate.reasons,
                            category: candidate.profile.category, education: candidate.profile.educationLevel,
                            district: reference.places.homeName(of: candidate.profile), name: people[candidate.profile.id]?.name,
                            phone: people[candidate.profile.id]?.phone)
        }
        return ShortlistAnswer(posting: posting, asOf: asOf, results: results, categories: asked)
    }

    /// A profile by id, from the profiles' index: without name and phone.
    public func profile(id: String) throws -> CandidateProfile? {
        guard let stored = try profiles.index().snapshot.storedFields(of: id) else { return nil }
        do { return try StoredRecord.profile(stored) } catch { throw IndexError(.damaged, "profile \(id): \(error.message)") }
    }

    /// Candidates a counsellor looks for by id, phone or name (accents optional), with
    /// their personal data: recorded in the access record.
    public func findCandidates(_ text: String, limit: Int = 20, requester: Requester) async throws -> [CandidateProfile] {
        let found = try store.findProfiles(text, limit: limit).compactMap { change in
            change.document.flatMap { try? JobBoard.decode(CandidateProfile.self, $0) }
        }
        if !found.isEmpty {
            try await store.recordAccess(AccessRecord(actor: requester.label, action: "find", subject: "search", profileIDs: found.map(\.id)),
                                         retention: accessRetention)
        }
        return found
    }

    /// One candidate's whole profile, name and phone included, from the store: recorded.
    public func candidate(id: String, requester: Requester) async throws -> CandidateProfile? {
        guard let json = try store.documents(of: .profile, ids: [id])[id] else { return nil }
        try await store.recordAccess(AccessRecord(actor: requester.label, action: "profile", subject: id, profileIDs: [id]),
                                     retention: accessRetention)
        return try JobBoard.decode(CandidateProfile.self, json)
    }
}
