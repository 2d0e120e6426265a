import JobRecords

/// A job fair to plan: the postings with a booth, and the rules of the allocation.
public struct FairRequest: Sendable {
    /// The postings, one booth each, numbered 1, 2, … in this order.
    public var postings: [JobPosting]
    public var asOf: CalendarDate
    /// Booths a candidate is sent to at most.
    public var perCandidate = 3
    /// Candidates sent to a booth: about this many times its openings…
    public var oversubscribe = 2.0
    /// …and at least this many.
    public var minimum = 10
    /// Pairs below this score are not made, whatever the quota.
    public var minimumScore = 0.0

    public init(postings: [JobPosting], asOf: CalendarDate) {
        self.postings = postings
        self.asOf = asOf
    }

    /// The places of a booth: `max(minimum, round(oversubscribe × openings))`; a posting
    /// that does not say its openings counts one.
    public func capacity(of posting: JobPosting) -> Int {
        max(minimum, Int((oversubscribe * Double(max(1, posting.openings ?? 1))).rounded()))
    }
}
