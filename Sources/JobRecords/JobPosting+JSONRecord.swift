extension JobPosting: JSONRecord {
    public init(fields: JSONFields) throws(JSONFields.Problem) {
        id = try fields.string(Field.id)
        employer = try fields.string(Field.employer)
        zone = try fields.optionalString(Field.zone)
        district = try fields.optionalString(Field.district)
        address = try fields.optionalString(Field.address)
        title = try fields.string(Field.title)
        description = try fields.optionalString(Field.description)
        requirements = try fields.optionalString(Field.requirements)
        skills = try fields.optionalStrings(Field.skills)
        educationMin = try fields.optionalValue(Field.educationMin, EducationLevel.self)
        audiences = try fields.optionalValues(Field.audiences, CandidateCategory.self)
        openings = try fields.optionalWholeNumber(Field.openings)
        ageMin = try fields.optionalWholeNumber(Field.ageMin)
        ageMax = try fields.optionalWholeNumber(Field.ageMax)
        salaryMin = try fields.optionalWholeNumber(Field.salaryMin)
        salaryMax = try fields.optionalWholeNumber(Field.salaryMax)
        housing = try fields.optionalBool(Field.housing)
        posted = try fields.optionalDate(Field.posted)
        deadline = try fields.optionalDate(Field.deadline)
    }

    /// the data contract (docs/data-contract.md)'s meaning beyond types: ids and names not blank, ages of working
    /// people, minimums not above maximums, nothing negative.
    public func validationProblems() -> [JSONFields.Problem] {
        var problems: [JSONFields.Problem] = []
        func problem(_ field: Field, _ message: String) { problems.append(.init(field, message)) }
        if id.isBlank { problem(.id, "must not be empty") }
        if employer.isBlank { problem(.employer, "must not be empty") }
        if title.isBlank { problem(.title, "must not be empty") }
        if let openings, openings < 0 { problem(.openings, "must not be negative (\(openings))") }
        if let ageMin, let ageMax, ageMin > ageMax { problem(.ageMin, "\(ageMin) is above age_max \(ageMax)") }
        for (field, age) in [(Field.ageMin, ageMin), (Field.ageMax, ageMax)] {
            if let age, !(14...80).contains(age) { problem(field, "\(age) is not a working age (14 to 80)") }
        }
        if let salaryMin, let salaryMax, salaryMin > salaryMax { problem(.salaryMin, "\(salaryMin) is above salary_max \(salaryMax)") }
        for (field, salary) in [(Field.salaryMin, salaryMin), (Field.salaryMax, salaryMax)] {
            if let salary, salary < 0 { problem(field, "must not be negative (\(salary))") }
        }
        return problems
    }
}

extension String {
    /// Empty, or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
