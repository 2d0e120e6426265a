import Dispatch
import Foundation
import JobRecords
import JobStorage
import SearchIndex
import Synchronization

/// One table's search index, kept in step with the store through its change feed.
///
/// - **Open**: the saved file (memory-mapped) when there is one written with the same
///   schema and reference tables; else a full rebuild from the store, saying why.
/// - **Catch up**: the store's changes after the sequence the index contains
///   (``IndexSnapshot/userData`` `sequence`) are applied in batches, each published
///   with its last sequence, so the index always says how far it has got.
/// - **Save**: atomically, in the background or at shutdown; a file holds the
///   sequence it contains, so a restart (even after `kill -9`) applies only what came after.
///
/// Readers take ``snapshot``-based searches and never wait; catch-ups, rebuilds and
/// saves are serialised among themselves.
final class LiveIndex: Sendable {
    let kind: RecordKind
    let schema: IndexSchema
    /// The saved file, or `nil` to keep the index in memory only.
    let path: String?
    /// What the documents depend on besides the records (reference tables, layouts).
    let fingerprint: String
    private let store: any JobStore
    private let makeDocument: @Sendable (String) throws -> IndexDocument
    private let log: @Sendable (String) -> Void
    /// Called with each batch of changes before it is applied, and the snapshot it applies to.
    private let observer: (@Sendable ([StoredChange], IndexSnapshot) -> Void)?
    /// Called after each save with the change the file holds, while no change can be applied: what the observer
    /// keeps beside the index is saved at the same change.
    private let saved: (@Sendable (Int64) throws -> Void)?
    /// Called once the index is open, before it catches up with the store: what the observer keeps beside the
    /// index is read at the change the file holds, and then follows the catch-up.
    private let opened: (@Sendable (IndexSnapshot) -> Void)?

    private let loaded = Mutex<SearchIndex?>(nil)
    private let updating = Mutex<Void>(())
    private let savedSequence = Mutex<Int64>(-1)
    /// How the index was opened: its saved file, or rebuilt and why (for `status` and `/healthz`).
    private let opening = Mutex<String?>(nil)
    private let storeIdentity = Mutex<String?>(nil)
    private let maintenance = DispatchQueue(label: "hezamatch.index-maintenance", qos: .utility)

    /// Changes read from the store at a time when catching up.
    static let batchSize = 20_000

    init(kind: RecordKind, schema: IndexSchema, path: String?, fingerprint: String, store: any JobStore,
         log: @escaping @Sendable (String) -> Void, observer: (@Sendable ([StoredChange], IndexSnapshot) -> Void)? = nil,
         saved: (@Sendable (Int64) throws -> Void)? = nil, opened: (@Sendable (IndexSnapshot) -> Void)? = nil,
         makeDocument: @escaping @Sendable (String) throws -> IndexDocument) {
        self.kind = kind
        self.schema = schema
        self.path = path
        self.fingerprint = fingerprint
        self.store = store
        self.log = log
        self.observer = observer
        self.saved = saved
        self.opened = opened
        self.makeDocument = makeDocument
    }

    /// The index, opened or built and caught up with the store on first use.
    func index() throws -> SearchIndex {
        if let index = loaded.withLock({ $0 }) { return index }
        return try updating.withLock { _ in
            if let index = loaded.withLock({ $0 }) { return index }
            let index = try openOrBuild()
            loaded.withLock { $0 = index }
            opened?(index.snapshot)
            _ = try catchUpLocked(index)
            return index
        }
    }

    /// Whether the index has been opened in this process.
    var isLoaded: Bool { loaded.withLock { $0 != nil } }

    /// The store sequence a snapshot contains.
    static func sequence(of snapshot: IndexSnapshot) -> Int64 { Int64(snapshot.userData["sequence"] ?? "") ?? 0 }

    /// Applies the store's changes after the index's sequence; returns how many.
    @discardableResult
    func catchUp() throws -> Int {
        let index = try self.index()
        return try updating.withLock { _ in try catchUpLocked(index) }
    }

    /// How the index was opened in this process: `opened <file>`, `built: …` or `rebuilt: <why>`; `nil` before.
    var openedAs: String? { opening.withLock { $0 } }

    /// The store's identity, read once.
    private func identity() throws -> String {
        if let known = storeIdentity.withLock({ $0 }) { return known }
        let identity = try store.identity()
        storeIdentity.withLock { $0 = identity }
        return identity
    }

    /// What a snapshot says of itself: the store's change it contains, and the store and history it comes from
    /// (the store's identity and the mark of its last transaction up to that change), besides what its
    /// documents depend on.
    private func userData(sequence: Int64) throws -> [String: String] {
        var data = ["sequence": String(sequence), "fingerprint": fingerprint, "kind": kind.rawValue, "store": try identity()]
        if let mark = try store.historyMark(of: kind, atOrBefore: sequence) { data["mark"] = mark.description }
        return data
    }

    /// Why a saved index cannot be caught up with this store, or `nil` when it can: built from another store, or
    /// at a change the store does not have or has with another history (the store restored from an older copy).
    private func divergence(of snapshot: IndexSnapshot) throws -> String? {
        let data = snapshot.userData
        let saved = Self.sequence(of: snapshot)
        guard data["store"] == (try identity()) else { return "it was built from another store" }
        let storeSequence = try store.sequence(of: kind)
        if saved > storeSequence {
            return "it holds change \(saved) and the store only \(storeSequence) (the store restored from an older copy?)"
        }
        let expected = try store.historyMark(of: kind, atOrBefore: saved)
        if data["mark"].flatMap(HistoryMark.init) != expected {
            return "the store's history up to change \(saved) is not the one the index was built from (restored, then written again?)"
        }
        return nil
    }

