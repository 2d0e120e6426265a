/// One entry of a store's change feed: a record's state after the change that
/// gave it `sequence`.
public struct StoredChange: Sendable, Hashable {
    /// The change's number in its table's sequence (1, 2, 3…).
    public var sequence: Int64
    public var id: String
    /// The record as stored (its JSON line); `nil` when the change deleted it.
    public var document: String?

    public init(sequence: Int64, id: String, document: String?) {
        self.sequence = sequence
        self.id = id
        self.document = document
    }

    /// Whether the change deleted the record.
    public var isDeletion: Bool { document == nil }
}
