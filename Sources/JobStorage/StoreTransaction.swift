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
}
