import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex

/// Searching: open postings for what a job seeker typed, a posting by id, title suggestions.
struct Searching: BoardService {
    let core: BoardCore

    /// Open postings for what a job seeker typed, with or without accents: a page of
    /// results with highlights, the total and the facets (zone, education, audience).
    ///
    /// - Throws: ``MatchError`` `.tooDeep` when `offset + limit` is over ``maximumResultDepth``.
    public func search(_ request: JobMatcher.Search) throws -> SearchAnswer {
        guard request.offset >= 0, request.limit >= 0, request.offset + request.limit <= JobBoard.maximumResultDepth else {
            throw MatchError(.tooDeep, "results go no deeper than \(JobBoard.maximumResultDepth) (page × per_page, or offset + limit)")
        }
        var request = request
        request.facets = [PostingKeyword.zone, .educationMin, .audience].map(\.rawValue)
        // The latest aids, never learned here: until they are ready (``prepareSearchAids()``), a search goes without.
        if request.understands && (request.accents == nil || request.employers == nil), let aids = aids.current() {
            if request.accents == nil { request.accents = aids.accents }
            if request.employers == nil { request.employers = aids.employers }
        }
        let page = try matcher.search(request, postings: try postings.index())
        let terms = Highlighter.terms(of: page.text)
        let results = page.hits.map { ranked in
            PostingResult(ranked, highlights: .init(title: Highlighter.html(ranked.posting.title, terms: terms),
                                                    skills: Highlighter.html((ranked.posting.skills ?? []).joined(separator: ", "), terms: terms)))
        }
        func facet(_ name: String) -> [FacetValue] { (page.facets[name] ?? []).map { FacetValue(value: $0.value, count: $0.count) } }
        let perPage = max(1, request.limit)
        var answer = SearchAnswer(total: page.total, totalIsExact: page.totalIsExact, page: request.offset / perPage + 1, perPage: request.limit,
                                  results: results, facets: ["zone": facet(PostingKeyword.zone.rawValue), "education": facet(PostingKeyword.educationMin.rawValue),
                                                                   "audience": facet(PostingKeyword.audience.rawValue)])
        answer.understood = page.understood
        answer.didYouMean = page.didYouMean
        return answer
    }

    /// A posting by id, from the postings' index.
    public func posting(id: String) throws -> JobPosting? {
        guard let stored = try postings.index().snapshot.storedFields(of: id) else { return nil }
        do { return try StoredRecord.posting(stored) } catch { throw IndexError(.damaged, "posting \(id): \(error.message)") }
    }

    /// Job titles that start with what a job seeker has typed, most used first.
    public func suggestions(prefix: String, limit: Int = 10) throws -> [String] {
        aids.current()?.titles.suggest(prefix, limit: limit) ?? []
    }
}
