/// The words and filters of a job seeker's search, kept so that postings that appear later can be
/// sent to whoever saved it: the fields the public page and `GET /v1/jobs/search` take.
public struct SavedSearch: Sendable, Hashable, Codable {
    /// The words, as typed (places, levels and employers in them are understood as in a search).
    public var query: String
    public var zone: String?
    /// A place, however written: a zone, a unit of today, an old district, a province.
    public var district: String?
    public var education: EducationLevel?
    public var audience: CandidateCategory?
    /// With ``withinKilometres``: only postings that close to this place.
    public var near: String?
    public var withinKilometres: Double?

    public init(query: String, zone: String? = nil, district: String? = nil, education: EducationLevel? = nil,
                audience: CandidateCategory? = nil, near: String? = nil, withinKilometres: Double? = nil) {
        self.query = query
        self.zone = zone
        self.district = district
        self.education = education
        self.audience = audience
        self.near = near
        self.withinKilometres = withinKilometres
    }

    enum CodingKeys: String, CodingKey {
        case query, zone, district, education, audience, near
        case withinKilometres = "within_km"
    }

    /// Nothing asked: no words and no filter (an alert for every posting is refused).
    public var isEmpty: Bool {
        query.allSatisfy(\.isWhitespace) && zone == nil && district == nil && education == nil && audience == nil && near == nil
    }
}
