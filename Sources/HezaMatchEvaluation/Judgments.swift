import Foundation
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
