import JobRecords

/// A posting found for a search or a candidate, with its reasons.
public struct RankedPosting: Sendable, Hashable {
    public var posting: JobPosting
    /// Higher is better.
    public var score: Double
    /// One sentence each, Vietnamese, best first.
    public var reasons: [String]
    /// What to learn to fit better (a licence or skill asked and not shown), when the trade is shared.
    public var training: [TrainingSuggestion] = []
    /// Kilometres from the place the search was near or in (one decimal), when both are known.
    public var distanceKilometres: Double?

    /// The reasons as one line to read aloud: `Đúng nghề: hàn điện; đủ trình độ (…); cách nhà 12 km`.
    public var explanation: String { reasons.joined(separator: "; ") }
}
