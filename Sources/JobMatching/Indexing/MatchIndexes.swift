import SearchIndex
import JobRecords

/// How postings and profiles become documents of the search index.
///
/// Names and phones are never indexed: they are personal data and nobody
/// searches candidates by them here.
public enum MatchIndexes {
    public static let postingSchema = IndexSchema(
        textFields: [.init("title", weight: 3), .init("skills", weight: 2.5), .init("requirements", weight: 1.5),
                     .init("description", weight: 0.7), .init("employer", weight: 0.3),
                     .init("concepts", weight: 2.5, lengthNormalization: 0.3, storesPositions: false)],
        keywordFields: ["zone", "district", "education_min", "audience", "employer", "occupation"],
        numericFields: ["deadline", "age_min", "age_max", "salary_min", "salary_max", "openings"]
    )

    public static let profileSchema = IndexSchema(
        textFields: [.init("desired_titles", weight: 3), .init("skills", weight: 2.5), .init("major", weight: 2),
                     .init("summary", weight: 1), .init("school", weight: 0.5),
                     .init("concepts", weight: 2.5, lengthNormalization: 0.3, storesPositions: false)],
        keywordFields: ["category", "education", "district", "occupation"],
        numericFields: ["birth_year", "desired_salary"]
    )

    /// `audience` value of a posting that invites everyone (no `audiences` field).
    public static let everyAudience = "all"

    /// The synonym groups a posting's title, skills and requirements name, as concept tokens.
    public static func concepts(_ posting: JobPosting, _ synonyms: SynonymTable) -> String {
        synonyms.conceptTokens(in: [posting.title, (posting.skills ?? []).joined(separator: " ; "), posting.requirements ?? ""]
            .joined(separator: " ; ")).joined(separator: " ")
    }

    /// The synonym groups a profile's desired titles, skills and major name, as concept tokens.
    public static func concepts(_ profile: CandidateProfile, _ synonyms: SynonymTable) -> String {
        synonyms.conceptTokens(in: [(profile.desiredTitles ?? []).joined(separator: " ; "), (profile.skills ?? []).joined(separator: " ; "),
                                    profile.major ?? ""].joined(separator: " ; ")).joined(separator: " ")
    }

    /// A posting as a document; its occupations (``OccupationTaxonomy``) as the keyword `occupation`.
    public static func document(_ posting: JobPosting, synonyms: SynonymTable, occupations: OccupationTaxonomy = OccupationTaxonomy()) -> IndexDocument {
        var numbers: [String: Int64] = [:]
        if let deadline = posting.deadline { numbers["deadline"] = deadline.number }
        if let value = posting.ageMin { numbers["age_min"] = Int64(value) }
        if let value = posting.ageMax { numbers["age_max"] = Int64(value) }
        if let value = posting.salaryMin { numbers["salary_min"] = Int64(value) }
        if let value = posting.salaryMax { numbers["salary_max"] = Int64(value) }
        if let value = posting.openings { numbers["openings"] = Int64(value) }
        return IndexDocument(
            id: posting.id,
            text: ["title": posting.title, "skills": (posting.skills ?? []).joined(separator: "; "),
                   "requirements": posting.requirements ?? "", "description": posting.description ?? "", "employer": posting.employer,
                   "concepts": ([concepts(posting, synonyms)] + occupations.occupations(of: posting).map { OccupationTaxonomy.token($0.code) })
                       .joined(separator: " ")],
            keywords: ["zone": posting.zone.map { [$0] } ?? [], "district": posting.district.map { [$0] } ?? [],
                       "education_min": [(posting.educationMin ?? .none).rawValue],
                       "audience": posting.audiences.map { $0.map(\.rawValue) } ?? [everyAudience],
                       "employer": [posting.employer], "occupation": occupations.occupations(of: posting).map(\.code)],
            numbers: numbers,
            stored: StoredRecord.encode(posting)
        )
    }

    /// A profile as a document; its occupations as the keyword `occupation`.
    public static func document(_ profile: CandidateProfile, synonyms: SynonymTable, occupations: OccupationTaxonomy = OccupationTaxonomy()) -> IndexDocument {
        var numbers: [String: Int64] = [:]
        if let value = profile.birthYear { numbers["birth_year"] = Int64(value) }
        if let value = profile.desiredSalary { numbers["desired_salary"] = Int64(value) }
        return IndexDocument(
            id: profile.id,
            text: ["desired_titles": (profile.desiredTitles ?? []).joined(separator: "; "),
                   "skills": (profile.skills ?? []).joined(separator: "; "), "major": profile.major ?? "",
                   "summary": profile.summary ?? "", "school": profile.school ?? "",
                   "concepts": ([concepts(profile, synonyms)] + occupations.occupations(of: profile).map { OccupationTaxonomy.token($0.code) })
                       .joined(separator: " ")],
            keywords: ["category": [profile.category.rawValue], "education": [profile.educationLevel.rawValue],
                       "district": profile.district.map { [$0] } ?? [], "occupation": occupations.occupations(of: profile).map(\.code)],
            numbers: numbers,
            stored: StoredRecord.encode(profile)
        )
    }

    /// What the documents of ``document(_:synonyms:)`` depend on besides the record:
    /// an index built with another fingerprint is rebuilt.
    public static func fingerprint(synonyms: SynonymTable, occupations: OccupationTaxonomy = OccupationTaxonomy()) -> String {
        "doc\(documentVersion)-stored\(StoredRecord.version)-syn\(synonyms.fingerprint)-occ\(occupations.fingerprint)"
    }

    /// Bumped when ``document(_:synonyms:)`` changes what it indexes.
    static let documentVersion = 8  // 3: Ɖ folds to d; 4: vy/vi, ny/ni, xy/xi, by/bi fold together; 5: codes with their parts; 6: occupation; 7: its token in a posting's concepts; 8: and in a profile's

    public static func postingIndex(_ postings: [JobPosting], synonyms: SynonymTable, occupations: OccupationTaxonomy = OccupationTaxonomy()) throws -> SearchIndex {
        let index = SearchIndex(schema: postingSchema)
        try index.addInParallel(postings.map { document($0, synonyms: synonyms, occupations: occupations) }, batchSize: max(1, (postings.count + 1) / 2))
        return index
    }

    public static func profileIndex(_ profiles: [CandidateProfile], synonyms: SynonymTable, occupations: OccupationTaxonomy = OccupationTaxonomy()) throws -> SearchIndex {
        let index = SearchIndex(schema: profileSchema)
        try index.addInParallel(profiles.map { document($0, synonyms: synonyms, occupations: occupations) }, batchSize: max(1, (profiles.count + 1) / 2))
        return index
    }
}
