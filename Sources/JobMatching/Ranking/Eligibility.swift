import JobRecords
import SearchIndex

extension JobMatcher {
    /// A posting's hard rules that a profile's columns decide: an education at least the posting's minimum, and a birth
    /// year the posting's ages allow on the day (an unknown birth year passes: the counsellor asks). The shortlist
    /// applies them as index filters (``filters``); whole-index counts (the labour report) as ``admits(education:birthYear:)``.
    public struct Eligibility: Sendable, Hashable {
        /// `nil`: any education.
        public var minimumEducation: EducationLevel?
        /// The oldest and the youngest allowed, as birth years (`nil`: no bound).
        public var earliestBirthYear: Int?
        public var latestBirthYear: Int?

        public init(posting: JobPosting, asOf: CalendarDate) {
            minimumEducation = posting.educationMin.flatMap { $0 > .none ? $0 : nil }
            earliestBirthYear = posting.ageMax.map { asOf.year - $0 }
            latestBirthYear = posting.ageMin.map { asOf.year - $0 }
        }

        /// The index filters of the rules (the profiles' `education` keyword and `birth_year` number).
        public var filters: [SearchFilter] {
            var filters: [SearchFilter] = []
            if let minimumEducation { filters.append(.profile(.education, anyOf: minimumEducation.andAbove.map(\.rawValue))) }
            if earliestBirthYear != nil || latestBirthYear != nil {
                filters.append(.profile(.birthYear, lower: earliestBirthYear.map(Int64.init), upper: latestBirthYear.map(Int64.init), orMissing: true))
            }
            return filters
        }

        /// Whether a candidate of this education and birth year passes, as ``filters`` decide.
        public func admits(education: EducationLevel, birthYear: Int?) -> Bool {
            if let minimumEducation, education < minimumEducation { return false }
            guard let birthYear else { return true }
            if let earliestBirthYear, birthYear < earliestBirthYear { return false }
            if let latestBirthYear, birthYear > latestBirthYear { return false }
            return true
        }
    }
}
