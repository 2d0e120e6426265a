import JobMatching
import JobRecords
import VietnameseText

/// What searches learn from the postings, kept as counts so that a posting added, replaced or deleted
/// changes it in place: the accents of their words (``VietnameseText/AccentRestorer``), their employers,
/// the words of their titles and skills (a brand must be none of them: ``JobMatching/EmployerDirectory``)
/// and their titles (``JobMatching/TitleSuggester``).
///
/// Counts of every posting in the index, open or closed (a closed posting's words are still Vietnamese).
struct PostingVocabulary: Sendable {
    var accents = AccentRestorer()
    var employers: [String: Int] = [:]
    var jobWords: [String: Int] = [:]
    var titles: [String: Int] = [:]
    /// The last change of the postings' feed counted (the postings index's sequence when it was built).
    var sequence: Int64 = 0
    /// Postings counted.
    var postings = 0

    init() {}

    /// The vocabulary of every posting `each` hands over.
    init(sequence: Int64, _ each: ((JobPosting) -> Void) throws -> Void) rethrows {
        self.sequence = sequence
        try each { add($0) }
    }

    mutating func add(_ posting: JobPosting) { count(posting, by: 1) }

    mutating func remove(_ posting: JobPosting) { count(posting, by: -1) }

    /// - Complexity: O(the posting's text).
    private mutating func count(_ posting: JobPosting, by step: Int) {
        func bump(_ counts: inout [String: Int], _ key: String) {
            let value = (counts[key] ?? 0) + step
            counts[key] = value > 0 ? value : nil
        }
        for text in [posting.title, posting.description, posting.requirements].compactMap({ $0 }) + (posting.skills ?? []) {
            if step > 0 { accents.add(text) } else { accents.remove(text) }
        }
        bump(&employers, posting.employer)
        bump(&titles, posting.title)
        let analyzer = VietnameseAnalyzer()
        for text in [posting.title] + (posting.skills ?? []) {
            for word in analyzer.foldedText(text).split(separator: " ") { bump(&jobWords, String(word)) }
        }
        postings = max(0, postings + step)
    }

    /// The aids a search reads, built from the counts.
    ///
    /// - Complexity: O(*v* + *e* + *t* log *t*) for the *v* words, *e* employers and *t* titles counted.
    func aids(synonyms: SynonymTable) -> SearchAids {
        var restorer = accents
        restorer.finish()
        return SearchAids(accents: restorer,
                          employers: EmployerDirectory(employers: employers.keys.sorted(), jobWords: Set(jobWords.keys), synonyms: synonyms),
                          titles: TitleSuggester(titles: titles), sequence: sequence)
    }
}

/// What a search reads besides the index: built from a ``PostingVocabulary`` by ``SearchAidsKeeper``, never by a request.
public struct SearchAids: Sendable {
    public var accents: AccentRestorer
    public var employers: EmployerDirectory
    public var titles: TitleSuggester
    /// The last change of the postings these were learned from.
    public var sequence: Int64
}
