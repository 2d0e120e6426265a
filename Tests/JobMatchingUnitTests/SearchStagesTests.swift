import Testing
@testable import JobMatching
import JobRecords

/// The stages of a job seeker's search (``JobMatcher/search(_:postings:)``), each on its own: what the words
/// say, and whether a place becomes a preference or a filter.
@Suite struct SearchStagesTests {
    let matcher = JobMatcher(reference: reference)
    let asOf = CalendarDate("2026-11-23")!

    private func understood(_ text: String) -> JobMatcher.SearchUnderstanding {
        var state = JobMatcher.SearchUnderstanding(JobMatcher.Search(text: text, asOf: asOf))
        matcher.findEmployer(&state)
        matcher.findPlacesAndLevels(&state)
        matcher.preferOrFilter(&state)
        return state
    }

    /// | typed | words searched | zone filter | zone preferred | education | audience (invited only) |
    @Test func placesAndLevelsBecomePreferencesOrFilters() {
        let cases: [(typed: String, text: String, zone: String?, preferred: String?, education: EducationLevel?, audience: CandidateCategory?)] = [
            ("thợ hàn đình vũ", "thợ hàn", nil, "KCN Đình Vũ", nil, nil),
            ("KCN ĐÌNH VŨ", "", "KCN Đình Vũ", nil, nil, nil),
            ("thợ hàn", "thợ hàn", nil, nil, nil, nil),
        ]
        for c in cases {
            let state = understood(c.typed)
            #expect(state.search.text.trimmingCharacters(in: .whitespaces) == c.text, "\(c.typed): \(state.search.text)")
            #expect(state.search.zone == c.zone && state.preferred.zone == c.preferred, "\(c.typed)")
            #expect(state.search.education == c.education && state.search.audience == c.audience, "\(c.typed)")
        }
    }

    /// Keys are decoded unless the index has the word as typed; then accents are not guessed on top.
    @Test func keysDecodedThenNoAccentsGuessed() throws {
        let index = try MatchIndexes.postingIndex([posting(#"{"id":"P","employer":"E","title":"Thợ hàn","deadline":"2026-12-31"}"#)], reference: reference)
        var state = JobMatcher.SearchUnderstanding(JobMatcher.Search(text: "THOWJ HANF", asOf: asOf))
        matcher.decodeKeystrokes(&state, snapshot: index.snapshot)
        #expect(state.search.text == "thợ hàn" && state.decodedKeys && state.typed == "THOWJ HANF")
        matcher.restoreAccents(&state)
        #expect(state.didYouMean == nil)
    }
}
