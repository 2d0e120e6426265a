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
/// are re-ranked by ``MatchSignals`` and ordered by its tier: the trade, a related occupation, general work, words
/// in common only. When fewer than `limit` postings of the trade or a related one are open, a match also looks for
/// general work the candidate is eligible for (``OccupationTaxonomy/isGeneralWork(_:)``). The text query is what names trades: a
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

    /// The postings a candidate is eligible for, best first, with reasons.
    public func match(profile: CandidateProfile, asOf: CalendarDate, limit: Int, postings index: SearchIndex) throws -> [RankedPosting] {
        var filters = Self.openFilters(asOf: asOf)
        filters.append(.posting(.educationMin, anyOf: profile.educationLevel.andBelow.map(\.rawValue)))
        if let age = profile.age(on: asOf) {
            filters.append(.posting(.ageMin, atMost: Int64(age), orMissing: true))
            filters.append(.posting(.ageMax, atLeast: Int64(age), orMissing: true))
        }
        let text = [(profile.desiredTitles ?? []).joined(separator: " ; "), (profile.skills ?? []).joined(separator: " ; "),
                    profile.major ?? ""].joined(separator: " ; ")
        let trades = CandidateTrades(profile, synonyms: reference.synonyms, occupations: reference.occupations)
        // The words, their synonym groups, and the tokens of the candidate's occupations and related ones.
        let words = ([reference.synonyms.expand(text)] + reference.occupations.tokens(of: trades.occupations)).joined(separator: " ")
        var query = SearchQuery(words, mode: .any, filters: filters, limit: max(candidatePool, limit), loadsStoredFields: true)
        query.commonTermCutoff = commonTermCutoff
        query.scoresAccents = false  // a record's accents are no wish of the candidate's (and half the clauses)
        var ranked: [(tier: Int, posting: RankedPosting)] = []
        func rank(_ hits: [SearchHit], textScores: Bool, keep: (MatchSignals) -> Bool = { _ in true }) throws {
            for hit in hits {
                let posting = try Self.posting(hit)
                let postingSide = postingTrades.trades(of: posting) { PostingTrades(posting, synonyms: reference.synonyms, occupations: reference.occupations) }
                let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingSide,
                                                    profile: profile, trades: trades, textScore: textScores ? hit.score : 0,
                                                    asOf: asOf, reference: reference)
                if signals.excluded || !keep(signals) { continue }
                ranked.append((signals.tier, RankedPosting(posting: posting, score: Self.round(signals.points), reasons: signals.reasons, training: signals.training)))
            }
        }
        try rank(index.search(query).hits, textScores: true)
        // Too few postings of the trade or a related one open (issue 29's fallback): general work the candidate is
        // eligible for, found by its occupations' tokens, ranked by the signals alone (place, salary, housing, audience).
        if ranked.count(where: { $0.tier < 2 }) < limit {
            let seen = Set(ranked.map(\.posting.posting.id))
            try rank(index.search(generalWorkQuery(filters: filters, limit: limit)).hits.filter { !seen.contains($0.id) }, textScores: false, keep: { $0.tier <= 2 })
        }
        // The trade first, then related occupations, then general work, then words in common; each by score.
        return Array(ranked.sorted {
            $0.tier != $1.tier ? $0.tier < $1.tier : $0.posting.score != $1.posting.score ? $0.posting.score > $1.posting.score : $0.posting.posting.id < $1.posting.posting.id
        }.prefix(limit).map(\.posting))
    }

    /// The candidates eligible for a posting, best first, with reasons.
    ///
    /// - Parameter categories: only candidates of these categories (a counsellor calling the
    ///   discharged soldiers first); empty, every category. The order is the whole list's
    ///   with the others left out: a filter of the index, so the first `limit` of the
    ///   category are listed however many of the others rank before them.
    /// - Throws: ``MatchError`` `.postingClosed` when the deadline is before `asOf`.
    ///
    /// The candidates come from the index without their names and phones
    /// (``StoredRecord``): the caller adds them from the store where it needs them.
    public func shortlist(posting: JobPosting, asOf: CalendarDate, limit: Int, profiles index: SearchIndex,
                          categories: [CandidateCategory] = []) throws -> [RankedCandidate] {
        try tieredShortlist(posting: posting, asOf: asOf, limit: limit, profiles: index, categories: categories).map(\.candidate)
    }

    /// ``shortlist(posting:asOf:limit:profiles:)`` with each candidate's tier: 0 of the trade (or the same occupation),
    /// 1 of a related occupation, 2 any other the posting's general work suits, 3 words in common only. A posting of
    /// general work with fewer than `limit` candidates of its trade or a related one also asks for those whose own
    /// occupations are general work (a kitchen helper, a packer for a production line).
    func tieredShortlist(posting: JobPosting, asOf: CalendarDate, limit: Int, profiles index: SearchIndex,
                         categories: [CandidateCategory] = []) throws -> [(tier: Int, candidate: RankedCandidate)] {
        if let deadline = posting.deadline, deadline < asOf {
            throw MatchError(.postingClosed, "posting \(posting.id) closed on \(deadline) (as of \(asOf))")
        }
        var filters = Self.profileFilters(for: posting, asOf: asOf)
        if !categories.isEmpty { filters.append(.profile(.category, anyOf: categories.map(\.rawValue))) }
        let text = [posting.title, (posting.skills ?? []).joined(separator: " ; ")].joined(separator: " ; ")
        let postingTrades = PostingTrades(posting, synonyms: reference.synonyms, occupations: reference.occupations)  // once for every candidate
        // The words, their synonym groups, and the tokens of the posting's occupations and related ones.
        let words = ([reference.synonyms.expand(text)] + reference.occupations.tokens(of: postingTrades.occupations)).joined(separator: " ")
        var query = SearchQuery(words, mode: .any, filters: filters, limit: max(candidatePool, limit), loadsStoredFields: true)
        query.commonTermCutoff = commonTermCutoff
        query.scoresAccents = false  // a record's accents are no wish of the candidate's (and half the clauses)
        var ranked: [(tier: Int, candidate: RankedCandidate)] = []
        func rank(_ hits: [SearchHit], textScores: Bool, keep: (MatchSignals) -> Bool = { _ in true }) throws {
            for hit in hits {
                let profile = try Self.profile(hit)
                let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingTrades, profile: profile,
                                                    trades: CandidateTrades(profile, synonyms: reference.synonyms, occupations: reference.occupations),
                                                    textScore: textScores ? hit.score : 0, asOf: asOf, reference: reference)
                if signals.excluded || !keep(signals) { continue }
                ranked.append((signals.tier, RankedCandidate(profile: profile, score: Self.round(signals.points), reasons: signals.reasons, training: signals.training)))
            }
        }
        try rank(index.search(query).hits, textScores: true)
        // Fewer than asked: also those who share a synonym group or an occupation of the posting's trade, however
        // common among all the profiles (the first search's words in over a tenth of them only add to candidates
        // another word brought: `điện tử` is one, and the electronics people among the "other" candidates were
        // never found for an electronics assembly line).
        if ranked.count < limit, let concepts = conceptQuery(text, occupations: postingTrades.occupations, filters: filters, limit: limit) {
            let seen = Set(ranked.map(\.candidate.profile.id))
            try rank(index.search(concepts).hits.filter { !seen.contains($0.id) }, textScores: false)
        }
        // General work with too few of its trade or a related one: those whose own occupations are general work.
        if postingTrades.occupations.contains(where: { reference.occupations.isGeneralWork($0.code) }),
           ranked.count(where: { $0.tier < 2 }) < limit {
            let seen = Set(ranked.map(\.candidate.profile.id))
            try rank(index.search(generalWorkQuery(filters: filters, limit: limit)).hits.filter { !seen.contains($0.id) }, textScores: false, keep: { $0.tier <= 2 })
        }
        // Those of the trade first, then of a related occupation, then general work, then words in common; each by score.
        return Array(ranked.sorted {
            $0.tier != $1.tier ? $0.tier < $1.tier
                : $0.candidate.score != $1.candidate.score ? $0.candidate.score > $1.candidate.score : $0.candidate.profile.id < $1.candidate.profile.id
        }.prefix(limit))
    }

    /// The search for general work (``OccupationTaxonomy/isGeneralWork(_:)``) by its occupations' tokens, for a match's or a
    /// shortlist's fallback: the records (postings or profiles) classified under it that pass `filters`, for the signals
    /// to rank (its text scores say little).
    func generalWorkQuery(filters: [SearchFilter], limit: Int) -> SearchQuery {
        tokenQuery(reference.occupations.generalWorkTokens, filters: filters, limit: limit)
    }

    /// A fallback's search by index tokens alone (occupations, concepts): the candidate pool, stored fields, no accent
    /// clauses, no common-word cutoff.
    private func tokenQuery(_ tokens: [String], filters: [SearchFilter], limit: Int) -> SearchQuery {
        var query = SearchQuery(tokens.joined(separator: " "), mode: .any, filters: filters, limit: max(candidatePool, limit), loadsStoredFields: true)
        query.scoresAccents = false
        return query
    }

    /// The search for the records that share a trade's synonym group (not a level: ``GenericSkills/levelGroups(_:)``)
    /// named in `text`, or one of `occupations` or a related one, by their concept tokens alone and without the
    /// common-word cutoff; `nil` when `text` and `occupations` name none.
    func conceptQuery(_ text: String, occupations: [OccupationTaxonomy.Found], filters: [SearchFilter], limit: Int) -> SearchQuery? {
        let levels = Set(GenericSkills.levelGroups(reference.synonyms).map(SynonymTable.conceptToken))
        let tokens = reference.synonyms.conceptTokens(in: text).filter { !levels.contains($0) } + reference.occupations.tokens(of: occupations)
        return tokens.isEmpty ? nil : tokenQuery(tokens, filters: filters, limit: limit)
    }

    /// The filters a profile passes to be eligible for `posting` on `asOf`: its education at least the posting's
    /// minimum, its birth year within the posting's ages (a profile without one passes, and its reasons say so).
    public static func profileFilters(for posting: JobPosting, asOf: CalendarDate) -> [SearchFilter] {
        Eligibility(posting: posting, asOf: asOf).filters
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
        try profile(id: hit.id, stored: hit.stored ?? [])
    }

    /// The profile of stored fields read from the index (``StoredRecord``).
    static func profile(id: String, stored: [UInt8]) throws -> CandidateProfile {
        do {
            return try StoredRecord.profile(stored)
        } catch {
            throw IndexError(.damaged, "profile \(id): \(error.message)")
        }
    }

    /// Postings still open on `asOf` (no deadline, or not before it).
    static func openFilters(asOf: CalendarDate) -> [SearchFilter] {
        [.posting(.deadline, atLeast: asOf.number, orMissing: true)]
    }

    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
