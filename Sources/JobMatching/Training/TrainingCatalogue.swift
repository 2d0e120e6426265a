import Foundation
import JobRecords
import VietnameseText

/// What to learn to close a gap, from a reviewed table (`Corpus/training.tsv`): a licence
/// kind or skill phrases → a course, its usual length, and whether the city's Resolution
/// 03/2024/NQ-HĐND (support for vocational training of workers in the industrial and
/// economic zones, 2024–2030) may support it.
///
/// The Resolution's list of supported trades is not in the project's sources: every
/// ``Course/support`` is illustrative, and ``Course/sentence`` says so.
public struct TrainingCatalogue: Sendable {
    /// One course of the table.
    public struct Course: Sendable, Hashable {
        /// `chứng chỉ vận hành xe nâng`; for a licence, with the class or grade asked.
        public var name: String
        /// `sơ cấp, khoảng 1 tháng`.
        public var length: String
        /// Whether the Resolution may support it (illustrative).
        public var supported: Bool

        /// What a counsellor reads aloud about the Resolution.
        public var support: String {
            supported ? "NQ 03/2024/NQ-HĐND: có thể được hỗ trợ khi đã làm việc tại doanh nghiệp trong KCN, KKT (cần đối chiếu danh mục nghề)"
                : "không thuộc hỗ trợ đào tạo nghề của NQ 03/2024/NQ-HĐND"
        }
    }

    private var licenceCourses: [Licence.Kind: Course] = [:]
    /// Folded skill phrases, padded with spaces, and their course.
    private var skillCourses: [(phrase: String, course: Course)] = []

    /// An empty table: no suggestion.
    public init() {}

    /// Reads the table; a bad line is refused with its file, line and field.
    public init(tsv: String, file: String) throws {
        let analyzer = VietnameseAnalyzer()
        var problems: [LoadFailure.Problem] = []
        for (number, line) in TableText.lines(tsv).enumerated() {
            let trimmed = TableText.trimmed(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = TableText.cells(line)
            guard columns.count == 4 else {
                problems.append(.init(file: file, line: number + 1, field: nil, message: "expected 4 columns separated by tabs, found \(columns.count)"))
                continue
            }
            guard !columns[1].isEmpty else {
                problems.append(.init(file: file, line: number + 1, field: "course", message: "is empty"))
                continue
            }
            guard columns[3] == "có thể" || columns[3] == "không" else {
                problems.append(.init(file: file, line: number + 1, field: "support", message: "must be 'có thể' or 'không', not '\(columns[3])'"))
                continue
            }
            let course = Course(name: columns[1], length: columns[2], supported: columns[3] == "có thể")
            if columns[0].hasPrefix("licence:") {
                guard let kind = Licence.Kind(rawValue: String(columns[0].dropFirst("licence:".count))) else {
                    problems.append(.init(file: file, line: number + 1, field: "key",
                                          message: "unknown licence kind '\(columns[0])' (one of \(Licence.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"))
                    continue
                }
                licenceCourses[kind] = course
            } else {
                for phrase in columns[0].split(separator: "|") {
                    let folded = analyzer.foldedText(String(phrase))
                    if !folded.isEmpty { skillCourses.append((" " + folded + " ", course)) }
                }
            }
        }
        if !problems.isEmpty { throw LoadFailure(problems: problems, count: problems.count) }
        // Longest phrase first: `lái xe nâng` before `lái xe`.
        skillCourses.sort { $0.phrase.count > $1.phrase.count }
    }

    /// The course for a licence, with its class or grade.
    public func course(for licence: Licence) -> Course? {
        guard var course = licenceCourses[licence.kind] else { return nil }
        course.name = course.name.replacingOccurrences(of: "{level}", with: licence.level).trimmingCharacters(in: .whitespaces)
        return course
    }

    /// The course for a skill, given folded (`lai xe nang`): the longest phrase of the
    /// table the skill contains on whole syllables.
    public func course(forFoldedSkill folded: String) -> Course? {
        let padded = " " + folded + " "
        return skillCourses.first { padded.containsBytes($0.phrase) }?.course
    }

    public var isEmpty: Bool { licenceCourses.isEmpty && skillCourses.isEmpty }
}
