import Foundation
import JobMatching
import JobRecords
import JobStorage

/// Graded judgments of what should come first, and how the board's answers measure against
/// them: nDCG@10 and recall@10 per task, and per candidate category.
///
/// The file: one judgment a line, `task<TAB>query<TAB>id<TAB>grade`, where the task is `search`
/// (the query is the words), `match` (a profile id; the ids judged are postings) or `shortlist`
/// (a posting id; the ids judged are profiles), and the grade 1 to 3 (unlisted ids are 0). Lines
/// starting with `#` are comments.
public struct Judgments: Sendable {
    public enum Task: String, CaseIterable, Sendable { case search, match, shortlist }

    /// Grades by task, query, judged id.
    public var grades: [Task: [String: [String: Int]]] = [:]

    /// Reads a judgments file; bad lines are refused with file, line and field.
    public init(tsv: String, file: String) throws {
        var problems: [LoadFailure.Problem] = []
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func refuse(_ field: String?, _ message: String) { problems.append(.init(file: file, line: number + 1, field: field, message: message)) }
            guard columns.count == 4 else { refuse(nil, "expected task, query, id and grade separated by tabs, found \(columns.count) columns"); continue }
            guard let task = Task(rawValue: columns[0]) else { refuse("task", "must be search, match or shortlist, not '\(columns[0])'"); continue }
            guard !columns[1].isEmpty else { refuse("query", "is empty"); continue }
            guard !columns[2].isEmpty else { refuse("id", "is empty"); continue }
            guard let grade = Int(columns[3]), (0...3).contains(grade) else { refuse("grade", "must be 0 to 3, not '\(columns[3])'"); continue }
            grades[task, default: [:]][columns[1], default: [:]][columns[2]] = grade
        }
        if !problems.isEmpty { throw LoadFailure(problems: Array(problems.prefix(LoadFailure.listedLimit)), count: problems.count) }
    }

    /// nDCG@k with gains 2^g − 1, against the ideal order of every judged id; `nil` when
    /// nothing is judged above 0.
    public static func ndcg(_ ranked: [String], _ grades: [String: Int], k: Int = 10) -> Double? {
        func gain(_ grade: Int) -> Double { pow(2, Double(grade)) - 1 }
        let dcg = ranked.prefix(k).enumerated().reduce(0.0) { $0 + gain(grades[$1.element] ?? 0) / log2(Double($1.offset) + 2) }
        let ideal = grades.values.sorted(by: >).prefix(k).enumerated().reduce(0.0) { $0 + gain($1.element) / log2(Double($1.offset) + 2) }
        return ideal > 0 ? dcg / ideal : nil
    }

    /// The share of ids graded 2 or more found in the top k, out of min(k, their number); `nil` when none.
    public static func recall(_ ranked: [String], _ grades: [String: Int], k: Int = 10) -> Double? {
        let relevant = Set(grades.filter { $0.value >= 2 }.keys)
        guard !relevant.isEmpty else { return nil }
        return Double(ranked.prefix(k).filter(relevant.contains).count) / Double(min(k, relevant.count))
    }
}

/// nDCG@10 and recall@10, means over the queries judged: the board's, and the SQLite FTS5
/// baseline's (``FullTextBaseline``) on the same queries, plain and with the board's hard filters.
public struct EvaluationRow: Sendable, Hashable {
    /// A pair of means.
    public struct Figures: Sendable, Hashable {
        public var ndcg: Double
        public var recall: Double

        public init(ndcg: Double, recall: Double) {
            self.ndcg = ndcg
            self.recall = recall
        }
    }

    public var name: String
    public var queries: Int
    /// The board's answers.
    public var board: Figures
    /// FTS5 over the same text fields, every word OR-ed, ranked by bm25: no eligibility.
    public var fts5: Figures
    /// The same, keeping only what the board's hard filters keep (open, education, age).
    public var fts5Filtered: Figures

    public init(name: String, queries: Int, board: Figures, fts5: Figures, fts5Filtered: Figures) {
        self.name = name
        self.queries = queries
        self.board = board
        self.fts5 = fts5
        self.fts5Filtered = fts5Filtered
    }
}

extension JobBoard {
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
    /// `shortlist` with the list and the judgments narrowed to the category). Nobody's
    /// personal data is read and nothing is recorded: the records come from the indexes
    /// (which hold no names or phones), and the answers are ids.
    public func evaluate(_ judgments: Judgments, asOf: CalendarDate) throws -> [EvaluationRow] {
        try prepareSearchAids()  // searched as a job seeker's search is: accents restored, employers understood
        let postingsIndex = try postings.index(), profilesIndex = try profiles.index()
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
                    guard let profile = allProfiles[query] else { throw MatchError(.unknownProfile, "judged profile \(query) is not in \(store.location)") }
                    ranked[.board] = try matcher.match(profile: profile, asOf: asOf, limit: 10, postings: postingsIndex).map(\.posting.id)
                    let words = (profile.desiredTitles ?? []) + (profile.skills ?? []) + [profile.major ?? "", profile.summary ?? ""]
                    let found = try baseline.postings(matching: words.joined(separator: " "))
                    ranked[.fts5] = Array(found.prefix(10))
                    ranked[.fts5Filtered] = Array(found.filter { allPostings[$0].map { Self.eligible(profile, for: $0, asOf: asOf) } ?? false }.prefix(10))
                case .shortlist:
                    guard let posting = allPostings[query] else { throw MatchError(.unknownPosting, "judged posting \(query) is not in \(store.location)") }
                    let words = [posting.title] + (posting.skills ?? []) + [posting.requirements ?? ""]
                    let found = try baseline.profiles(matching: words.joined(separator: " "))
                    let lists: [System: [String]] = [
                        .board: try matcher.shortlist(posting: posting, asOf: asOf, limit: 200, profiles: profilesIndex).map(\.profile.id),
                        .fts5: found,
                        .fts5Filtered: found.filter { allProfiles[$0].map { Self.eligible($0, for: posting, asOf: asOf) } ?? false },
                    ]
                    for (system, list) in lists { ranked[system] = Array(list.prefix(10)) }
                    // Per category: the lists and the judgments narrowed to it.
                    for kind in CandidateCategory.allCases {
                        let narrowed = grades.filter { allProfiles[$0.key]?.category == kind }
                        guard Judgments.ndcg([], narrowed) != nil else { continue }
                        for system in System.allCases {
                            byCategory[kind, default: Sums()].add(system, (lists[system] ?? []).filter { allProfiles[$0]?.category == kind }, narrowed)
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
