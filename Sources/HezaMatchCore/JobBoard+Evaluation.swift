import Foundation
import JobMatching
import JobRecords

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

/// nDCG@10 and recall@10, means over the queries judged.
public struct EvaluationRow: Sendable, Hashable {
    public var name: String
    public var queries: Int
    public var ndcg: Double
    public var recall: Double
}

extension JobBoard {
    /// The board's answers to judged queries, measured: one row a task, then one row a
    /// candidate category (`match` by the candidate's category; `shortlist` with the list and
    /// the judgments narrowed to the category). Nobody's personal data is read and nothing is
    /// recorded: the answers are ids.
    public func evaluate(_ judgments: Judgments, asOf: CalendarDate) throws -> [EvaluationRow] {
        var rows: [EvaluationRow] = []
        var byCategory: [CandidateCategory: (ndcg: [Double], recall: [Double])] = [:]
        let profilesIndex = try profiles.index()
        func category(_ id: String) throws -> CandidateCategory? { try profile(id: id)?.category }
        for task in Judgments.Task.allCases {
            var ndcgs: [Double] = [], recalls: [Double] = []
            for (query, grades) in (judgments.grades[task] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let ranked: [String]
                switch task {
                case .search:
                    ranked = try search(JobMatcher.Search(text: query, asOf: asOf)).results.map(\.id)
                case .match:
                    guard let profile = try profile(id: query) else { throw MatchError(.unknownProfile, "judged profile \(query) is not in \(store.location)") }
                    ranked = try matcher.match(profile: profile, asOf: asOf, limit: 10, postings: try postings.index()).map(\.posting.id)
                case .shortlist:
                    guard let posting = try posting(id: query) else { throw MatchError(.unknownPosting, "judged posting \(query) is not in \(store.location)") }
                    let all = try matcher.shortlist(posting: posting, asOf: asOf, limit: 200, profiles: profilesIndex)
                    ranked = all.map(\.profile.id)
                    // Per category: the list and the judgments narrowed to it.
                    for kind in CandidateCategory.allCases {
                        let list = all.filter { $0.profile.category == kind }.map(\.profile.id)
                        var narrowed: [String: Int] = [:]
                        for (id, grade) in grades where try category(id) == kind { narrowed[id] = grade }
                        if let n = Judgments.ndcg(list, narrowed) { byCategory[kind, default: ([], [])].ndcg.append(n) }
                        if let r = Judgments.recall(list, narrowed) { byCategory[kind, default: ([], [])].recall.append(r) }
                    }
                }
                let n = Judgments.ndcg(ranked, grades), r = Judgments.recall(ranked, grades)
                if let n { ndcgs.append(n) }
                if let r { recalls.append(r) }
                if task == .match, let kind = try category(query) {
                    if let n { byCategory[kind, default: ([], [])].ndcg.append(n) }
                    if let r { byCategory[kind, default: ([], [])].recall.append(r) }
                }
            }
            guard !ndcgs.isEmpty else { continue }
            rows.append(EvaluationRow(name: task.rawValue, queries: ndcgs.count, ndcg: Self.mean(ndcgs), recall: Self.mean(recalls)))
        }
        for kind in CandidateCategory.allCases {
            guard let figures = byCategory[kind], !figures.ndcg.isEmpty else { continue }
            rows.append(EvaluationRow(name: "match+shortlist, \(kind.rawValue)", queries: figures.ndcg.count,
                                      ndcg: Self.mean(figures.ndcg), recall: Self.mean(figures.recall)))
        }
        return rows
    }

    private static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
}
