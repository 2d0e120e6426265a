extension CandidateProfile {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        category = try container.decode(CandidateCategory.self, forKey: .category)
        education = try container.decodeIfPresent(EducationLevel.self, forKey: .education)
        major = try container.decodeIfPresent(String.self, forKey: .major)
        school = try container.decodeIfPresent(String.self, forKey: .school)
        skills = try container.decodeIfPresent([String].self, forKey: .skills)
        experienceYears = try container.decodeIfPresent(Double.self, forKey: .experienceYears)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        desiredTitles = try container.decodeIfPresent([String].self, forKey: .desiredTitles)
        birthYear = try container.decodeWholeNumberIfPresent(forKey: .birthYear)
        district = try container.decodeIfPresent(String.self, forKey: .district)
        desiredSalary = try container.decodeWholeNumberIfPresent(forKey: .desiredSalary)
        needsHousing = try container.decodeIfPresent(Bool.self, forKey: .needsHousing)
    }
}
