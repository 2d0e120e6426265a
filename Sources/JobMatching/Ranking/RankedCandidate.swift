import JobRecords

/// A candidate found for a posting, with the reasons. Holds personal data
/// (`profile.name`, `profile.phone`): only shortlists carry it.
public struct RankedCandidate: Sendable, Hashable {
    public var profile: CandidateProfile
    public var score: Double
    public var reasons: [String]

    public var explanation: String { reasons.joined(separator: "; ") }
}
