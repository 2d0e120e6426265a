import JobRecords

/// A candidate found for a posting, with the reasons. Holds personal data
/// (`profile.name`, `profile.phone`): only shortlists carry it.
public struct RankedCandidate: Sendable, Hashable {
    public var profile: CandidateProfile
    public var score: Double
    public var reasons: [String]
    /// What to learn to fit better (a licence or skill asked and not shown), when the trade is shared.
    public var training: [TrainingSuggestion] = []

    public var explanation: String { reasons.joined(separator: "; ") }
}
