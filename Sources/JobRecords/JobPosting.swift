/// One job posting: a line of `postings.jsonl` (the data contract (docs/data-contract.md)).
public struct JobPosting: Hashable, Sendable, Codable {
    public var id: String
    public var employer: String
    public var zone: String?
    public var district: String?
    /// The workplace's address as written, old or new units (`Lô C5, KCN Đại An, TP. Hải Phòng`).
    public var address: String?
    public var title: String
    public var description: String?
    public var requirements: String?
    public var skills: [String]?
    public var educationMin: EducationLevel?
    public var audiences: [CandidateCategory]?
    public var openings: Int?
    public var ageMin: Int?
    public var ageMax: Int?
    public var salaryMin: Int?
    public var salaryMax: Int?
    public var housing: Bool?
    public var posted: CalendarDate?
    public var deadline: CalendarDate?

    public init(id: String, employer: String, title: String) {
        self.id = id
        self.employer = employer
        self.title = title
    }

    /// The fields, declared once (``RecordField``): JSON keys, types, required.
    public enum Field: String, RecordField {
        case id, employer, zone, district, address, title, description, requirements, skills
        case educationMin = "education_min"
        case audiences, openings
        case ageMin = "age_min", ageMax = "age_max"
        case salaryMin = "salary_min", salaryMax = "salary_max"
        case housing, posted, deadline

        public var kind: RecordFieldKind {
            switch self {
            case .id, .employer, .zone, .district, .address, .title, .description, .requirements: return .string
            case .skills: return .strings
            case .educationMin: return .level
            case .audiences: return .categories
            case .openings, .ageMin, .ageMax, .salaryMin, .salaryMax: return .wholeNumber
            case .housing: return .bool
            case .posted, .deadline: return .date
            }
        }

        public var isRequired: Bool { self == .id || self == .employer || self == .title }
    }

    typealias CodingKeys = Field
}
