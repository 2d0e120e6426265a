import Foundation
import SearchIndex
import JobRecords
import VietnameseText

extension JobMatcher {
    /// Words of a search that ask for a job without naming one (`việc làm`, `tuyển dụng`): not required of a posting.
    static let alertFillerPhrases = ["viec lam", "tuyen dung", "can tuyen", "tim viec", "tuyen gap"]

    /// A saved search as the reverse matcher checks it: the search's understanding stages (keys decoded
    /// against the postings' words, employers, places, levels, audiences), then every place, employer and level
    /// understood as a filter (an alert for `thợ hàn Đình Vũ` wants Đình Vũ's welding jobs; a search would only
    /// rank them first), the remaining words required.
    ///
    /// - Throws: ``MatchError`` `.unknownPlace` for a district or near that no place reads as; `.invalidParameter`
    ///   for a radius out of range.
    public func criteria(for saved: SavedSearch, postings snapshot: IndexSnapshot?, employers: EmployerDirectory? = nil) throws -> SavedSearchCriteria {
        var search = Search(text: saved.query, asOf: CalendarDate(year: 2000, month: 1, day: 1))
        search.zone = saved.zone
        search.district = saved.district
        search.near = saved.near
        search.withinKilometres = saved.withinKilometres
        search.education = saved.education
        search.audience = saved.audience
        search.employers = employers
        var state = SearchUnderstanding(search)
        if let snapshot { decodeKeystrokes(&state, snapshot: snapshot) }
        findEmployer(&state)
        findPlacesAndLevels(&state)
        preferOrFilter(&state)
        var filters = try self.filters(&state).filter { if case .range(PostingNumber.deadline.rawValue, _, _, _) = $0 { false } else { true } }
        // What a search would only prefer, an alert requires.
        if let zone = state.preferred.zone { filters.append(.posting(.zone, anyOf: [zone])) }
        if let place = state.preferred.place { filters.append(MatchIndexes.filter(in: place, places: reference.places)) }
        if !state.preferred.employers.isEmpty { filters.append(.posting(.employer, anyOf: state.preferred.employers)) }
        var folded = " " + VietnameseAnalyzer().foldedText(state.search.text) + " "
        for phrase in Self.alertFillerPhrases { folded = folded.replacingOccurrences(of: " \(phrase) ", with: " ") }
        let words = folded.split(separator: " ").map(String.init)
        let groups = reference.synonyms.groups(in: words.joined(separator: " "))
        var requirements: [SavedSearchCriteria.Requirement] = []
        for word in words where !requirements.contains(where: { $0.word == word }) {
            let concepts = groups.filter { $0.phrase.split(separator: " ").contains(Substring(word)) }
                .map { SynonymTable.conceptToken($0.group) }
            requirements.append(.init(word: word, alternatives: concepts))
        }
        let understood = state.understood.filter { $0.field != "text" }.map { item in
            item.place?.name ?? item.value
        }
        return SavedSearchCriteria(requirements: requirements, filters: filters, understood: understood)
    }
}

extension JobMatcher {
    /// What a profile alert is filed under in the reverse matcher (``AlertIndex``): the synonym groups its desired
    /// titles, skills and major name, and its occupations (``OccupationTaxonomy``), as the tokens a posting's index
    /// document holds (a posting with none of them is not of the candidate's trade); and the eligibility `match`
    /// filters on (education, ages). `nil` when the profile names no trade the tables know (such an alert could
    /// never be sent). Compiled again when the year turns (ages).
    public func criteria(for profile: CandidateProfile) -> SavedSearchCriteria? {
        criteria(for: profile, year: Calendar(identifier: .gregorian).component(.year, from: Date()))
    }

    /// ``criteria(for:)`` with ages worked out for `year`.
    public func criteria(for profile: CandidateProfile, year: Int) -> SavedSearchCriteria? {
        let trades = CandidateTrades(profile, synonyms: reference.synonyms, occupations: reference.occupations)
        let text = [(profile.desiredTitles ?? []).joined(separator: " ; "), (profile.skills ?? []).joined(separator: " ; "),
                    profile.major ?? ""].joined(separator: " ; ")
        var terms: [String] = []
        for term in reference.synonyms.conceptTokens(in: text) + reference.occupations.tokens(of: trades.occupations, closeness: 1)
        where !terms.contains(term) { terms.append(term) }
        guard let first = terms.first else { return nil }
        // The eligibility `match` filters on: the posting's education minimum and ages (a profile without a birth year passes).
        var filters: [SearchFilter] = [.posting(.educationMin, anyOf: profile.educationLevel.andBelow.map(\.rawValue))]
        if let birthYear = profile.birthYear {
            // The posting's ages are compared with the candidate's age this year (the shortlist's rule).
            let age = Int64(year - birthYear)
            filters.append(.posting(.ageMin, atMost: age, orMissing: true))
            filters.append(.posting(.ageMax, atLeast: age, orMissing: true))
        }
        return SavedSearchCriteria(requirements: [.init(word: first, alternatives: Array(terms.dropFirst()))], filters: filters)
    }

    /// The candidate, ranked for `posting`, when a profile alert should send it: eligible as the shortlist decides
    /// (education, age, deadline, a licence the posting requires), and of its trade or occupation (the first of the
    /// shortlist's tiers). `nil` otherwise.
    public func alertFit(posting: JobPosting, profile: CandidateProfile, asOf: CalendarDate) -> RankedCandidate? {
        alertFit(posting: posting, postingTrades: PostingTrades(posting, synonyms: reference.synonyms, occupations: reference.occupations),
                 profile: profile, asOf: asOf)
    }

    func alertFit(posting: JobPosting, postingTrades: PostingTrades, profile: CandidateProfile, asOf: CalendarDate) -> RankedCandidate? {
        if let deadline = posting.deadline, deadline < asOf { return nil }
        if let minimum = posting.educationMin, profile.educationLevel < minimum { return nil }
        if let age = profile.age(on: asOf) {
            if let low = posting.ageMin, age < low { return nil }
            if let high = posting.ageMax, age > high { return nil }
        }
        let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingTrades, profile: profile,
                                            trades: CandidateTrades(profile, synonyms: reference.synonyms, occupations: reference.occupations),
                                            textScore: 0, asOf: asOf, reference: reference)
        guard !signals.excluded, signals.tier == 0 else { return nil }
        return RankedCandidate(profile: profile, score: Self.round(signals.points), reasons: signals.reasons, training: signals.training)
    }
}

extension JobMatcher {
    /// The alerts `posting` is for: the saved searches it answers, and the profile alerts whose trade it names and
    /// whose candidate it accepts (education, age), in lists of alerts that share their criteria. Nothing for a
    /// posting past its deadline.
    ///
    /// This is the decision, made once per change and kept cheap (no profile is read); a profile alert's points
    /// and reasons, and a licence the posting requires, are weighed per message, when it is sent
    /// (``alertFit(posting:profile:asOf:)``).
    ///
    /// - Complexity: O(*t* + *e*) for the posting's *t* terms and the *e* alert criteria filed under them (each
    ///   checked once, however many alerts share it).
    public func recipients(of posting: JobPosting, asOf: CalendarDate, alerts index: AlertIndex) -> [[AlertIndex.Member]] {
        guard index.count > 0 else { return [] }
        if let deadline = posting.deadline, deadline < asOf { return [] }
        return index.matches(PostingFacts(posting: posting, reference: reference))
    }
}
