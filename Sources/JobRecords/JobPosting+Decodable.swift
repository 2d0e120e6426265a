extension JobPosting {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        employer = try container.decode(String.self, forKey: .employer)
        zone = try container.decodeIfPresent(String.self, forKey: .zone)
        district = try container.decodeIfPresent(String.self, forKey: .district)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        requirements = try container.decodeIfPresent(String.self, forKey: .requirements)
        skills = try container.decodeIfPresent([String].self, forKey: .skills)
        educationMin = try container.decodeIfPresent(EducationLevel.self, forKey: .educationMin)
        audiences = try container.decodeIfPresent([CandidateCategory].self, forKey: .audiences)
        openings = try container.decodeWholeNumberIfPresent(forKey: .openings)
        ageMin = try container.decodeWholeNumberIfPresent(forKey: .ageMin)
        ageMax = try container.decodeWholeNumberIfPresent(forKey: .ageMax)
        salaryMin = try container.decodeWholeNumberIfPresent(forKey: .salaryMin)
        salaryMax = try container.decodeWholeNumberIfPresent(forKey: .salaryMax)
        housing = try container.decodeIfPresent(Bool.self, forKey: .housing)
        posted = try container.decodeIfPresent(CalendarDate.self, forKey: .posted)
        deadline = try container.decodeIfPresent(CalendarDate.self, forKey: .deadline)
    }
}
