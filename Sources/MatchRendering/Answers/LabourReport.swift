import JobRecords

/// The Authority's labour report for a period: demand (postings and openings), supply (registered candidates),
/// tension (openings per candidate who fits), fills (referrals, interviews, hires), training gaps and the
/// postings counted once as duplicates. The figures of `hezamatch report`, `GET /v1/report` and `/console/report`
/// (docs/data-contract.md); rendered by ``LabourReportDocument``.
public struct LabourReport: Sendable, Hashable, Encodable {
    /// One line of a table: a key (a code, a zone, a level), what a reader reads, and its figures.
    public struct Count: Sendable, Hashable, Encodable {
        public var key: String
        public var name: String
        public var postings: Int?
        public var openings: Int?
        public var candidates: Int?

        public init(key: String, name: String, postings: Int? = nil, openings: Int? = nil, candidates: Int? = nil) {
            self.key = key
            self.name = name
            self.postings = postings
            self.openings = openings
            self.candidates = candidates
        }
    }

    public struct Period: Sendable, Hashable, Encodable {
        public var from: CalendarDate
        public var to: CalendarDate
        /// The period of the same length just before (what "period over period" compares with).
        public var previousFrom: CalendarDate
        public var previousTo: CalendarDate
        public var zone: String?

        private enum CodingKeys: String, CodingKey {
            case from, to, zone
            case previousFrom = "previous_from", previousTo = "previous_to"
        }

        public init(from: CalendarDate, to: CalendarDate, previousFrom: CalendarDate, previousTo: CalendarDate, zone: String?) {
            self.from = from
            self.to = to
            self.previousFrom = previousFrom
            self.previousTo = previousTo
            self.zone = zone
        }
    }

    public struct SalaryRange: Sendable, Hashable, Encodable {
        public var key: String
        public var name: String
        /// Postings that give a salary.
        public var postings: Int
        /// VND a month: the lowest minimum, the median of the postings' midpoints, the highest maximum.
        public var lowest: Int
        public var median: Int
        public var highest: Int

        public init(key: String, name: String, postings: Int, lowest: Int, median: Int, highest: Int) {
            self.key = key
            self.name = name
            self.postings = postings
            self.lowest = lowest
            self.median = median
            self.highest = highest
        }
    }

    public struct Demand: Sendable, Hashable, Encodable {
        /// Postings open at some time in the period (posted by its end, not closed before its start), duplicates counted once.
        public var postings = 0
        public var openings = 0
        public var previousPostings = 0
        public var previousOpenings = 0
        /// Posted in the period; closing (deadline) in the period.
        public var newPostings = 0
        public var closedPostings = 0
        public var byOccupation: [Count] = []
        public var byZone: [Count] = []
        public var byEducation: [Count] = []
        public var byAudience: [Count] = []
        public var salaries: [SalaryRange] = []

        public init() {}

        private enum CodingKeys: String, CodingKey {
            case postings, openings, salaries
            case previousPostings = "previous_postings", previousOpenings = "previous_openings", newPostings = "new_postings"
            case closedPostings = "closed_postings", byOccupation = "by_occupation", byZone = "by_zone", byEducation = "by_education"
            case byAudience = "by_audience"
        }
    }

    public struct Supply: Sendable, Hashable, Encodable {
        /// Registered candidates (every profile the store holds).
        public var candidates = 0
        /// A candidate is counted under each of their occupations (at most three), as matching classifies them.
        public var byOccupation: [Count] = []
        public var byCategory: [Count] = []
        public var byEducation: [Count] = []
        /// Where they live, on today's map where it can be read.
        public var byHome: [Count] = []

        public init() {}

        private enum CodingKeys: String, CodingKey {
            case candidates
            case byOccupation = "by_occupation", byCategory = "by_category", byEducation = "by_education", byHome = "by_home"
        }
    }

    /// Openings per candidate who fits: of the occupation, and eligible (education, age) for one of its open postings.
    public struct Tension: Sendable, Hashable, Encodable {
        public struct Line: Sendable, Hashable, Encodable {
            public var key: String
            public var name: String
            public var openings: Int
            public var candidates: Int
            /// Openings per candidate who fits (`nil` when none fits).
            public var openingsPerCandidate: Double?

