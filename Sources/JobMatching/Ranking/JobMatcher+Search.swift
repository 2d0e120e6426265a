import Foundation
import SearchIndex
import JobRecords
import VietnameseText

/// A job seeker's search, as named stages (``JobMatcher/search(_:postings:)``):
///
/// | stage | reads | does |
/// |---|---|---|
/// | ``JobMatcher/decodeKeystrokes(_:snapshot:)`` | the words | Telex, VNI, VIQR keys → syllables, unless the index has the word as typed |
/// | ``JobMatcher/restoreAccents(_:)`` | words with no accent | their likely accents, searched and offered as "did you mean" |
/// | ``JobMatcher/findEmployer(_:)`` | the words | an employer named in them (before places: `kho vận đình vũ` is a company) |
/// | ``JobMatcher/findPlacesAndLevels(_:)`` | the words | zones, places, levels and audiences, for the fields not asked |
/// | ``JobMatcher/preferOrFilter(_:)`` | what was found | with other words, a place or employer ranks first; alone, it filters |
/// | ``JobMatcher/filters(_:)`` | the fields | the index's filters: open, zone, place, distance, education, employer, audience |
/// | ``JobMatcher/retrieve(_:filters:postings:)`` | filters and words | the query (words, synonyms, occupations), a preference's window ranked again |
/// | ``JobMatcher/explain(_:_:)`` | each posting | its reasons: words matched, employer, zone, distance, deadline |
extension JobMatcher {
    /// What a search's words were understood to say, filled stage by stage.
    struct SearchUnderstanding {
        /// The search, its text without what was understood, its fields with what was.
        var search: Search
        var understood: [QueryUnderstanding.Understood] = []
        var didYouMean: String?
        /// The words as typed, and whether keys were decoded in them.
        var typed: String
        var decodedKeys = false
        /// Places, levels and audiences found in the words.
        var places: [QueryUnderstanding.Understood] = []
        var employerNames: [String] = []
        /// An audience typed in the text: the postings that invite it, not those for everyone.
        var invitedOnly = false
        var preferred = PlacePreference()
        /// A place typed alone, or the `district` asked.
        var placeFilter: PlaceReading?

        init(_ search: Search) {
            self.search = search
            typed = search.text
        }
    }

    /// Postings for what a job seeker typed, with or without accents.
    public func search(_ search: Search, postings index: SearchIndex) throws -> SearchPage {
        var state = SearchUnderstanding(search)
        if search.understands {
            decodeKeystrokes(&state, snapshot: index.snapshot)
            restoreAccents(&state)
            findEmployer(&state)
            findPlacesAndLevels(&state)
            preferOrFilter(&state)
        }
        let filters = try self.filters(&state)
        let (result, found) = try retrieve(state, filters: filters, postings: index)
        return SearchPage(hits: explain(found, state), total: result.totalHits ?? found.count, totalIsExact: result.totalIsExact,
                          facets: result.facets, understood: state.understood, text: state.search.text, didYouMean: state.didYouMean)
    }

    /// Words typed as Telex, VNI or VIQR keystrokes, unless the index has them as typed.
    func decodeKeystrokes(_ state: inout SearchUnderstanding, snapshot: IndexSnapshot) {
        let decoded = KeystrokeDecoder.decodeQuery(state.search.text) { snapshot.containsTerm(folded: $0) }
        if decoded.changed {
            state.search.text = decoded.text
            state.decodedKeys = true
        }
    }

    /// A text typed without any accent: its likely reading, searched for its accents' bonus (and understood:
    /// places and levels are found in it as in any text).
    func restoreAccents(_ state: inout SearchUnderstanding) {
        guard let accents = state.search.accents, !state.decodedKeys, !state.search.text.isEmpty else { return }
        let tokens = VietnameseAnalyzer().tokens(in: state.search.text)
        guard !tokens.isEmpty, tokens.allSatisfy({ $0.canonical == $0.folded }) else { return }
        let restored = accents.restore(state.search.text)
        if restored != state.search.text {
            state.didYouMean = restored
            state.search.text = restored
        }
    }

    /// An employer named in the words, before the places: `kho vận đình vũ` is a company, not the zone.
    func findEmployer(_ state: inout SearchUnderstanding) {
        guard let employers = state.search.employers, !state.search.text.isEmpty else { return }
        let (remaining, names, employer) = employers.understand(state.search.text)
        if let employer {
            state.search.text = remaining
            state.employerNames = names
            state.understood.append(employer)
        }
    }

    /// Zones, places, levels and audiences in the words, for the fields the search did not set.
    func findPlacesAndLevels(_ state: inout SearchUnderstanding) {
        var wanted = Set<String>()
        if state.search.zone == nil && state.search.district == nil && state.search.near == nil { wanted.insert("zone") }
        if state.search.education == nil { wanted.insert("education") }
        if state.search.audience == nil { wanted.insert("audience") }
        (state.search.text, state.places) = understanding.understand(state.search.text, fields: wanted)
        state.understood += state.places
        // "Did you mean" offers the words searched, without the places understood (shown apart, by their names).
        if state.didYouMean != nil && !state.places.isEmpty { state.didYouMean = state.search.text.isEmpty ? nil : state.search.text }
        // The words decoded, as searched: without the places and levels understood in them.
        if state.decodedKeys && !state.search.text.isEmpty {
            state.understood.insert(QueryUnderstanding.Understood(field: "text", value: state.search.text, words: state.typed), at: 0)
        }
    }

