import Foundation
import SearchIndex
import JobRecords
import VietnameseText

/// Answers the three questions of HEZA's users:
/// - a job seeker's search: ``search(_:)``;
/// - a counsellor's "which jobs fit this candidate, and why?": ``match(profile:asOf:limit:)``;
/// - an employer's "whom should we call first?": ``shortlist(posting:asOf:limit:)``.
///
/// Hard eligibility is enforced by the index's filters, so it is never violated:
/// education at least `education_min`; age (from `birth_year` on the as-of date)
/// within `age_min`…`age_max`; deadline not before the as-of date. A candidate
/// whose birth year is unknown is not excluded by an age range, but the reasons
/// say that the age must be checked. Then the best ``candidatePool`` text matches
/// are re-ranked by ``MatchSignals``. The text query is what names trades: a
/// candidate's desired titles, skills and major; a posting's title and skills, each
/// expanded with the synonym table. Free text (a summary, a posting's requirements)
/// is left out of the query: it mostly repeats health, age and schooling, which
/// eligibility already judges, and its common words match nearly everyone (on the
/// project's judgments, leaving it out raised nDCG@10 from 0.904 to 0.906 for match
/// and from 0.979 to 0.984 for shortlist, and cut a shortlist over a million
/// profiles by about a third).
public struct JobMatcher: Sendable {
    public let reference: ReferenceData
    /// Candidates the text search hands to the re-ranking.
    ///
    /// 60: on the judged sets, 150, 80, 60 and 50 rank alike (nDCG@10 of match and shortlist within 0.002), 30 less
    /// well; at a million profiles a shortlist of 150 costs twice one of 50 (Benchmarks/README.md, counsellors).
    public var candidatePool = 60
    /// In a match or a shortlist, a word found in more than this share of the records only adds to the
    /// score of records another word brought (``SearchIndex/SearchQuery/commonTermCutoff``): a posting that
    /// shares only `nhân viên` with a candidate is no lead (match nDCG@10 0.911 → 0.929 on the first judged set).
    public var commonTermCutoff: Double? = 0.1
    /// In a job seeker's search, a word found in more than this share of the postings (`công`, `nhân`,
    /// `việc`) only adds to postings another word brought: `công nhân may` lists sewing jobs, not every
    /// factory job. Judged sets alike (0.967 / 0.968); 100,000 postings: 492 → 688 searches a second on the
    /// independent query list (Benchmarks/README.md).
    public var searchCommonTermCutoff: Double? = 0.2
    /// Matches counted for a search's total and facets; beyond, they are shown as
    /// lower bounds (`10000+`), as job sites do.
    public var countLimit = 10_000

    /// Places, levels and categories typed in a search's text.
    public let understanding: QueryUnderstanding
    /// The trades of the postings matched lately (a candidate's matches compare with the same postings again and again).
    let postingTrades = PostingTradesCache()

    public init(reference: ReferenceData) {
        self.reference = reference
        self.understanding = QueryUnderstanding(places: reference.places)
    }

    /// What a job seeker typed, and the page they want.
    public struct Search: Sendable {
        public var text: String
        public var zone: String?
        /// A place, however written (``PlaceDirectory/read(_:)``): a zone, a unit of today, an old district, a province.
        public var district: String?
        /// A place the seeker wants to be near (their home, however written): postings ranked by distance from it.
        public var near: String?
        /// With ``near``: only postings within this many kilometres of it.
        public var withinKilometres: Double?
        /// The searcher's education: only postings that accept it.
        public var education: EducationLevel?
        public var audience: CandidateCategory?
        public var asOf: CalendarDate
        public var offset = 0
        public var limit = 10
        public var facets: [String] = []
        /// Whether places, levels and categories in the text become filters (``QueryUnderstanding``)
        /// for the fields not set here.
        public var understands = true
        /// Puts accents back on a text typed without any (``VietnameseText/AccentRestorer``): the
        /// likely reading is searched, so that postings written that way rank first, while every
        /// folded match still matches; and it is offered as "did you mean". Only with ``understands``.
        public var accents: AccentRestorer? = nil
        /// Employers named in the text (``EmployerDirectory``) become a filter. Only with ``understands``.
        public var employers: EmployerDirectory? = nil

        public init(text: String, asOf: CalendarDate) {
            self.text = text
            self.asOf = asOf
        }
    }

    /// A page of postings, with the total and facet counts when asked.
    public struct SearchPage: Sendable {
        public var hits: [RankedPosting]
        public var total: Int
        /// False when the total and facets are lower bounds (over ``countLimit`` matches).
        public var totalIsExact: Bool
        public var facets: [String: [FacetCount]]
        /// What was understood in the text and used as filters.
        public var understood: [QueryUnderstanding.Understood] = []
        /// The text searched, without the words understood.
        public var text: String = ""
        /// The text typed without accents, with the likely ones (`ky su dien tu` → `kỹ sư điện tử`).
        public var didYouMean: String? = nil
    }

