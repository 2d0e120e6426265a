import Foundation
import JobRecords

/// A shortlist for one posting, for paper and spreadsheets at a job fair: the same
/// ``ShortlistAnswer`` the API and `--json` give, as CSV, HTML or Markdown.
public struct ShortlistDocument: Sendable {
    public var answer: ShortlistAnswer

    public init(_ answer: ShortlistAnswer) {
        self.answer = answer
    }

    private var posting: JobPosting { answer.posting }

    /// "Chỉ bộ đội xuất ngũ" when the list was narrowed to categories, so a printed page is not read as everyone.
    public var narrowing: String? {
        answer.categories.map { "Chỉ " + $0.map(\.vietnameseName).joined(separator: ", ") }
    }

    private static let header = ["Hạng", "Mã hồ sơ", "Họ tên", "Điện thoại", "Nhóm", "Trình độ", "Nơi ở", "Điểm", "Lý do", "Đã gọi"]

    private func row(_ index: Int, _ candidate: CandidateResult, phone: (String) -> String = { $0 }) -> [String] {
        [String(index + 1), candidate.id, candidate.name ?? "", candidate.phone.map(phone) ?? "",
         candidate.category.vietnameseName, candidate.education.vietnameseName,
         candidate.district ?? "", String(format: "%.2f", candidate.score), candidate.explanation, ""]
    }

    /// CSV for Excel: UTF-8 with a byte-order mark (so Vietnamese shows right), CRLF,
    /// quoted fields; every cell made safe against formula injection, phone numbers
    /// kept as text (``SpreadsheetCell``).
    public var csv: String {
        let field = SpreadsheetCell.csvField
        let rows = answer.results.enumerated().map { index, candidate in
            row(index, candidate, phone: SpreadsheetCell.phone).enumerated().map { column, cell in
                column == 3 ? cell : SpreadsheetCell.text(cell)
            }
        }
        let lines = [Self.header] + rows
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public var markdown: String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["# \(cell(posting.title)) — \(cell(posting.employer))", "",
                     "\(cell(posting.zone ?? "")) · \(posting.openings.map { "\($0) chỉ tiêu" } ?? "") · danh sách ngày \(answer.asOf.vietnamese)"
                        + (narrowing.map { " · \($0)" } ?? ""), ""]
        lines.append("| " + Self.header.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: Self.header.count))
        for (index, candidate) in answer.results.enumerated() {
            var cells = row(index, candidate).map(cell)
            cells[cells.count - 1] = "☐"
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One A4 page, landscape, ready to print at a booth (`Templates/shortlist-print.mustache`): everything escaped.
    public func html() throws -> String {
        let details = [posting.zone, posting.district, posting.openings.map { "\($0) chỉ tiêu" },
                       posting.deadline.map { "hạn nộp \($0.vietnamese)" }].compactMap { $0 }.joined(separator: " · ")
        var context: [String: Any] = [
            "title": posting.title, "employer": posting.employer, "details": details, "asOf": answer.asOf.vietnamese, "id": posting.id,
            "header": Self.header, "rows": answer.results.enumerated().map { index, candidate in ["cells": Array(row(index, candidate).dropLast())] },
        ]
        if let narrowing { context["narrowing"] = narrowing }
        return try DocumentTemplates.render(context, template: "shortlist-print")
    }
}
