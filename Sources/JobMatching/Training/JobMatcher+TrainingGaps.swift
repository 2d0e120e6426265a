import Foundation
import SearchIndex
import JobRecords
import VietnameseText

extension JobMatcher {
    /// The training gaps of many postings, as the job fair finds them (``FairPlan/Gap``: candidates who share a posting's
    /// trade but lack a licence or skill it asks), without the fair's allocation and bounded: each posting's first
    /// `candidatesPerPosting` candidates of the words (the shortlist's search), eligible or not, are weighed.
    ///
    /// For the labour report, over every open posting: with 100 candidates a posting, the cost is that of 100 shortlist
    /// rows a posting, whatever the number of profiles.
    ///
    /// - Complexity: one search of the profiles per posting, then O(`candidatesPerPosting`) candidates weighed; the postings
    ///   shared among the cores.
    public func trainingGaps(postings: [JobPosting], asOf: CalendarDate, profiles index: SearchIndex, candidatesPerPosting: Int = 100) throws -> [FairPlan.Gap] {
        typealias Found = [String: (course: TrainingCatalogue.Course, lacking: Set<String>, candidates: Set<String>, postings: Set<Int>)]
        // The postings in as many runs as there are cores, each with its own candidates; sets merged, so the same gaps.
        let runs = min(ProcessInfo.processInfo.activeProcessorCount, postings.count)
        let found = try Parallel.chunks(of: postings.count, into: runs) { range -> Found in
            var known: [String: (profile: CandidateProfile, trades: CandidateTrades)] = [:]
            var gapsByCourse: Found = [:]
            for number in range {
                let posting = postings[number]
                let text = [posting.title, (posting.skills ?? []).joined(separator: " ; ")].joined(separator: " ; ")
                let result = try index.search(SearchQuery(reference.synonyms.expand(text), mode: .any, limit: candidatesPerPosting, loadsStoredFields: true))
                let postingTrades = PostingTrades(posting, synonyms: reference.synonyms, occupations: reference.occupations)
                for hit in result.hits {
                    let entry = try candidate(hit, known: &known)
                    guard !entry.trades.shared(with: postingTrades).trades.isEmpty else { continue }
                    let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingTrades, profile: entry.profile, trades: entry.trades,
                                                        textScore: hit.score, asOf: asOf, reference: reference)
                    guard signals.sharesTrade else { continue }
                    for suggestion in signals.training {
                        gapsByCourse[suggestion.course.name, default: (suggestion.course, [], [], [])].lacking.insert(suggestion.lacking)
                        gapsByCourse[suggestion.course.name]!.candidates.insert(hit.id)
                        gapsByCourse[suggestion.course.name]!.postings.insert(number)
                    }
                }
            }
            return gapsByCourse
        }
        var gapsByCourse: Found = [:]
        for run in found {
            for (name, gap) in run {
                gapsByCourse[name, default: (gap.course, [], [], [])].lacking.formUnion(gap.lacking)
                gapsByCourse[name]!.candidates.formUnion(gap.candidates)
                gapsByCourse[name]!.postings.formUnion(gap.postings)
            }
        }
        return gapsByCourse.values.map { gap in
            FairPlan.Gap(course: gap.course, lacking: Self.spellings(gap.lacking), candidates: gap.candidates.sorted(),
                         employers: VietnameseCollation.sorted(Set(gap.postings.map { postings[$0].employer })),
                         postings: gap.postings.sorted().map { postings[$0].id })
        }.sorted { $0.candidates.count != $1.candidates.count ? $0.candidates.count > $1.candidates.count : $0.course.name < $1.course.name }
    }
}
