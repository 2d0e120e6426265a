/// The two kinds of records a store holds, each in its own table with its own
/// sequence of changes.
public enum RecordKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Job postings (`postings.jsonl`).
    case posting
    /// Candidate profiles (`profiles.jsonl`): personal data.
    case profile

    public var description: String { rawValue }
}
