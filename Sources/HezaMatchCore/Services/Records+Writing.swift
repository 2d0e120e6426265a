import Dispatch
import JobRecords
import JobStorage

extension Records {
    /// Adds or replaces postings and profiles, all or nothing: committed to the store
    /// in one transaction, then applied to the open indexes before this returns, so
    /// the next search sees them. Searches running meanwhile are not held up.
    @discardableResult
    public func upsert(postings newPostings: [JSONLinesLoader.Record<JobPosting>] = [],
                       profiles newProfiles: [JSONLinesLoader.Record<CandidateProfile>] = []) async throws -> WriteReceipt {
        let postingLines = newPostings.map { ($0.value.id, $0.json) }
        let profileLines = newProfiles.map { ($0.value.id, $0.json) }
        let receipt = try await store.write { transaction in
            for (id, json) in postingLines { try transaction.upsert(.posting, id: id, document: json) }
            for (id, json) in profileLines { try transaction.upsert(.profile, id: id, document: json) }
        }
        try await followStore()
        return receipt
    }

    /// Deletes a record; `false` when there was none. Deleting a profile erases it:
    /// from the store's files before this returns (secure delete, WAL checkpoint),
    /// from the live index at once, and from memory and the saved index file by a
    /// rewrite of the segments that held it, in the background (``waitForErasure()``).
    ///
    /// An erased profile's id (not its data) stays in the access record, with who erased it.
    public func delete(_ kind: RecordKind, id: String, requester: Requester) async throws -> Bool {
        var found = false
        let receipt = try await store.write { transaction in _ = try transaction.delete(kind, id: id) }
        found = receipt.deleted[kind, default: 0] > 0
        try await followStore()
        if found && kind == .profile {
            profiles.scheduleExpunge()
            try await store.recordAccess(AccessRecord(actor: requester.label, action: "erase", subject: id, profileIDs: [id]),
                                         retention: accessRetention)
        }
        return found
    }

    /// Waits until deleted profiles are gone from the index's memory and saved file.
    public func waitForErasure() {
        profiles.waitForMaintenance()
    }

    /// Catches the open indexes up with the store, off the caller's thread (the
    /// cooperative pool must not block on segment builds).
    public func followStore() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .userInitiated).async {
                do {
                    try Maintenance(core: self.core).catchUp()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
