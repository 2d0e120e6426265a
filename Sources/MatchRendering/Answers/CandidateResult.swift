import JobRecords
import JobMatching

/// A candidate in a shortlist: the id, the score and reasons, what a booth needs to
/// tell candidates apart (category, education, home district), and, only in
/// shortlists meant for calling people, the name and phone.
public struct CandidateResult: Codable, Sendable, Hashable {
    public var id: String
    public var score: Double
    public var reasons: [String]
    public var category: CandidateCategory
    public var education: EducationLevel
    /// The home district or province, by its canonical name when the places table knows it.
    public var district: String?
    /// Personal data: present only where the answer is for contacting candidates.
    public var name: String?
    /// Personal data: present only where the answer is for contacting candidates.
    public var phone: String?

    public init(id: String, score: Double, reasons: [String], category: CandidateCategory, education: EducationLevel,
                district: String? = nil, name: String? = nil, phone: String? = nil) {
        self.id = id
        self.score = score
        self.reasons = reasons
        self.category = category
        self.education = education
        self.district = district
        self.name = name
        self.phone = phone
    }

    /// The reasons as one line.
    public var explanation: String { reasons.joined(separator: "; ") }

    private enum CodingKeys: String, CodingKey {
        case id, score, explanation, reasons, category, education, district, name, phone
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(score, forKey: .score)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(category, forKey: .category)
        try container.encode(education, forKey: .education)
        try container.encodeIfPresent(district, forKey: .district)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(phone, forKey: .phone)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        score = try container.decode(Double.self, forKey: .score)
        reasons = try container.decode([String].self, forKey: .reasons)
        category = try container.decode(CandidateCategory.self, forKey: .category)
        education = try container.decode(EducationLevel.self, forKey: .education)
        district = try container.decodeIfPresent(String.self, forKey: .district)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
    }
}
