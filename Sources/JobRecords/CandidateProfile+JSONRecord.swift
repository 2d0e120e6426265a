extension CandidateProfile: JSONRecord {
    public init(fields: JSONFields) throws(JSONFields.Problem) {
        id = try fields.string(Field.id)
        name = try fields.string(Field.name)
        phone = try fields.optionalString(Field.phone)
        category = try fields.value(Field.category, CandidateCategory.self)
        education = try fields.optionalValue(Field.education, EducationLevel.self)
        major = try fields.optionalString(Field.major)
        school = try fields.optionalString(Field.school)
        skills = try fields.optionalStrings(Field.skills)
        experienceYears = try fields.optionalNumber(Field.experienceYears)
        summary = try fields.optionalString(Field.summary)
        desiredTitles = try fields.optionalStrings(Field.desiredTitles)
        birthYear = try fields.optionalWholeNumber(Field.birthYear)
        district = try fields.optionalString(Field.district)
        address = try fields.optionalString(Field.address)
        desiredSalary = try fields.optionalWholeNumber(Field.desiredSalary)
        needsHousing = try fields.optionalBool(Field.needsHousing)
    }

    /// the data contract (docs/data-contract.md)'s meaning beyond types: id and name not blank, a plausible birth
    /// year, nothing negative.
    public func validationProblems() -> [JSONFields.Problem] {
        var problems: [JSONFields.Problem] = []
        func problem(_ field: Field, _ message: String) { problems.append(.init(field, message)) }
        if id.isBlank { problem(.id, "must not be empty") }
        if name.isBlank { problem(.name, "must not be empty") }
        if let birthYear, !(1930...2015).contains(birthYear) { problem(.birthYear, "\(birthYear) is not a plausible birth year") }
        if let experienceYears, experienceYears < 0 { problem(.experienceYears, "must not be negative") }
        if let desiredSalary, desiredSalary < 0 { problem(.desiredSalary, "must not be negative") }
        return problems
    }
}
