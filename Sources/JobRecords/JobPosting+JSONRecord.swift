extension JobPosting: JSONRecord {
    public init(fields: JSONFields) throws(JSONFields.Problem) {
        id = try fields.string("id")
        employer = try fields.string("employer")
        zone = try fields.optionalString("zone")
        district = try fields.optionalString("district")
        address = try fields.optionalString("address")
        title = try fields.string("title")
        description = try fields.optionalString("description")
        requirements = try fields.optionalString("requirements")
        skills = try fields.optionalStrings("skills")
        educationMin = try fields.optionalValue("education_min", EducationLevel.self)
        audiences = try fields.optionalValues("audiences", CandidateCategory.self)
        openings = try fields.optionalWholeNumber("openings")
        ageMin = try fields.optionalWholeNumber("age_min")
        ageMax = try fields.optionalWholeNumber("age_max")
        salaryMin = try fields.optionalWholeNumber("salary_min")
        salaryMax = try fields.optionalWholeNumber("salary_max")
        housing = try fields.optionalBool("housing")
        posted = try fields.optionalDate("posted")
        deadline = try fields.optionalDate("deadline")
    }

    /// the data contract (docs/data-contract.md)'s meaning beyond types: ids and names not blank, ages of working
    /// people, minimums not above maximums, nothing negative.
    public func validationProblems() -> [JSONFields.Problem] {
        var problems: [JSONFields.Problem] = []
        func problem(_ field: String, _ message: String) { problems.append(.init(field: field, message: message)) }
        if id.isBlank { problem("id", "must not be empty") }
        if employer.isBlank { problem("employer", "must not be empty") }
        if title.isBlank { problem("title", "must not be empty") }
        if let openings, openings < 0 { problem("openings", "must not be negative (\(openings))") }
        if let ageMin, let ageMax, ageMin > ageMax { problem("age_min", "\(ageMin) is above age_max \(ageMax)") }
        for (field, age) in [("age_min", ageMin), ("age_max", ageMax)] {
            if let age, !(14...80).contains(age) { problem(field, "\(age) is not a working age (14 to 80)") }
        }
        if let salaryMin, let salaryMax, salaryMin > salaryMax { problem("salary_min", "\(salaryMin) is above salary_max \(salaryMax)") }
        for (field, salary) in [("salary_min", salaryMin), ("salary_max", salaryMax)] {
            if let salary, salary < 0 { problem(field, "must not be negative (\(salary))") }
        }
        return problems
    }
}

extension String {
    /// Empty, or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
