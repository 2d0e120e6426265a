/// The writes of one transaction: all of them are committed, or none.
///
/// Each call gives the record the next number of its table's sequence, in the
/// same transaction, so the change feed never shows half a transaction.
public protocol StoreTransaction {
    /// Adds the record, or replaces the one with the same id.
    func upsert(_ kind: RecordKind, id: String, document: String) throws
    /// Deletes the record, leaving only a tombstone (its id and sequence) in the feed;
    /// `false` when there was none. The record's bytes are erased, not just unlinked.
    @discardableResult
    func delete(_ kind: RecordKind, id: String) throws -> Bool
    /// The record as this transaction sees it (its own writes included), or `nil`: what a change that depends on the
    /// stored state reads, so that no other writer's change comes between the read and the write (writers take turns:
    /// SQLite has one writer, PostgreSQL's transactions lock the feed first).
    func document(_ kind: RecordKind, id: String) throws -> String?
}
