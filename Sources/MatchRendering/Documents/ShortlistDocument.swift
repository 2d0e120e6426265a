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
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
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
                     "\(cell(posting.zone ?? "")) · \(posting.openings.map { "\($0) chỉ tiêu" } ?? "") · danh sách ngày \(answer.asOf.vietnamese)", ""]
        lines.append("| " + Self.header.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: Self.header.count))
        for (index, candidate) in answer.results.enumerated() {
            var cells = row(index, candidate).map(cell)
            cells[cells.count - 1] = "☐"
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One A4 page, landscape, ready to print at a booth: everything escaped.
    public var html: String {
        let escape = HTML.escape
        var rows = ""
        for (index, candidate) in answer.results.enumerated() {
            let cells = row(index, candidate).dropLast().map { "<td>\(escape($0))</td>" }.joined()
            rows += "<tr>\(cells)<td class=\"tick\">☐</td></tr>\n"
        }
        let details = [posting.zone, posting.district, posting.openings.map { "\($0) chỉ tiêu" },
                       posting.deadline.map { "hạn nộp \($0.vietnamese)" }].compactMap { $0 }.map(escape).joined(separator: " · ")
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>Danh sách ứng viên — \(escape(posting.title))</title>
            <style>
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #000; }
            h1 { font-size: 15pt; margin: 0 0 2mm; }
            .meta { margin: 0 0 4mm; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 0.3mm solid #444; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
            th { background: #e8e8e8; white-space: nowrap; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            td.tick { font-size: 14pt; text-align: center; width: 12mm; }
            footer { margin-top: 4mm; font-size: 8pt; }
            </style>
            </head>
            <body>
            <h1>\(escape(posting.title))</h1>
            <p class="meta"><strong>\(escape(posting.employer))</strong> · \(details)<br>Danh sách ngày \(answer.asOf.vietnamese) · mã tin \(escape(posting.id))</p>
            <table>
            <thead><tr>\(Self.header.map { "<th>\(escape($0))</th>" }.joined())</tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <footer>Danh sách có thông tin cá nhân: chỉ dùng để liên hệ tuyển dụng, không sao chép, hủy sau hội chợ.</footer>
            </body>
            </html>

            """
    }
}
