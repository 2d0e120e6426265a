import JobRecords

/// Who goes to which booth at a job fair, and what the organisers should know.
///
/// Holds no name or phone: the candidates are ``RankedCandidate``s from the index
/// (``StoredRecord``); the caller adds contacts where an output needs them.
public struct FairPlan: Sendable {
    /// One booth: a posting and the candidates sent to it, best first.
    public struct Booth: Sendable {
        /// 1, 2, … in the order of the request.
        public var number: Int
        public var posting: JobPosting
        /// The places: candidates the booth can receive.
        public var capacity: Int
        /// Candidates eligible for the posting who share its trade.
        public var eligible: Int
        public var candidates: [RankedCandidate]
        /// When each candidate is expected (`08:30`), by id.
        public var times: [String: String]
        /// The mean score of the best `candidates.count` eligible candidates, as an
        /// independent shortlist of the same size would have them.
        public var independentMean: Double?
    }

    /// A gap summed over the fair: `86 ứng viên thiếu chứng chỉ xe nâng cho 4 doanh nghiệp`.
    public struct Gap: Sendable, Hashable {
        public var course: TrainingCatalogue.Course
        /// What the postings ask, as they say it (`chứng chỉ xe nâng`).
        public var lacking: [String]
        /// Candidates who share a posting's trade but lack it (ids, sorted).
        public var candidates: [String]
        public var employers: [String]
        public var postings: [String]

        public var sentence: String {
            "\(candidates.count) ứng viên thiếu \(lacking.joined(separator: " / ")) cho \(employers.count) doanh nghiệp: \(course.name) (\(course.length)); \(course.support)"
        }
    }

    /// Figures of the allocation (encoded as the data contract names them: `openings_covered`, `solving_ms`…).
    public struct Summary: Sendable, Hashable, Codable {
        public var booths: Int
        public var openings: Int
        /// Places of all booths (``FairRequest/capacity(of:)``), and those filled.
        public var places: Int
        public var filled: Int
        /// Openings with at least one candidate sent (per booth, `min(openings, sent)`).
        public var openingsCovered: Int
        /// Booths whose places are all filled.
        public var boothsFull: Int
        /// Candidates in the pool, candidates who fit at least one booth (of its trade, a related trade or its general
        /// work, whether or not places were left), and those sent to one.
        public var candidates: Int
        public var eligibleCandidates: Int
        public var placedCandidates: Int
        /// Eligible candidate–booth pairs: of the trade, of a related trade and of general work.
        public var pairs: Int
        public var meanScore: Double
        public var independentMean: Double
        public var scoringMilliseconds: Double
        public var solvingMilliseconds: Double

        private enum CodingKeys: String, CodingKey {
            case booths, openings, places, filled, openingsCovered = "openings_covered", boothsFull = "booths_full", candidates
            case eligibleCandidates = "eligible_candidates", placedCandidates = "placed_candidates", pairs
            case meanScore = "mean_score", independentMean = "independent_mean"
            case scoringMilliseconds = "scoring_ms", solvingMilliseconds = "solving_ms"
        }
    }

    public var asOf: CalendarDate
    public var perCandidate: Int
    public var oversubscribe: Double
    public var booths: [Booth]
    /// Candidates who fit some booth and are sent to none (every booth they fit is full), sorted.
    public var unplaced: [String]
    public var gaps: [Gap]
    public var summary: Summary
}
