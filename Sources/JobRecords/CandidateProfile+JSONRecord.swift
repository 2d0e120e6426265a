extension CandidateProfile: JSONRecord {
    public init(fields: JSONFields) throws(JSONFields.Problem) {
        id = try fields.string("id")
        name = try fields.string("name")
        phone = try fields.optionalString("phone")
        category = try fields.value("category", CandidateCategory.self)
        education = try fields.optionalValue("education", EducationLevel.self)
        major = try fields.optionalString("major")
        school = try fields.optionalString("school")
        skills = try fields.optionalStrings("skills")
        experienceYears = try fields.optionalNumber("experience_years")
        summary = try fields.optionalString("summary")
        desiredTitles = try fields.optionalStrings("desired_titles")
        birthYear = try fields.optionalWholeNumber("birth_year")
        district = try fields.optionalString("district")
        address = try fields.optionalString("address")
        desiredSalary = try fields.optionalWholeNumber("desired_salary")
        needsHousing = try fields.optionalBool("needs_housing")
    }

    /// the data contract (docs/data-contract.md)'s meaning beyond types: id and name not blank, a plausible birth
    /// year, nothing negative.
    public func validationProblems() -> [JSONFields.Problem] {
        var problems: [JSONFields.Problem] = []
        func problem(_ field: String, _ message: String) { problems.append(.init(field: field, message: message)) }
        if id.isBlank { problem("id", "must not be empty") }
        if name.isBlank { problem("name", "must not be empty") }
        if let birthYear, !(1930...2015).contains(birthYear) { problem("birth_year", "\(birthYear) is not a plausible birth year") }
        if let experienceYears, experienceYears < 0 { problem("experience_years", "must not be negative") }
        if let desiredSalary, desiredSalary < 0 { problem("desired_salary", "must not be negative") }
        return problems
    }
}
