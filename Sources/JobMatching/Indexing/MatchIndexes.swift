import SearchIndex
import JobRecords

/// How postings and profiles become documents of the search index.
///
/// Names and phones are never indexed: they are personal data and nobody
/// searches candidates by them here.
public enum MatchIndexes {
    public static let postingSchema = IndexSchema(
        textFields: PostingText.allCases.map { field in
            switch field {
            case .title: .init(field.rawValue, weight: 3)
            case .skills: .init(field.rawValue, weight: 2.5)
            case .requirements: .init(field.rawValue, weight: 1.5)
            case .description: .init(field.rawValue, weight: 0.7)
            case .employer: .init(field.rawValue, weight: 0.3)
            case .concepts: .init(field.rawValue, weight: 2.5, lengthNormalization: 0.3, storesPositions: false)
            }
        },
        keywordFields: PostingKeyword.allCases.map(\.rawValue),
        numericFields: PostingNumber.allCases.map(\.rawValue)
    )

    public static let profileSchema = IndexSchema(
        textFields: ProfileText.allCases.map { field in
            switch field {
            case .desiredTitles: .init(field.rawValue, weight: 3)
            case .skills: .init(field.rawValue, weight: 2.5)
            case .major: .init(field.rawValue, weight: 2)
            case .summary: .init(field.rawValue, weight: 1)
            case .school: .init(field.rawValue, weight: 0.5)
            case .concepts: .init(field.rawValue, weight: 2.5, lengthNormalization: 0.3, storesPositions: false)
            }
        },
        keywordFields: ProfileKeyword.allCases.map(\.rawValue),
        numericFields: ProfileNumber.allCases.map(\.rawValue)
    )

    /// Kilometres around a commune or ward within which a posting counts as in it, for a filter: few postings
    /// name their commune, and a zone a few kilometres off is where its people work.
    public static let communeRadius = 10.0

    /// The filter for "in this place": a zone's postings; within ``communeRadius`` of a commune or ward; in an old
    /// district, a province or an old province by the keyword `place` (a posting written with old or new units).
    public static func filter(in place: PlaceReading, places: PlaceDirectory) -> SearchFilter {
        switch place.level {
        case .zone: return .posting(.zone, anyOf: [place.name])
        case .unit, .oldCommune: return filter(within: communeRadius, of: place.point)
        case .oldDistrict, .province, .oldProvince: return .posting(.place, anyOf: [places.ownKey(place)!])
        }
    }

    /// The filter for "within `kilometres` of `point`", on the numbers `latitude` and `longitude`.
    public static func filter(within kilometres: Double, of point: GeoPoint) -> SearchFilter {
        .withinDistance(latitude: PostingNumber.latitude.rawValue, longitude: PostingNumber.longitude.rawValue, centreLatitude: point.latitude, centreLongitude: point.longitude,
                        kilometres: kilometres)
    }

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

    /// A posting as a document; its occupations (``OccupationTaxonomy``) as the keyword `occupation`; where
    /// its workplace is (``PlaceDirectory/workplace(zone:district:address:)``) as the numbers `latitude` and
    /// `longitude` (millionths of a degree), the keyword `district` (today's name) and the keyword `place`
    /// (``placeKeys(_:)``).
    public static func document(_ posting: JobPosting, reference: ReferenceData) -> IndexDocument {
        let synonyms = reference.synonyms
        let occupations = reference.occupations.occupations(of: posting)  // classified once for the text and the keyword
        var numbers: [PostingNumber: Int64] = [:]
        let workplace = reference.places.workplace(zone: posting.zone, district: posting.district, address: posting.address)
        if let point = workplace?.point.microdegrees { (numbers[.latitude], numbers[.longitude]) = point }
        if let deadline = posting.deadline { numbers[.deadline] = deadline.number }
        if let value = posting.ageMin { numbers[.ageMin] = Int64(value) }
        if let value = posting.ageMax { numbers[.ageMax] = Int64(value) }
        if let value = posting.salaryMin { numbers[.salaryMin] = Int64(value) }
        if let value = posting.salaryMax { numbers[.salaryMax] = Int64(value) }
        if let value = posting.openings { numbers[.openings] = Int64(value) }
        return IndexDocument(
            id: posting.id,
            text: PostingText.named([.title: posting.title, .skills: (posting.skills ?? []).joined(separator: "; "),
                                     .requirements: posting.requirements ?? "", .description: posting.description ?? "", .employer: posting.employer,
                                     .concepts: ([concepts(posting, synonyms)] + occupations.map { OccupationTaxonomy.token($0.code) })
                                         .joined(separator: " ")]),
            keywords: PostingKeyword.named([
                .zone: posting.zone.map { [$0] } ?? [],
                .district: (posting.district.flatMap { reference.places.read($0)?.name } ?? posting.district).map { [$0] } ?? [],
                .place: workplace.map { reference.places.placeKeys($0) } ?? [],
                .educationMin: [(posting.educationMin ?? .none).rawValue],
                .audience: posting.audiences.map { $0.map(\.rawValue) } ?? [everyAudience],
                .employer: [posting.employer], .occupation: occupations.map(\.code),
            ]),
            numbers: PostingNumber.named(numbers),
            stored: StoredRecord.encode(posting)
        )
    }

