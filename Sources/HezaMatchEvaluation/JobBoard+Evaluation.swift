import Foundation
@_spi(Evaluation) import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage

extension JobBoard {
    /// ``OutcomeEvaluation`` of every answered referral.
    public func evaluateOutcomes() throws -> OutcomeEvaluation {
        OutcomeEvaluation(try allReferrals())
    }

    /// The systems measured side by side.
    private enum System: CaseIterable { case board, fts5, fts5Filtered }

    /// Means being summed: per system, the nDCGs and recalls seen.
    private struct Sums {
        var ndcg: [System: [Double]] = [:]
        var recall: [System: [Double]] = [:]
        var queries: Int { ndcg[.board]?.count ?? 0 }

        mutating func add(_ system: System, _ ranked: [String], _ grades: [String: Int]) {
            if let n = Judgments.ndcg(ranked, grades) { ndcg[system, default: []].append(n) }
            if let r = Judgments.recall(ranked, grades) { recall[system, default: []].append(r) }
        }

        func row(_ name: String) -> EvaluationRow {
            func mean(_ values: [Double]?) -> Double { guard let values, !values.isEmpty else { return 0 }; return values.reduce(0, +) / Double(values.count) }
            func figures(_ system: System) -> EvaluationRow.Figures { .init(ndcg: mean(ndcg[system]), recall: mean(recall[system])) }
            return EvaluationRow(name: name, queries: queries, board: figures(.board), fts5: figures(.fts5), fts5Filtered: figures(.fts5Filtered))
        }
    }

    /// The board's answers to judged queries, measured, next to the FTS5 baseline's: one row
    /// a task, then one row a candidate category (`match` by the candidate's category;
    /// `shortlist` with the judgments narrowed to the category, and the board's shortlist asked for
    /// that category, as a counsellor calling its candidates asks; the baselines' whole lists filtered). Nobody's
    /// personal data is read and nothing is recorded: the records come from the indexes
    /// (which hold no names or phones), and the answers are ids.
    public func evaluate(_ judgments: Judgments, asOf: CalendarDate) throws -> [EvaluationRow] {
        try prepareSearchAids()  // searched as a job seeker's search is: accents restored, employers understood
        let (postingsIndex, profilesIndex) = try currentIndexes()
        var allPostings: [String: JobPosting] = [:], allProfiles: [String: CandidateProfile] = [:]
        try postingsIndex.snapshot.forEachStoredFields { id, stored in allPostings[id] = try StoredRecord.posting(stored) }
        try profilesIndex.snapshot.forEachStoredFields { id, stored in allProfiles[id] = try StoredRecord.profile(stored) }
        let baseline = try FullTextBaseline(postings: allPostings.values.sorted { $0.id < $1.id },
                                            profiles: allProfiles.values.sorted { $0.id < $1.id })
        func open(_ id: String) -> Bool { allPostings[id].map { $0.deadline.map { $0 >= asOf } ?? true } ?? false }

        var rows: [EvaluationRow] = []
        var byCategory: [CandidateCategory: Sums] = [:]
        for task in Judgments.Task.allCases {
            var sums = Sums()
            for (query, grades) in (judgments.grades[task] ?? [:]).sorted(by: { $0.key < $1.key }) {
                var ranked: [System: [String]] = [:]
                switch task {
                case .search:
                    ranked[.board] = try search(JobMatcher.Search(text: query, asOf: asOf)).results.map(\.id)
                    let found = try baseline.postings(matching: query)
                    ranked[.fts5] = Array(found.prefix(10))
                    ranked[.fts5Filtered] = Array(found.filter(open).prefix(10))
                case .match:
                    guard let profile = allProfiles[query] else { throw MatchError(.unknownProfile, "judged profile \(query) is not in \(location)") }
                    ranked[.board] = try matcher.match(profile: profile, asOf: asOf, limit: 10, postings: postingsIndex).map(\.posting.id)
                    let words = (profile.desiredTitles ?? []) + (profile.skills ?? []) + [profile.major ?? "", profile.summary ?? ""]
                    let found = try baseline.postings(matching: words.joined(separator: " "))
                    ranked[.fts5] = Array(found.prefix(10))
                    ranked[.fts5Filtered] = Array(found.filter { allPostings[$0].map { Self.eligible(profile, for: $0, asOf: asOf) } ?? false }.prefix(10))
                case .shortlist:
                    guard let posting = allPostings[query] else { throw MatchError(.unknownPosting, "judged posting \(query) is not in \(location)") }
                    let words = [posting.title] + (posting.skills ?? []) + [posting.requirements ?? ""]
                    let found = try baseline.profiles(matching: words.joined(separator: " "))
                    let lists: [System: [String]] = [
                        .board: try matcher.shortlist(posting: posting, asOf: asOf, limit: 10, profiles: profilesIndex).map(\.profile.id),
                        .fts5: found,
                        .fts5Filtered: found.filter { allProfiles[$0].map { Self.eligible($0, for: posting, asOf: asOf) } ?? false },
                    ]
                    for (system, list) in lists { ranked[system] = Array(list.prefix(10)) }
                    // Per category: the judgments narrowed to it, and each system's list of that category's candidates:
                    // the board's shortlist asked for the category (as a counsellor asks), the baselines' whole lists filtered.
                    for kind in CandidateCategory.allCases {
                        let narrowed = grades.filter { allProfiles[$0.key]?.category == kind }
                        guard Judgments.ndcg([], narrowed) != nil else { continue }
                        let board = try matcher.shortlist(posting: posting, asOf: asOf, limit: 10, profiles: profilesIndex,
                                                          categories: [kind]).map(\.profile.id)
                        for system in System.allCases {
                            let list = system == .board ? board : (lists[system] ?? []).filter { allProfiles[$0]?.category == kind }
                            byCategory[kind, default: Sums()].add(system, list, narrowed)
                        }
                    }
                }
                guard Judgments.ndcg([], grades) != nil else { continue }
                for system in System.allCases { sums.add(system, ranked[system] ?? [], grades) }
                if task == .match, let kind = allProfiles[query]?.category {
                    for system in System.allCases { byCategory[kind, default: Sums()].add(system, ranked[system] ?? [], grades) }
                }
            }
            if sums.queries > 0 { rows.append(sums.row(task.rawValue)) }
        }
        for kind in CandidateCategory.allCases {
            guard let sums = byCategory[kind], sums.queries > 0 else { continue }
            rows.append(sums.row("match+shortlist, \(kind.rawValue)"))
        }
        return rows
    }

    /// The baseline's filter: the board's hard filters written out (open on `asOf`, education, age).
    private static func eligible(_ profile: CandidateProfile, for posting: JobPosting, asOf: CalendarDate) -> Bool {
        if let deadline = posting.deadline, deadline < asOf { return false }
        if let minimum = posting.educationMin, profile.educationLevel < minimum { return false }
        if let age = profile.age(on: asOf) {
            if let low = posting.ageMin, age < low { return false }
            if let high = posting.ageMax, age > high { return false }
        }
        return true
    }
}
