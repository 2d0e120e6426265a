import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex

/// Maintenance: the indexes and the search aids kept in step with the store, warmed, saved and described.
struct Maintenance: BoardService {
    let core: BoardCore

    /// Applies the store's new changes (from this process or any other) to the
    /// indexes that are open; returns how many changes were applied.
    @discardableResult
    public func catchUp() throws -> Int {
        var applied = 0
        for live in [postings, profiles] where live.isLoaded { applied += try live.catchUp() }
        return applied
    }

    /// Opens both indexes and the search aids now (building them if needed), so that the first request is fast.
    public func warmUp() throws {
        _ = try profiles.index()
        try prepareSearchAids()
        try referralLedger.catchUp()  // 100,000 referrals: about 1 s, before the first counsellor's request rather than in it
    }

    /// Opens the postings' index and the search aids (accents, employers, title suggestions): the saved ones
    /// when they are of the index's last change, else learned from every posting once and saved. A search
    /// never learns them itself (``search(_:)`` goes without until they are ready): a server calls this at
    /// start (``warmUp()``), the tool before its one search.
    ///
    /// - Complexity: O(1) in the postings with saved aids; else O(their text), once.
    public func prepareSearchAids() throws {
        try aids.prepare(from: postings.index().snapshot, store: store)
    }

    /// How many times the search aids were learned from every posting, and built (for tests and `/metrics`).
    public var searchAidsBuilds: (fromEveryPosting: Int, built: Int) {
        (aids.fullBuilds.load(ordering: .relaxed), aids.aidsBuilt.load(ordering: .relaxed))
    }

    /// Opens one table's index now (building it if needed).
    public func warmUp(_ kind: RecordKind) throws {
        _ = try (kind == .posting ? postings : profiles).index()
    }

    /// Saves each open index that holds changes its file does not.
    public func saveIndexes() throws {
        for live in [postings, profiles] {
            live.waitForMaintenance()
            try live.saveIfChanged()
        }
    }

    /// The postings index's last change: what a public answer depends on (its `ETag`).
    public func postingsVersion() throws -> Int64 { LiveIndex.sequence(of: try postings.index().snapshot) }

    /// Where the board stands: each table's sequence in the store and in its index.
    public func status() throws -> BoardStatus {
        var tables: [BoardStatus.Table] = []
        for live in [postings, profiles] {
            let stored = try store.sequence(of: live.kind)
            let index = live.isLoaded ? try live.index() : nil
            tables.append(BoardStatus.Table(
                kind: live.kind, storeSequence: stored,
                indexSequence: index.map { LiveIndex.sequence(of: $0.snapshot) },
                documents: index?.documentCount, bytes: index?.snapshot.byteCount, segments: index?.snapshot.segments.count,
                opened: live.openedAs))
        }
        var status = BoardStatus(tables: tables, store: try store.identity())
        status.alerts = try (store as? any AlertStore)?.outboxCounts()
        return status
    }

    /// Documents and bytes of each open index (for metrics).
    public var indexFigures: [(name: String, documents: Int, bytes: Int)] {
        [postings, profiles].compactMap { live in
            guard live.isLoaded, let index = try? live.index() else { return nil }
            return (live.kind.rawValue + "s", index.documentCount, index.snapshot.byteCount)
        }
    }
}
