import SearchIndex
import VietnameseText
import JobRecords

/// A saved search as the reverse matcher checks it (``JobMatcher/criteria(for:postings:)``): the words left
/// once places, levels and employers were understood, each to be found in a posting (itself, or a synonym
/// group it belongs to), and the search's filters, places understood in the words included.
///
/// A search ranks postings that have any of its words; an alert sends only postings that have all of them,
/// so that "thợ hàn" sends welding jobs, not every job with "thợ" in it.
public struct SavedSearchCriteria: Sendable, Hashable {
    /// One word of the search: found when the posting has the word (folded) or one of the concept tokens of
    /// the synonym groups the search names with it (`lái xe` is found in a posting that says `tài xế`).
    public struct Requirement: Sendable, Hashable {
        public var word: String
        public var alternatives: [String]

        public init(word: String, alternatives: [String] = []) {
            self.word = word
            self.alternatives = alternatives
        }

        /// The word and its alternatives.
        public var terms: [String] { [word] + alternatives }
    }

    public var requirements: [Requirement]
    /// The index's filters, as a search would apply them (without the deadline: a closed posting is never sent).
    public var filters: [SearchFilter]
    /// What was understood, as a search page shows it ("KCN Đình Vũ", "đại học").
    public var understood: [String]

    /// Keyword filters' values are kept folded (`KCN Tràng Duệ` → `kcn trang due`), once, as ``PostingFacts`` keeps a
    /// posting's: a check compares them without folding again.
    public init(requirements: [Requirement], filters: [SearchFilter], understood: [String] = []) {
        self.requirements = requirements
        let analyzer = VietnameseAnalyzer()
        self.filters = filters.map { filter in
            guard case .keyword(let field, let values) = filter else { return filter }
            return .keyword(field, anyOf: values.map(analyzer.foldedText))
        }
        self.understood = understood
    }

    /// Whether the posting `facts` describe is one the search asks for.
    ///
    /// - Complexity: O(*r* · *a* + *f*) for *r* words of *a* alternatives and *f* filters.
    public func admits(_ facts: PostingFacts) -> Bool {
        for index in requirements.indices {
            if facts.terms.contains(requirements[index].word) { continue }
            if requirements[index].alternatives.contains(where: { facts.terms.contains($0) }) { continue }
            return false
        }
        for index in filters.indices where !facts.admits(folded: filters[index]) { return false }
        return true
    }
}