    /// A place or employer typed with other words is a preference, not a filter: `thợ hàn đình vũ` lists the
    /// welders of Đình Vũ first, then those nearby, then the rest, never nothing. Alone, it filters.
    func preferOrFilter(_ state: inout SearchUnderstanding) {
        let hasWords = !state.search.text.trimmingCharacters(in: .whitespaces).isEmpty
        for index in state.understood.indices where state.understood[index].field == "near" {
            state.understood[index].preferred = true
            state.preferred.near = state.understood[index].place
        }
        if hasWords {
            for index in state.understood.indices where ["zone", "district", "employer"].contains(state.understood[index].field) {
                state.understood[index].preferred = true
                switch state.understood[index].field {
                case "zone": state.preferred.zone = state.understood[index].value
                case "district": state.preferred.place = state.understood[index].place
                default: state.preferred.employers = state.employerNames
                }
            }
            if !state.preferred.employers.isEmpty { state.employerNames = [] }
        }
        for item in state.places {
            switch item.field {
            case "zone" where hasWords, "district" where hasWords, "near": break
            case "zone": state.search.zone = item.value
            case "district": state.placeFilter = item.place
            case "education": state.search.education = EducationLevel(rawValue: item.value)
            default: state.search.audience = CandidateCategory(rawValue: item.value); state.invitedOnly = true
            }
        }
    }

    /// The index's filters for the search's fields (a `near` asked is read here and becomes the preference).
    ///
    /// - Throws: ``MatchError`` `.unknownPlace` for a district or near that no place reads as; `.invalidParameter`
    ///   for a radius out of range.
    func filters(_ state: inout SearchUnderstanding) throws -> [SearchFilter] {
        let search = state.search
        var filters = Self.openFilters(asOf: search.asOf)
        if let zone = search.zone { filters.append(.posting(.zone, anyOf: [zone])) }
        if let district = search.district {
            guard let reading = reference.places.read(district) else {
                throw MatchError(.unknownPlace, "cannot read '\(district)' as a zone, commune, ward, district or province")
            }
            state.placeFilter = reading
        }
        if let placeFilter = state.placeFilter { filters.append(MatchIndexes.filter(in: placeFilter, places: reference.places)) }
        if let near = search.near {
            guard let reading = reference.places.read(near) else {
                throw MatchError(.unknownPlace, "cannot read '\(near)' as a zone, commune, ward, district or province")
            }
            state.preferred.near = reading
            state.understood.append(QueryUnderstanding.Understood(field: "near", value: reading.description, words: near, preferred: true,
                                                                  note: reading.note, place: reading))
        }
        if let within = search.withinKilometres, let near = state.preferred.near {
            guard within > 0 && within <= 2_000 else { throw MatchError(.invalidParameter, "within_km must be over 0 and at most 2000, not \(within)") }
            filters.append(MatchIndexes.filter(within: within, of: near.point))
        }
        if let education = search.education { filters.append(.posting(.educationMin, anyOf: education.andBelow.map(\.rawValue))) }
        if !state.employerNames.isEmpty { filters.append(.posting(.employer, anyOf: state.employerNames)) }
        if let audience = search.audience {
            filters.append(.posting(.audience, anyOf: state.invitedOnly ? [audience.rawValue] : [audience.rawValue, MatchIndexes.everyAudience]))
        }
        return filters
    }

    /// The words, their synonym groups' tokens and the tokens of the occupations they name, searched; with a
    /// preference, a window of the best matches ranked again (``PlacePreference``), then paged: 200 at least
    /// (500 before: the judged sets alike down to 100, and a search near a place a quarter the cost).
    func retrieve(_ state: SearchUnderstanding, filters: [SearchFilter],
                  postings index: SearchIndex) throws -> (result: SearchResult, found: [(hit: SearchHit, posting: JobPosting)]) {
        let search = state.search
        let occupationTokens = search.understands ? reference.occupations.tokens(inQuery: search.text) : []
        let expanded = ([reference.synonyms.expand(search.text)] + occupationTokens).joined(separator: " ")
        let window = state.preferred.isEmpty ? nil : min(max(search.offset + search.limit + 150, 200), 2_000)
        var query = SearchQuery(expanded, mode: .any, filters: filters, offset: window == nil ? search.offset : 0,
                                limit: window ?? search.limit, facets: search.facets, countsTotalHits: true, explains: true, loadsStoredFields: true)
        query.countLimit = countLimit
        query.commonTermCutoff = searchCommonTermCutoff
        let result = try index.search(query)
        var found: [(hit: SearchHit, posting: JobPosting)] = try result.hits.map { ($0, try Self.posting($0)) }
        if window != nil {
            let named = Set(occupationTokens)
            found = state.preferred.rank(found, places: reference.places) { hit in
                !named.isEmpty && (hit.explanation?.terms ?? []).contains { named.contains($0.term) }
            }
            found = Array(found.dropFirst(search.offset).prefix(search.limit))
        }
        return (result, found)
    }

    /// Each posting with its reasons: the words it matched, its employer and zone, how far it is from the place
    /// the seeker named, its deadline.
    func explain(_ found: [(hit: SearchHit, posting: JobPosting)], _ state: SearchUnderstanding) -> [RankedPosting] {
        var hits: [RankedPosting] = []
        let distanceFrom = state.preferred.near ?? state.preferred.place ?? state.placeFilter
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
        return hits
    }
}
