import Foundation
import JobMatching
import SearchIndex
import Synchronization
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// The store and its live indexes, as the HTTP API uses them.
///
/// Reads (search, matches, shortlists) run on index snapshots and never wait. A
/// write commits to the store first (one transaction), then applies the same change
/// to the in-memory indexes, so it is visible to the next search (well within a
/// second). Writes are serialised, so that the store and the indexes see them in
/// the same order.
public final class JobService: Sendable {
    public let store: JobStore
    public let reference: ReferenceData
    let postings: SearchIndex
    let profiles: SearchIndex
    let suggester: TitleSuggester
    private let writer = Mutex<Void>(())

    public init(store: JobStore, reference: ReferenceData) throws {
        self.store = store
        self.reference = reference
        postings = try DerivedIndexes.postings(of: store, synonyms: reference.synonyms)
        profiles = try DerivedIndexes.profiles(of: store, synonyms: reference.synonyms)
        suggester = TitleSuggester(titles: try store.postings().map(\.title))
    }

    var matcher: JobMatcher { JobMatcher(reference: reference) }

    /// Documents in each index and their bytes, for /metrics.
    var indexFigures: [(name: String, documents: Int, bytes: Int)] {
        [("postings", postings.documentCount, postings.snapshot.byteCount), ("profiles", profiles.documentCount, profiles.snapshot.byteCount)]
    }

    /// Saves the live indexes as the cache of the store's current generation (at
    /// shutdown), so that the next start opens them instead of rebuilding them.
    public func saveIndexes() throws {
        try writer.withLock { _ in
            try DerivedIndexes.save(postings: postings, profiles: profiles, of: store, synonyms: reference.synonyms)
        }
    }

    // MARK: Writes

    /// Adds or replaces postings and profiles, all or nothing.
    public func upsert(postings newPostings: [JSONLinesLoader.Record<JobPosting>] = [],
                       profiles newProfiles: [JSONLinesLoader.Record<CandidateProfile>] = []) throws {
        try writer.withLock { _ in
            let previousTitles = try newPostings.map { try store.posting(id: $0.value.id)?.title }
            _ = try store.upsert(postings: newPostings, profiles: newProfiles)
            if !newPostings.isEmpty {
                try postings.apply(upserts: newPostings.map { MatchIndexes.document($0.value, synonyms: reference.synonyms) })
                for (record, old) in zip(newPostings, previousTitles) { suggester.update(removing: old, adding: record.value.title) }
            }
            if !newProfiles.isEmpty {
                try profiles.apply(upserts: newProfiles.map { MatchIndexes.document($0.value, synonyms: reference.synonyms) })
            }
        }
    }

    /// Deletes a posting; `false` when there was none.
    public func deletePosting(id: String) throws -> Bool {
        try writer.withLock { _ in
            guard let old = try store.posting(id: id) else { return false }
            try store.delete(postingIDs: [id])
            try postings.apply(upserts: [], deletions: [id])
            suggester.update(removing: old.title, adding: nil)
            return true
        }
    }

    /// Deletes a profile; `false` when there was none.
    public func deleteProfile(id: String) throws -> Bool {
        try writer.withLock { _ in
            guard try store.profile(id: id) != nil else { return false }
            try store.delete(profileIDs: [id])
            try profiles.apply(upserts: [], deletions: [id])
            return true
        }
    }
}