    /// Postings for what a job seeker typed, with or without accents.
    public func search(_ search: Search, postings index: SearchIndex) throws -> SearchPage {
        var search = search
        var understood: [QueryUnderstanding.Understood] = []
        var didYouMean: String? = nil
        var employerNames: [String] = []
        var invitedOnly = false  // an audience typed in the text: the postings that invite it, not those for everyone
        var preferred = PlacePreference()
        var placeFilter: PlaceReading?  // a place typed alone, or the `district` asked
        if search.understands {
            // Words typed as Telex, VNI or VIQR keystrokes, unless the index has them as typed.
            let snapshot = index.snapshot
            let decoded = KeystrokeDecoder.decodeQuery(search.text) { snapshot.containsTerm(folded: $0) }
            let typed = search.text
            if decoded.changed { search.text = decoded.text }
            // A text typed without any accent: its likely reading, searched for its accents' bonus (and
            // understood: places and levels are found in it as in any text).
            if let accents = search.accents, !decoded.changed, !search.text.isEmpty {
                let tokens = VietnameseAnalyzer().tokens(in: search.text)
                if !tokens.isEmpty, tokens.allSatisfy({ $0.canonical == $0.folded }) {
                    let restored = accents.restore(search.text)
                    if restored != search.text {
                        didYouMean = restored
                        search.text = restored
                    }
                }
            }
            // An employer named in the words, before the places: `kho vận đình vũ` is a company, not the zone.
            if let employers = search.employers, !search.text.isEmpty {
                let (remaining, names, employer) = employers.understand(search.text)
                if let employer {
                    search.text = remaining
                    employerNames = names
                    understood.append(employer)
                }
            }
            var wanted = Set<String>()
            if search.zone == nil && search.district == nil && search.near == nil { wanted.insert("zone") }
            if search.education == nil { wanted.insert("education") }
            if search.audience == nil { wanted.insert("audience") }
            let places: [QueryUnderstanding.Understood]
            (search.text, places) = understanding.understand(search.text, fields: wanted)
            understood += places
            // "Did you mean" offers the words searched, without the places understood (shown apart, by their names).
            if didYouMean != nil && !places.isEmpty { didYouMean = search.text.isEmpty ? nil : search.text }
            // The words decoded, as searched: without the places and levels understood in them.
            if decoded.changed && !search.text.isEmpty {
                understood.insert(QueryUnderstanding.Understood(field: "text", value: search.text, words: typed), at: 0)
            }
            // A place or employer typed with other words is a preference, not a filter: `thợ hàn đình vũ`
            // lists the welders of Đình Vũ first, then those nearby, then the rest, never nothing.
            let hasWords = !search.text.trimmingCharacters(in: .whitespaces).isEmpty
            for index in understood.indices where understood[index].field == "near" {
                understood[index].preferred = true
                preferred.near = understood[index].place
            }
            if hasWords {
                for index in understood.indices where ["zone", "district", "employer"].contains(understood[index].field) {
                    understood[index].preferred = true
                    switch understood[index].field {
                    case "zone": preferred.zone = understood[index].value
                    case "district": preferred.place = understood[index].place
                    default: preferred.employers = employerNames
                    }
                }
                if !preferred.employers.isEmpty { employerNames = [] }
            }
            for item in places {
                switch item.field {
                case "zone" where hasWords, "district" where hasWords, "near": break
                case "zone": search.zone = item.value
                case "district": placeFilter = item.place
                case "education": search.education = EducationLevel(rawValue: item.value)
                default: search.audience = CandidateCategory(rawValue: item.value); invitedOnly = true
                }
            }
        }
        var filters = Self.openFilters(asOf: search.asOf)
        if let zone = search.zone { filters.append(.keyword("zone", anyOf: [zone])) }
        if let district = search.district {
            guard let reading = reference.places.read(district) else {
                throw MatchError(.unknownPlace, "cannot read '\(district)' as a zone, commune, ward, district or province")
            }
            placeFilter = reading
        }
        if let placeFilter { filters.append(MatchIndexes.filter(in: placeFilter, places: reference.places)) }
        if let near = search.near {
            guard let reading = reference.places.read(near) else {
                throw MatchError(.unknownPlace, "cannot read '\(near)' as a zone, commune, ward, district or province")
            }
            preferred.near = reading
            understood.append(QueryUnderstanding.Understood(field: "near", value: reading.description, words: near, preferred: true,
                                                            note: reading.note, place: reading))
        }
        if let within = search.withinKilometres, let near = preferred.near {
            guard within > 0 && within <= 2_000 else { throw MatchError(.invalidParameter, "within_km must be over 0 and at most 2000, not \(within)") }
            filters.append(MatchIndexes.filter(within: within, of: near.point))
        }
        if let education = search.education { filters.append(.keyword("education_min", anyOf: education.andBelow.map(\.rawValue))) }
        if !employerNames.isEmpty { filters.append(.keyword("employer", anyOf: employerNames)) }
        if let audience = search.audience {
            filters.append(.keyword("audience", anyOf: invitedOnly ? [audience.rawValue] : [audience.rawValue, MatchIndexes.everyAudience]))
        }
        // The words, their synonym groups' tokens, and the tokens of the occupations they name.
        let occupationTokens = search.understands ? reference.occupations.tokens(inQuery: search.text) : []
        let expanded = ([reference.synonyms.expand(search.text)] + occupationTokens).joined(separator: " ")
        // With a preference, a window of the best matches is ranked again (``PlacePreference``), then paged: 200 at
        // least (500 before: the judged sets alike down to 100, and a search near a place a quarter the cost).
        let window = preferred.isEmpty ? nil : min(max(search.offset + search.limit + 150, 200), 2_000)
        var query = SearchQuery(expanded, mode: .any, filters: filters, offset: window == nil ? search.offset : 0,
                                limit: window ?? search.limit, facets: search.facets, countsTotalHits: true, explains: true, loadsStoredFields: true)
        query.countLimit = countLimit
        query.commonTermCutoff = searchCommonTermCutoff
        let result = try index.search(query)
        var found: [(hit: SearchHit, posting: JobPosting)] = try result.hits.map { ($0, try Self.posting($0)) }
        if window != nil {
            let named = Set(occupationTokens)
            found = preferred.rank(found, places: reference.places) { hit in
                !named.isEmpty && (hit.explanation?.terms ?? []).contains { named.contains($0.term) }
            }
            found = Array(found.dropFirst(search.offset).prefix(search.limit))
        }
        var hits: [RankedPosting] = []
        let distanceFrom = preferred.near ?? preferred.place ?? placeFilter
        for (hit, posting) in found {
            var reasons: [String] = []
            let kilometres = distanceFrom.flatMap { from in
                reference.places.workplace(zone: posting.zone, district: posting.district, address: posting.address)
                    .map { from.point.kilometres(to: $0.point) }
            }
            let terms = Array(Set((hit.explanation?.terms ?? []).filter { $0.space == .folded }.map { term in
                if let occupation = reference.occupations.occupation(ofToken: term.term) { return "nghề \(occupation.vietnamese)" }
                return reference.synonyms.phrase(ofConceptToken: term.term).map { "\($0) (đồng nghĩa)" } ?? term.term
            })).sorted()
            if !terms.isEmpty { reasons.append("Khớp: " + terms.joined(separator: ", ")) }
            reasons.append(posting.employer)
            if let zone = posting.zone { reasons.append(zone) }
            if let kilometres, let from = distanceFrom { reasons.append("cách \(from.name) \(Int(kilometres.rounded())) km") }
            if let deadline = posting.deadline { reasons.append("hạn nộp \(deadline.vietnamese)") }
            var ranked = RankedPosting(posting: posting, score: Self.round(hit.score), reasons: reasons)
            ranked.distanceKilometres = kilometres.map { ($0 * 10).rounded() / 10 }
            hits.append(ranked)
        }
        return SearchPage(hits: hits, total: result.totalHits ?? hits.count, totalIsExact: result.totalIsExact, facets: result.facets,
                          understood: understood, text: search.text, didYouMean: didYouMean)
    }

