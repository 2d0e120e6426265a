import Foundation

/// The source of truth: postings and profiles, each kept as the JSON line it came
/// from (so fields this version does not know are kept too), with a change feed.
///
/// ## The change feed
/// Each table (``RecordKind``) has its own sequence. Every upsert or delete takes
/// the next number, in the same transaction as the change. ``changes(of:after:limit:)``
/// returns every record changed after a number, once, in sequence order, in its
/// latest state: its document, or `nil` when it was deleted (a tombstone of id and
/// number, which holds no personal data). A reader that applies the changes in order
/// reaches the state of the store at the last number it read; this is how the
/// search indexes are kept in step with the store, and how a saved index catches
/// up after a restart (it records the number it contains).
///
/// Implementations: ``SQLiteJobStore`` (embedded, the default) and `PostgresJobStore` (the
/// `JobStoragePostgres` module: one PostgreSQL shared by any number of servers). The search
/// indexes, the matcher and everything above only see this protocol.
public protocol JobStore: Sendable {
    /// Where the store is, for messages (a path, or a URL without its password).
    var location: String { get }

    /// The last number of `kind`'s sequence (0 for a new store).
    func sequence(of kind: RecordKind) throws -> Int64

    /// What names this store, drawn at random when it was created (a copy restored keeps it; another store,
    /// even of the same database name, has another).
    func identity() throws -> String

    /// The mark of the last write transaction of `kind` that ended at or before `sequence` (``HistoryMark``),
    /// or `nil` when none did.
    func historyMark(of kind: RecordKind, atOrBefore sequence: Int64) throws -> HistoryMark?

    /// Records of `kind` changed after `sequence`, at most `limit`, in sequence order.
    func changes(of kind: RecordKind, after sequence: Int64, limit: Int) throws -> [StoredChange]

    /// Every live record of `kind` in one consistent read, in batches, for a full
    /// rebuild. Returns the sequence that read saw (the rebuild contains every change up to it).
    @discardableResult
    func forEachRecord(of kind: RecordKind, batchSize: Int, _ body: ([StoredChange]) throws -> Void) throws -> Int64

    /// The documents of the records of `kind` with these ids (missing ids are left out).
    func documents(of kind: RecordKind, ids: [String]) throws -> [String: String]

    /// How many live records of `kind` the store holds.
    func count(of kind: RecordKind) throws -> Int

    /// Runs `body` in one write transaction: committed when it returns, rolled back
    /// when it throws. Deleted profiles are erased from the store's files before
    /// this returns (see the implementation).
    func write(_ body: (any StoreTransaction) throws -> Void) throws -> WriteReceipt

    /// ``write(_:)`` without blocking the caller's thread.
    func write(_ body: @escaping @Sendable (any StoreTransaction) throws -> Void) async throws -> WriteReceipt

    /// Profiles a counsellor looks for: the one whose id is `text`, those whose phone
    /// holds its digits (at least 4), those whose name holds it (compared without accents
    /// or case), at most `limit`, as stored. Personal data: for the console, behind a token.
    func findProfiles(_ text: String, limit: Int) throws -> [StoredChange]

    // MARK: The access record

    /// Keeps `record`, and forgets the records older than `retention`.
    func recordAccess(_ record: AccessRecord, retention: TimeInterval) async throws

    /// The access records since `since` (all when `nil`), newest first, at most `limit`.
    func accessRecords(since: Date?, limit: Int) throws -> [AccessRecord]

    // MARK: Other writers

    /// Returns when another process may have written to the store, or after `timeout`: what a
    /// server waits on before catching its indexes up with writes it did not make (a replica).
    /// `true` when the store was told of a change (PostgreSQL's `NOTIFY`), `false` on the timeout.
    func waitForChanges(timeout: Duration) async -> Bool
}

extension JobStore {
    /// Polling: waits `timeout` and says nothing was told. A store that hears of changes overrides it.
    public func waitForChanges(timeout: Duration) async -> Bool {
        try? await Task.sleep(for: timeout)
        return false
    }
}
