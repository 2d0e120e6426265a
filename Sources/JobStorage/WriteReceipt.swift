/// What a write transaction did: the sequence of each table after it, and how many
/// records it stored and deleted.
public struct WriteReceipt: Sendable, Hashable {
    /// Each table's last sequence number once the transaction committed.
    public var sequences: [RecordKind: Int64]
    public var stored: [RecordKind: Int]
    public var deleted: [RecordKind: Int]

    public init(sequences: [RecordKind: Int64] = [:], stored: [RecordKind: Int] = [:], deleted: [RecordKind: Int] = [:]) {
        self.sequences = sequences
        self.stored = stored
        self.deleted = deleted
    }
}
