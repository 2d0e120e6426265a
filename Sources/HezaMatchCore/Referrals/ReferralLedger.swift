import Dispatch
import Foundation
import Synchronization
import JobMatching
import JobRecords
import JobStorage

/// Every referral in memory, filed by candidate and by posting, kept in step with the store's `referral` feed
/// (whoever wrote: this process, the tool, another replica), as the search indexes are.
///
/// Read by the API's lists, the employer's page and `outcomes`; 100,000 referrals take some 60 MB.
///
/// - Complexity: ``catchUp(from:)`` O(changes since the last); a lookup by id, candidate or posting O(1) plus
///   its answer.
final class ReferralLedger: Sendable {
    struct State: Sendable {
        var sequence: Int64 = -1
        var byID: [String: Referral] = [:]
        var byCandidate: [String: Set<String>] = [:]
        var byPosting: [String: Set<String>] = [:]

        mutating func apply(_ change: StoredChange) throws {
            try apply(change, decoded: change.document.map { try JobBoard.decode(Referral.self, $0) })
        }

        /// `change`, its document already decoded (`nil`: deleted).
        mutating func apply(_ change: StoredChange, decoded referral: Referral?) throws {
            if let old = byID.removeValue(forKey: change.id) {
                if let candidate = old.candidate { byCandidate[candidate]?.remove(old.id) }
                byPosting[old.posting]?.remove(old.id)
            }
            guard let referral else { return }
            byID[referral.id] = referral
            if let candidate = referral.candidate { byCandidate[candidate, default: []].insert(referral.id) }
            byPosting[referral.posting, default: []].insert(referral.id)
        }
    }

    private let state = Mutex(State())
    private let store: any JobStore

    init(store: any JobStore) {
        self.store = store
    }

    /// The referrals as of the store's last change (loaded on first use, then caught up).
    func current() throws -> State {
        try catchUp()
        return state.withLock { $0 }
    }

    /// The referrals of `changes`, decoded in chunks on every core, in order.
    static func decode(_ changes: [StoredChange]) throws -> [Referral?] {
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount * 4, changes.count / 2_000)
        return try Parallel.chunks(of: changes.count, into: chunks) { range in
            try changes[range].map { change in try change.document.map { try JobBoard.decode(Referral.self, $0) } }
        }.flatMap { $0 }
    }

    /// Applies the feed's changes after the last one read; the first call reads every referral.
    func catchUp() throws {
        let from = state.withLock { $0.sequence }
        var next = State()
        var applied: [StoredChange] = []
        if from < 0 {
            var all: [StoredChange] = []
            let sequence = try store.forEachRecord(of: .referral, batchSize: 5_000) { all += $0 }
            // Decoding is most of a cold start (100,000 referrals: 1.2 of 2 s on one core): on every core.
            let decoded = try Self.decode(all)
            next.byID.reserveCapacity(all.count)
            for (change, referral) in zip(all, decoded) { try next.apply(change, decoded: referral) }
            next.sequence = sequence
            // Changes written while the read ran are applied below, after it.
            applied = try store.changes(of: .referral, after: sequence, limit: .max)
        } else {
            let newest = try store.sequence(of: .referral)
            guard newest > from else { return }
            applied = try store.changes(of: .referral, after: from, limit: .max)
        }
        try state.withLock { state in
            if from < 0 {
                guard state.sequence < 0 else { return }  // another caller loaded first
                state = next
            }
            for change in applied where change.sequence > state.sequence {
                try state.apply(change)
                state.sequence = change.sequence
            }
        }
    }
}
