/// One candidate: a line of `profiles.jsonl` (the data contract (docs/data-contract.md)).
///
/// `name` and `phone` are personal data: they leave the program only where the
/// command is about candidates (shortlists), and are never logged.
public struct CandidateProfile: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var phone: String?
    public var category: CandidateCategory
    public var education: EducationLevel?
    public var major: String?
    public var school: String?
    public var skills: [String]?
    public var experienceYears: Double?
    public var summary: String?
    public var desiredTitles: [String]?
    public var birthYear: Int?
    public var district: String?
    /// The home address as written (personal data: only the commune and province read from it leave the
    /// candidate's own record; see ``PlaceReading/publicText`` in JobMatching).
    public var address: String?
    public var desiredSalary: Int?
    public var needsHousing: Bool?

    public init(id: String, name: String, category: CandidateCategory) {
        self.id = id
        self.name = name
        self.category = category
    }

    /// The highest level completed; absent means none (the data contract (docs/data-contract.md)).
    public var educationLevel: EducationLevel { education ?? .none }

    /// Age in years on `date`, when the birth year is known.
    public func age(on date: CalendarDate) -> Int? { birthYear.map { date.year - $0 } }

    /// The fields, declared once (``RecordField``): JSON keys, types, required.
    public enum Field: String, RecordField {
        case id, name, phone, category, education, major, school, skills
        case experienceYears = "experience_years"
        case summary
        case desiredTitles = "desired_titles"
        case birthYear = "birth_year"
        case district, address
        case desiredSalary = "desired_salary"
        case needsHousing = "needs_housing"

        public var kind: RecordFieldKind {
            switch self {
            case .id, .name, .phone, .major, .school, .summary, .district, .address: return .string
            case .category: return .category
            case .education: return .level
            case .skills, .desiredTitles: return .strings
            case .experienceYears: return .number
            case .birthYear, .desiredSalary: return .wholeNumber
            case .needsHousing: return .bool
            }
        }

        public var isRequired: Bool { self == .id || self == .name || self == .category }
    }

    typealias CodingKeys = Field
}