    /// The postings a candidate is eligible for, best first, with reasons.
    public func match(profile: CandidateProfile, asOf: CalendarDate, limit: Int, postings index: SearchIndex) throws -> [RankedPosting] {
        var filters = Self.openFilters(asOf: asOf)
        filters.append(.keyword("education_min", anyOf: profile.educationLevel.andBelow.map(\.rawValue)))
        if let age = profile.age(on: asOf) {
            filters.append(.range("age_min", atMost: Int64(age), orMissing: true))
            filters.append(.range("age_max", atLeast: Int64(age), orMissing: true))
        }
        let text = [(profile.desiredTitles ?? []).joined(separator: " ; "), (profile.skills ?? []).joined(separator: " ; "),
                    profile.major ?? ""].joined(separator: " ; ")
        let trades = CandidateTrades(profile, synonyms: reference.synonyms, occupations: reference.occupations)
        // The words, their synonym groups, and the tokens of the candidate's occupations and related ones.
        let words = ([reference.synonyms.expand(text)] + reference.occupations.tokens(of: trades.occupations)).joined(separator: " ")
        var query = SearchQuery(words, mode: .any, filters: filters, limit: max(candidatePool, limit), loadsStoredFields: true)
        query.commonTermCutoff = commonTermCutoff
        query.scoresAccents = false  // a record's accents are no wish of the candidate's (and half the clauses)
        let result = try index.search(query)
        var ranked: [RankedPosting] = []
        for hit in result.hits {
            let posting = try Self.posting(hit)
            let postingSide = postingTrades.trades(of: posting) { PostingTrades(posting, synonyms: reference.synonyms, occupations: reference.occupations) }
            let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingSide,
                                                profile: profile, trades: trades, textScore: hit.score,
                                                asOf: asOf, reference: reference)
            if signals.excluded { continue }
            ranked.append(RankedPosting(posting: posting, score: Self.round(signals.points), reasons: signals.reasons, training: signals.training))
        }
        return Array(ranked.sorted { $0.score != $1.score ? $0.score > $1.score : $0.posting.id < $1.posting.id }.prefix(limit))
    }

    /// The candidates eligible for a posting, best first, with reasons.
    ///
    /// - Throws: ``MatchError`` `.postingClosed` when the deadline is before `asOf`.
    ///
    /// The candidates come from the index without their names and phones
    /// (``StoredRecord``): the caller adds them from the store where it needs them.
    public func shortlist(posting: JobPosting, asOf: CalendarDate, limit: Int, profiles index: SearchIndex) throws -> [RankedCandidate] {
        if let deadline = posting.deadline, deadline < asOf {
            throw MatchError(.postingClosed, "posting \(posting.id) closed on \(deadline) (as of \(asOf))")
        }
        var filters: [SearchFilter] = []
        if let minimum = posting.educationMin, minimum > .none {
            filters.append(.keyword("education", anyOf: minimum.andAbove.map(\.rawValue)))
        }
        if posting.ageMin != nil || posting.ageMax != nil {
            let lower = posting.ageMax.map { Int64(asOf.year - $0) }
            let upper = posting.ageMin.map { Int64(asOf.year - $0) }
            filters.append(.range("birth_year", lower: lower, upper: upper, orMissing: true))
        }
        let text = [posting.title, (posting.skills ?? []).joined(separator: " ; ")].joined(separator: " ; ")
        let postingTrades = PostingTrades(posting, synonyms: reference.synonyms, occupations: reference.occupations)  // once for every candidate
        // The words, their synonym groups, and the tokens of the posting's occupations and related ones.
        let words = ([reference.synonyms.expand(text)] + reference.occupations.tokens(of: postingTrades.occupations)).joined(separator: " ")
        var query = SearchQuery(words, mode: .any, filters: filters, limit: max(candidatePool, limit), loadsStoredFields: true)
        query.commonTermCutoff = commonTermCutoff
        query.scoresAccents = false  // a record's accents are no wish of the candidate's (and half the clauses)
        let result = try index.search(query)
        var ranked: [RankedCandidate] = []
        for hit in result.hits {
            let profile = try Self.profile(hit)
            let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingTrades, profile: profile,
                                                trades: CandidateTrades(profile, synonyms: reference.synonyms, occupations: reference.occupations),
                                                textScore: hit.score, asOf: asOf, reference: reference)
            if signals.excluded { continue }
            ranked.append(RankedCandidate(profile: profile, score: Self.round(signals.points), reasons: signals.reasons, training: signals.training))
        }
        return Array(ranked.sorted { $0.score != $1.score ? $0.score > $1.score : $0.profile.id < $1.profile.id }.prefix(limit))
    }

    /// The posting a hit stored (``StoredRecord``).
    static func posting(_ hit: SearchHit) throws -> JobPosting {
        do {
            return try StoredRecord.posting(hit.stored ?? [])
        } catch {
            throw IndexError(.damaged, "posting \(hit.id): \(error.message)")
        }
    }

    /// The profile a hit stored, without name and phone (``StoredRecord``).
    static func profile(_ hit: SearchHit) throws -> CandidateProfile {
        do {
            return try StoredRecord.profile(hit.stored ?? [])
        } catch {
            throw IndexError(.damaged, "profile \(hit.id): \(error.message)")
        }
    }

    /// Postings still open on `asOf` (no deadline, or not before it).
    static func openFilters(asOf: CalendarDate) -> [SearchFilter] {
        [.range("deadline", atLeast: asOf.number, orMissing: true)]
    }

    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