    private func catchUpLocked(_ index: SearchIndex) throws -> Int {
        var applied = 0
        while true {
            let snapshot = index.snapshot
            let changes = try store.changes(of: kind, after: Self.sequence(of: snapshot), limit: Self.batchSize)
            guard let last = changes.last else { break }
            observer?(changes, snapshot)
            var upserts: [IndexDocument] = []
            var deletions: [String] = []
            for change in changes {
                if let document = change.document {
                    upserts.append(try makeDocument(document))
                } else {
                    deletions.append(change.id)
                }
            }
            try index.apply(upserts: upserts, deletions: deletions, userData: try userData(sequence: last.sequence), merging: .later)
            applied += changes.count
            if changes.count < Self.batchSize { break }
        }
        if applied > 0 { scheduleMerge() }
        return applied
    }

    /// Publishes a batch built while loading records that took the sequences
    /// `sequenceBefore + 1 … sequenceAfter` (``JobBoard/load(postings:profiles:progress:)``).
    /// When the index was not exactly at `sequenceBefore` (another writer came in
    /// between), the batch is dropped and the index catches up from the store instead.
    ///
    /// - Returns: whether the batch was published (else the feed brought the same changes).
    @discardableResult
    func publishLoaded(_ batch: SegmentBatch, sequenceBefore: Int64, sequenceAfter: Int64) throws -> Bool {
        let index = try self.index()
        return try updating.withLock { _ in
            let published = Self.sequence(of: index.snapshot) == sequenceBefore
            if published { index.publish(batch, userData: try userData(sequence: sequenceAfter), merging: .later) }
            _ = try catchUpLocked(index)
            return published
        }
    }

    // MARK: Opening and building

    private func openOrBuild() throws -> SearchIndex {
        if let path {
            for removed in SearchIndex.removeAbandonedTemporaries(beside: path) {
                log("removed \(removed), left by an interrupted save")
            }
            if FileManager.default.fileExists(atPath: path) {
                do {
                    let index = try SearchIndex.open(path: path, schema: schema)
                    if index.snapshot.userData["fingerprint"] != fingerprint {
                        log("rebuilding the \(kind) index: \(path) was built with other reference tables or an older layout")
                        opening.withLock { $0 = "rebuilt: the saved index was built with other reference tables or an older layout" }
                    } else if let reason = try divergence(of: index.snapshot) {
                        log("rebuilding the \(kind) index: \(path): \(reason)")
                        opening.withLock { $0 = "rebuilt: " + reason }
                    } else {
                        savedSequence.withLock { $0 = Self.sequence(of: index.snapshot) }
                        opening.withLock { $0 = "opened \(path) at change \(Self.sequence(of: index.snapshot))" }
                        return index
                    }
                } catch let error as IndexError {
                    log("rebuilding the \(kind) index: \(error.message)")
                    opening.withLock { $0 = "rebuilt: " + error.message }
                }
            } else if try store.count(of: kind) > 0 {
                log("building the \(kind) index: no saved index at \(path)")
            }
        }
        opening.withLock { if $0 == nil { $0 = "built from the store" } }
        return try rebuild()
    }

    /// Builds the index from every record of the store, in one consistent read.
    ///
    /// - Complexity: O(*n*) in the records' text.
    private func rebuild() throws -> SearchIndex {
        let batch = SegmentBatch(schema: schema)
        let sequence = try store.forEachRecord(of: kind, batchSize: 10_000) { records in
            for record in records { try batch.add(try makeDocument(record.document ?? "")) }
        }
        let index = SearchIndex(schema: schema)
        index.publish(batch, userData: try userData(sequence: sequence), merging: .later)
        index.optimize()
        if path != nil { try save(index) }
        return index
    }

    // MARK: Saving and merging

    /// Saves the index when it holds changes the saved file does not.
    ///
    /// - Returns: whether it saved.
    @discardableResult
    func saveIfChanged() throws -> Bool {
        guard let index = loaded.withLock({ $0 }), path != nil else { return false }
        return try updating.withLock { _ in
            guard Self.sequence(of: index.snapshot) != savedSequence.withLock({ $0 }) else { return false }
            try save(index)
            return true
        }
    }

    private func save(_ index: SearchIndex) throws {
        guard let path else { return }
        let snapshot = index.snapshot
        try index.save(to: path)
        savedSequence.withLock { $0 = Self.sequence(of: snapshot) }
        try saved?(Self.sequence(of: snapshot))
    }

    /// Merges segments in the background when they pile up.
    func scheduleMerge() {
        maintenance.async { [self] in
            _ = loaded.withLock { $0 }?.mergeIfNeeded()
        }
    }

    /// Rewrites the segments that hold deleted documents, so that their bytes leave
    /// memory, then saves the index, so that they leave the saved file too (erasure).
    func expungeDeletedAndSave() throws {
        guard let index = loaded.withLock({ $0 }) else { return }
        try updating.withLock { _ in
            index.mergeIfNeeded(expungingDeletes: true)
            if path != nil { try save(index) }
        }
    }

    /// ``expungeDeletedAndSave()`` in the background; errors are logged.
    func scheduleExpunge() {
        maintenance.async { [self] in
            do { try expungeDeletedAndSave() } catch { log("could not rewrite the \(kind) index after a deletion: \(error)") }
        }
    }

    /// Waits for background merges and expunges queued so far.
    func waitForMaintenance() {
        maintenance.sync {}
    }
}
