/// The kinds of records a store holds, each in its own table with its own
/// sequence of changes.
public enum RecordKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Job postings (`postings.jsonl`).
    case posting
    /// Candidate profiles (`profiles.jsonl`): personal data.
    case profile
    /// Referrals of candidates to postings and the employers' answers (``JobRecords/Referral``): a candidate's
    /// id and notes, erased with the candidate (the anonymous rest is kept for the counts).
    case referral

    public var description: String { rawValue }
}