    /// A profile as a document; its occupations as the keyword `occupation`; where the candidate lives, by
    /// today's name, as the keyword `district`. The stored record keeps of the address only the commune and
    /// province read from it.
    public static func document(_ profile: CandidateProfile, reference: ReferenceData) -> IndexDocument {
        let synonyms = reference.synonyms
        let occupations = reference.occupations.occupations(of: profile)  // classified once for the text and the keyword
        var numbers: [ProfileNumber: Int64] = [:]
        let home = reference.places.home(district: profile.district, address: profile.address)
        var stored = profile
        if profile.address != nil { stored.address = reference.places.read(profile.address)?.publicText }
        if let value = profile.birthYear { numbers[.birthYear] = Int64(value) }
        if let value = profile.desiredSalary { numbers[.desiredSalary] = Int64(value) }
        return IndexDocument(
            id: profile.id,
            text: ProfileText.named([.desiredTitles: (profile.desiredTitles ?? []).joined(separator: "; "),
                                     .skills: (profile.skills ?? []).joined(separator: "; "), .major: profile.major ?? "",
                                     .summary: profile.summary ?? "", .school: profile.school ?? "",
                                     .concepts: ([concepts(profile, synonyms)] + occupations.map { OccupationTaxonomy.token($0.code) })
                                         .joined(separator: " ")]),
            keywords: ProfileKeyword.named([.category: [profile.category.rawValue], .education: [profile.educationLevel.rawValue],
                                            .district: home.map { [$0.name] } ?? [], .occupation: occupations.map(\.code)]),
            numbers: ProfileNumber.named(numbers),
            stored: StoredRecord.encode(stored)
        )
    }

    /// What the documents of ``document(_:reference:)`` depend on besides the record:
    /// an index built with another fingerprint is rebuilt.
    public static func fingerprint(_ reference: ReferenceData) -> String {
        "doc\(documentVersion)-stored\(StoredRecord.version)-syn\(reference.synonyms.fingerprint)-occ\(reference.occupations.fingerprint)"
            + "-places\(reference.places.fingerprint)"
    }

    /// Bumped when ``document(_:reference:)`` changes what it indexes.
    static let documentVersion = 9  // 3: Ɖ folds to d; 4: vy/vi, ny/ni, xy/xi, by/bi fold together; 5: codes with their parts; 6: occupation; 7: its token in a posting's concepts; 8: and in a profile's; 9: places of today's map

    public static func postingIndex(_ postings: [JobPosting], reference: ReferenceData) throws -> SearchIndex {
        let index = SearchIndex(schema: postingSchema)
        try index.addInParallel(postings.map { document($0, reference: reference) }, batchSize: max(1, (postings.count + 1) / 2))
        return index
    }

    public static func profileIndex(_ profiles: [CandidateProfile], reference: ReferenceData) throws -> SearchIndex {
        let index = SearchIndex(schema: profileSchema)
        try index.addInParallel(profiles.map { document($0, reference: reference) }, batchSize: max(1, (profiles.count + 1) / 2))
        return index
    }
}
