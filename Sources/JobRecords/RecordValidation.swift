/// Checks a decoded record beyond its JSON types (SCHEMA.md's meaning).
protocol RecordValidation {
    /// Problems as (field, message); empty when the record is sound.
    func validationProblems() -> [(field: String, message: String)]
    var recordID: String { get }
}

extension JobPosting: RecordValidation {
    var recordID: String { id }

    func validationProblems() -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        if id.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(("id", "must not be empty")) }
        if employer.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(("employer", "must not be empty")) }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(("title", "must not be empty")) }
        if let openings, openings < 0 { problems.append(("openings", "must not be negative (\(openings))")) }
        if let ageMin, let ageMax, ageMin > ageMax { problems.append(("age_min", "\(ageMin) is above age_max \(ageMax)")) }
        for (field, age) in [("age_min", ageMin), ("age_max", ageMax)] {
            if let age, !(14...80).contains(age) { problems.append((field, "\(age) is not a working age (14 to 80)")) }
        }
        if let salaryMin, let salaryMax, salaryMin > salaryMax { problems.append(("salary_min", "\(salaryMin) is above salary_max \(salaryMax)")) }
        for (field, salary) in [("salary_min", salaryMin), ("salary_max", salaryMax)] {
            if let salary, salary < 0 { problems.append((field, "must not be negative (\(salary))")) }
        }
        return problems
    }
}

extension CandidateProfile: RecordValidation {
    var recordID: String { id }

    func validationProblems() -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        if id.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(("id", "must not be empty")) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(("name", "must not be empty")) }
        if let birthYear, !(1930...2015).contains(birthYear) { problems.append(("birth_year", "\(birthYear) is not a plausible birth year")) }
        if let experienceYears, experienceYears < 0 { problems.append(("experience_years", "must not be negative")) }
        if let desiredSalary, desiredSalary < 0 { problems.append(("desired_salary", "must not be negative")) }
        return problems
    }
}

import Foundation
