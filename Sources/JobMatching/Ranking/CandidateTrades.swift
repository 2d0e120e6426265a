import Foundation
import JobRecords
import VietnameseText

/// A candidate's trades (skills, desired titles, major), folded and with their
/// synonym groups: computed once a request, compared with many postings.
struct CandidateTrades {
    private var phrases: [(text: String, folded: String, groups: Set<Int>)] = []

    init(_ profile: CandidateProfile, synonyms: SynonymTable) {
        let analyzer = VietnameseAnalyzer()
        var seen = Set<String>()
        for phrase in (profile.skills ?? []) + (profile.desiredTitles ?? []) + (profile.major.map { [$0] } ?? []) {
            let folded = analyzer.foldedText(phrase)
            guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
            phrases.append((phrase.trimmingCharacters(in: .whitespaces), folded, Set(synonyms.groups(in: folded).map(\.group))))
        }
    }

    /// The trades the posting's title, skills or requirements name, directly or
    /// through a synonym group (at most three).
    func shared(with posting: JobPosting, synonyms: SynonymTable) -> [String] {
        guard !phrases.isEmpty else { return [] }
        let folded = VietnameseAnalyzer().foldedText([posting.title, (posting.skills ?? []).joined(separator: " ; "),
                                                       posting.requirements ?? ""].joined(separator: " ; "))
        let padded = " " + folded + " "
        let postingGroups = Set(synonyms.groups(in: folded).map(\.group))
        var shared: [String] = []
        for phrase in phrases where padded.contains(" " + phrase.folded + " ") || !phrase.groups.isDisjoint(with: postingGroups) {
            shared.append(phrase.text)
            if shared.count == 3 { break }
        }
        return shared
    }
}
