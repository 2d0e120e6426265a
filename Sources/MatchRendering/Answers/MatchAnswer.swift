import JobRecords

/// A counsellor's answer to "which jobs fit this candidate, and why?": the eligible
/// postings, best first, with reasons. Holds no name or phone.
public struct MatchAnswer: Codable, Sendable, Hashable {
    /// Who the matches are for (no personal data beyond what the counsellor needs to recognise the profile).
    public var candidate: CandidateSummary
    public var asOf: CalendarDate
    public var results: [PostingResult]

    public init(candidate: CandidateSummary, asOf: CalendarDate, results: [PostingResult]) {
        self.candidate = candidate
        self.asOf = asOf
        self.results = results
    }

    private enum CodingKeys: String, CodingKey {
        case candidate, asOf = "as_of", results
    }
}

/// A profile as a counsellor recognises it without personal data.
public struct CandidateSummary: Codable, Sendable, Hashable {
    public var id: String
    public var category: CandidateCategory
    public var education: EducationLevel
    public var district: String?

    public init(id: String, category: CandidateCategory, education: EducationLevel, district: String?) {
        self.id = id
        self.category = category
        self.education = education
        self.district = district
    }

    public init(_ profile: CandidateProfile) {
        self.init(id: profile.id, category: profile.category, education: profile.educationLevel, district: profile.district)
    }
}
