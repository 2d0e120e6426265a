import Foundation
import SearchIndex
import JobRecords
import JobStorage
import JobMatching

/// The search indexes derived from a store, cached in files beside it.
///
/// A cached index is named after the store's generation and the synonym table
/// (`hezamatch.sqlite.postings-g7-s1f2e….hzix`), so a load or delete in the store,
/// or a new synonym table, makes the next use rebuild it; older files are removed. A
/// damaged cache file is rebuilt too: the store is the source of truth.
public enum DerivedIndexes {
    public static func postings(of store: JobStore, synonyms: SynonymTable) throws -> SearchIndex {
        try cached(store, "postings", synonyms, MatchIndexes.postingSchema) { try MatchIndexes.postingIndex(try store.postings(), synonyms: synonyms) }
    }

    public static func profiles(of store: JobStore, synonyms: SynonymTable) throws -> SearchIndex {
        try cached(store, "profiles", synonyms, MatchIndexes.profileSchema) { try MatchIndexes.profileIndex(try store.profiles(), synonyms: synonyms) }
    }

    /// Saves live indexes (kept in step with the store, as `JobService` does) as the cache
    /// of the store's current generation, so that the next start need not rebuild them.
    public static func save(postings: SearchIndex, profiles: SearchIndex, of store: JobStore, synonyms: SynonymTable) throws {
        let generation = try store.generation()
        for (name, index) in [("postings", postings), ("profiles", profiles)] {
            let path = self.path(store, name, generation, synonyms)
            try index.save(to: path)
            removeOthers(store, name, keeping: path)
        }
    }

    private static func path(_ store: JobStore, _ name: String, _ generation: Int, _ synonyms: SynonymTable) -> String {
        "\(store.path).\(name)-g\(generation)-s\(synonyms.fingerprint).hzix"
    }

    private static func cached(_ store: JobStore, _ name: String, _ synonyms: SynonymTable, _ schema: IndexSchema,
                               build: () throws -> SearchIndex) throws -> SearchIndex {
        let path = self.path(store, name, try store.generation(), synonyms)
        if FileManager.default.fileExists(atPath: path), let index = try? SearchIndex.open(path: path, schema: schema) {
            return index
        }
        let index = try build()
        index.optimize()
        try? index.save(to: path)
        removeOthers(store, name, keeping: path)
        return index
    }

    private static func removeOthers(_ store: JobStore, _ name: String, keeping path: String) {
        let directory = (store.path as NSString).deletingLastPathComponent
        let prefix = ((store.path as NSString).lastPathComponent) + ".\(name)-g"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        where file.hasPrefix(prefix) && file.hasSuffix(".hzix") && file != (path as NSString).lastPathComponent {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(file))
        }
    }
}
