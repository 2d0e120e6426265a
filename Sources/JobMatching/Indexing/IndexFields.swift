import SearchIndex

/// The index's field names, typed and declared once: the schemas of ``MatchIndexes`` are made of them, and the
/// documents, filters, facets and column scans name fields by them, never by a bare string.
public protocol IndexFieldName: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension IndexFieldName {
    /// `values` keyed by the fields' names, as ``SearchIndex/IndexDocument`` takes them.
    static func named<Value>(_ values: [Self: Value]) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }
}

/// The postings index's text fields, searched with BM25F.
public enum PostingText: String, IndexFieldName {
    case title, skills, requirements, description, employer, concepts
}

/// The postings index's keywords: filters and facets.
public enum PostingKeyword: String, IndexFieldName {
    case zone, district, educationMin = "education_min", audience, employer, occupation, place
}

/// The postings index's numbers: ranges and distances.
public enum PostingNumber: String, IndexFieldName {
    case deadline, ageMin = "age_min", ageMax = "age_max", salaryMin = "salary_min", salaryMax = "salary_max", openings, latitude, longitude
}

/// The profiles index's text fields.
public enum ProfileText: String, IndexFieldName {
    case desiredTitles = "desired_titles", skills, major, summary, school, concepts
}

/// The profiles index's keywords.
public enum ProfileKeyword: String, IndexFieldName {
    case category, education, district, occupation
}

/// The profiles index's numbers.
public enum ProfileNumber: String, IndexFieldName {
    case birthYear = "birth_year", desiredSalary = "desired_salary"
}

extension SearchFilter {
    /// Postings with one of `values` in the keyword `field`.
    public static func posting(_ field: PostingKeyword, anyOf values: [String]) -> SearchFilter { .keyword(field.rawValue, anyOf: values) }

    /// Postings whose number `field` is at least `value` (or missing, when `orMissing`).
    public static func posting(_ field: PostingNumber, atLeast value: Int64, orMissing: Bool = false) -> SearchFilter {
        .range(field.rawValue, atLeast: value, orMissing: orMissing)
    }

    /// Postings whose number `field` is at most `value` (or missing, when `orMissing`).
    public static func posting(_ field: PostingNumber, atMost value: Int64, orMissing: Bool = false) -> SearchFilter {
        .range(field.rawValue, atMost: value, orMissing: orMissing)
    }

    /// Profiles with one of `values` in the keyword `field`.
    public static func profile(_ field: ProfileKeyword, anyOf values: [String]) -> SearchFilter { .keyword(field.rawValue, anyOf: values) }

    /// Profiles whose number `field` is within `lower`…`upper` (either open; or missing, when `orMissing`).
    public static func profile(_ field: ProfileNumber, lower: Int64?, upper: Int64?, orMissing: Bool = false) -> SearchFilter {
        .range(field.rawValue, lower: lower, upper: upper, orMissing: orMissing)
    }
}