            public init(key: String, name: String, openings: Int, candidates: Int) {
                self.key = key
                self.name = name
                self.openings = openings
                self.candidates = candidates
                openingsPerCandidate = candidates == 0 ? nil : (Double(openings) / Double(candidates) * 100).rounded() / 100
            }

            private enum CodingKeys: String, CodingKey {
                case key, name, openings, candidates
                case openingsPerCandidate = "openings_per_candidate"
            }
        }

        public var byOccupation: [Line] = []
        public var byZone: [Line] = []
        /// Sentences a report can quote: the trades and zones short of workers, those with more candidates than places.
        public var shortest: [String] = []
        public var surplus: [String] = []

        public init() {}

        private enum CodingKeys: String, CodingKey {
            case shortest, surplus
            case byOccupation = "by_occupation", byZone = "by_zone"
        }
    }

    public struct Fills: Sendable, Hashable, Encodable {
        public struct Line: Sendable, Hashable, Encodable {
            public var key: String
            public var name: String
            public var openings: Int
            public var referrals: Int
            public var interviews: Int
            public var hires: Int
            /// Hires per opening.
            public var fillRate: Double?

            public init(key: String, name: String, openings: Int, referrals: Int, interviews: Int, hires: Int) {
                self.key = key
                self.name = name
                self.openings = openings
                self.referrals = referrals
                self.interviews = interviews
                self.hires = hires
                fillRate = openings == 0 ? nil : (Double(hires) / Double(openings) * 1000).rounded() / 1000
            }

            private enum CodingKeys: String, CodingKey {
                case key, name, openings, referrals, interviews, hires
                case fillRate = "fill_rate"
            }
        }

        public var referrals = 0
        public var interviews = 0
        public var hires = 0
        public var medianDaysToHire: Double?
        public var byOccupation: [Line] = []
        public var byZone: [Line] = []
        /// Referrals generated for a demonstration among those counted.
        public var generated = 0

        public init() {}

        private enum CodingKeys: String, CodingKey {
            case referrals, interviews, hires, generated
            case medianDaysToHire = "median_days_to_hire", byOccupation = "by_occupation", byZone = "by_zone"
        }
    }

    public struct TrainingGap: Sendable, Hashable, Encodable {
        public var course: String
        /// What the postings ask, as they say it.
        public var lacking: [String]
        /// Candidates of the trade whom the course would make eligible.
        public var candidates: Int
        public var postings: Int
        public var sentence: String
        /// Resolution 03/2024/NQ-HĐND, as the fair says it.
        public var support: String

        public init(course: String, lacking: [String], candidates: Int, postings: Int, sentence: String, support: String) {
            self.course = course
            self.lacking = lacking
            self.candidates = candidates
            self.postings = postings
            self.sentence = sentence
            self.support = support
        }
    }

    /// Postings counted once: the same employer, occupation and zone, posted within 30 days of the one kept.
    public struct Duplicate: Sendable, Hashable, Encodable {
        public var kept: String
        public var merged: [String]
        public var employer: String
        public var occupation: String
        public var zone: String

        public init(kept: String, merged: [String], employer: String, occupation: String, zone: String) {
            self.kept = kept
            self.merged = merged
            self.employer = employer
            self.occupation = occupation
            self.zone = zone
        }
    }

    public var period: Period
    public var demand: Demand
    public var supply: Supply
    public var tension: Tension
    public var fills: Fills
    public var trainingGaps: [TrainingGap]
    public var duplicates: [Duplicate]

    public init(period: Period, demand: Demand, supply: Supply, tension: Tension, fills: Fills, trainingGaps: [TrainingGap], duplicates: [Duplicate]) {
        self.period = period
        self.demand = demand
        self.supply = supply
        self.tension = tension
        self.fills = fills
        self.trainingGaps = trainingGaps
        self.duplicates = duplicates
    }

    private enum CodingKeys: String, CodingKey {
        case period, demand, supply, tension, fills, duplicates
        case trainingGaps = "training_gaps"
    }
}
