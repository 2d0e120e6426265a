import Foundation
import JobMatching
import JobRecords
import JobStorage
import Synchronization

/// What the board's services share: the store, the reference tables and the matcher, both live indexes, the search
/// aids and the referrals. One a board; each service (``BoardService``) is a view of it with one question.
final class BoardCore: Sendable {
    let store: any JobStore
    let reference: ReferenceData
    let matcher: JobMatcher
    let postings: LiveIndex
    let profiles: LiveIndex
    /// The accent restorer, employers and title suggestions, learned from the postings off the request path.
    let aids: SearchAidsKeeper
    let log: @Sendable (String) -> Void
    /// Every referral, kept in step with the store's `referral` feed.
    let referralLedger: ReferralLedger
    /// Held while new referrals are checked against those waiting and written (one maker at a time in a process).
    let referralWrites = Mutex<Void>(())
    /// How long the access record keeps an entry.
    let accessRetention: TimeInterval

    init(store: any JobStore, reference: ReferenceData, indexPathPrefix: String?, accessRetention: TimeInterval,
         log: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.accessRetention = accessRetention
        self.reference = reference
        self.matcher = JobMatcher(reference: reference)
        self.log = log
        self.referralLedger = ReferralLedger(store: store)
        let fingerprint = MatchIndexes.fingerprint(reference)
        let aids = SearchAidsKeeper(synonyms: reference.synonyms, path: indexPathPrefix.map { $0 + ".postings.hzaids" },
                                    fingerprint: fingerprint, log: log)
        self.aids = aids
        postings = LiveIndex(
            kind: .posting, schema: MatchIndexes.postingSchema, path: indexPathPrefix.map { $0 + ".postings.hzix" },
            fingerprint: fingerprint, store: store, log: log,
            observer: { changes, snapshot in aids.apply(changes, to: snapshot) },
            saved: { sequence in try aids.save(at: sequence, store: store) },
            opened: { snapshot in aids.loadSaved(for: snapshot, store: store) },
            makeDocument: { json in MatchIndexes.document(try JobBoard.decode(JobPosting.self, json), reference: reference) })
        profiles = LiveIndex(
            kind: .profile, schema: MatchIndexes.profileSchema, path: indexPathPrefix.map { $0 + ".profiles.hzix" },
            fingerprint: fingerprint, store: store, log: log,
            makeDocument: { json in MatchIndexes.document(try JobBoard.decode(CandidateProfile.self, json), reference: reference) })
    }
}

/// A service of the board: one question (searching, matching, fairs, records, referrals, reports, maintenance) over
/// the shared ``BoardCore``, testable alone; ``JobBoard`` is the facade that forwards to them.
protocol BoardService: Sendable {
    var core: BoardCore { get }
}

extension BoardService {
    var store: any JobStore { core.store }
    var reference: ReferenceData { core.reference }
    var postings: LiveIndex { core.postings }
    var profiles: LiveIndex { core.profiles }
    var aids: SearchAidsKeeper { core.aids }
    var log: @Sendable (String) -> Void { core.log }
    var referralLedger: ReferralLedger { core.referralLedger }
    var matcher: JobMatcher { core.matcher }
    var accessRetention: TimeInterval { core.accessRetention }

    /// A posting by id, from the postings' index (what most questions read first).
    func posting(id: String) throws -> JobPosting? { try Searching(core: core).posting(id: id) }

    /// A profile by id, from the profiles' index: without name and phone.
    func profile(id: String) throws -> CandidateProfile? { try Matching(core: core).profile(id: id) }
}
