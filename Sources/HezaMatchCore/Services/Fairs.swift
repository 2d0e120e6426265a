import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex

/// Job fairs: a fair's postings, its plan of booths and candidates, a booth's referrals.
struct Fairs: BoardService {
    let core: BoardCore

    /// The postings of a fair, by id, in the order given (each once).
    ///
    /// - Throws: ``MatchError`` `.unknownPosting` naming the first id not in the index.
    public func fairPostings(ids: [String]) throws -> [JobPosting] {
        var postings: [JobPosting] = []
        for id in ids where !postings.contains(where: { $0.id == id }) {
            guard let posting = try posting(id: id) else { throw MatchError(.unknownPosting, "no posting \(id) in \(store.location)") }
            postings.append(posting)
        }
        return postings
    }

    /// The postings whose `batch` (an extra field the store keeps, `"2026-09"`) is `batch`, by id.
    ///
    /// - Throws: ``MatchError`` `.invalidFair` when none has it.
    public func fairPostings(batch: String) throws -> [JobPosting] {
        var ids: [String] = []
        _ = try store.forEachRecord(of: .posting, batchSize: 1_000) { changes in
            for change in changes {
                guard let json = change.document, json.contains("\"batch\""),
                      case .object(let object)? = try? JSONParser.parse(Array(json.utf8)),
                      object["batch"] == .string(batch) else { continue }
                ids.append(change.id)
            }
        }
        guard !ids.isEmpty else { throw MatchError(.invalidFair, "no posting of batch '\(batch)' in \(store.location)") }
        return try fairPostings(ids: ids.sorted())
    }

    /// A job fair's plan (``JobMatcher/planFair(_:profiles:)``). With a `requester`, the
    /// candidates' names and phones are read from the store for the candidates sent to a
    /// booth, and the read is kept in the access record under `requester`; without one, the
    /// answer holds no personal data.
    public func fair(_ request: FairRequest, requester: Requester?) async throws -> FairAnswer {
        let plan = try matcher.planFair(request, profiles: try profiles.index())
        var contacts: [String: (name: String, phone: String?)] = [:]
        let placed = Array(Set(plan.booths.flatMap { $0.candidates.map(\.profile.id) })).sorted()
        if let requester, !placed.isEmpty {
            for (id, json) in try store.documents(of: .profile, ids: placed) {
                let profile = try JobBoard.decode(CandidateProfile.self, json)
                contacts[id] = (profile.name, profile.phone)
            }
            try await store.recordAccess(AccessRecord(actor: requester.label, action: "fair", subject: plan.booths.map(\.posting.id).joined(separator: ","),
                                                      profileIDs: placed), retention: accessRetention)
        }
        let places = reference.places
        return FairAnswer(plan, home: { places.homeName(of: $0) }, contacts: contacts)
    }
}

extension Fairs {
    /// Refers every candidate the fair's plan sends to one booth, in one action: each with the rank and score the
    /// booth's list gives them (source `fair`); those already waiting for that posting's answer are left out.
    ///
    /// - Throws: ``MatchError`` `.unknownPosting` when the posting is not one of the fair's booths.
    public func referFairBooth(_ request: FairRequest, posting postingID: String, note: String?, requester: Requester) async throws -> [Referral] {
        let plan = try matcher.planFair(request, profiles: try profiles.index())
        guard let booth = plan.booths.first(where: { $0.posting.id == postingID }) else {
            throw MatchError(.unknownPosting, "\(postingID) is not a booth of this fair")
        }
        let candidates = booth.candidates.enumerated().map { index, ranked in
            ReferralCandidate(candidate: ranked.profile.id, rank: index + 1, score: ranked.score, reasons: ranked.reasons)
        }
        return try await Referrals(core: core).refer(candidates, to: booth.posting, note: note, source: .fair, asOf: request.asOf, requester: requester, skipReferred: true)
    }
}
