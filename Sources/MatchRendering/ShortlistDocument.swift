import Foundation
import JobRecords
import JobMatching

/// A shortlist for one posting, for paper and spreadsheets at a job fair.
public struct ShortlistDocument: Sendable {
    public var posting: JobPosting
    public var asOf: CalendarDate
    public var candidates: [RankedCandidate]

    public init(posting: JobPosting, asOf: CalendarDate, candidates: [RankedCandidate]) {
        self.posting = posting
        self.asOf = asOf
        self.candidates = candidates
    }

    private var header: [String] { ["Hạng", "Mã hồ sơ", "Họ tên", "Điện thoại", "Nhóm", "Trình độ", "Nơi ở", "Điểm", "Lý do", "Đã gọi"] }

    private func row(_ index: Int, _ candidate: RankedCandidate) -> [String] {
        [String(index + 1), candidate.profile.id, candidate.profile.name, candidate.profile.phone ?? "",
         candidate.profile.category.vietnameseName, candidate.profile.educationLevel.vietnameseName,
         candidate.profile.district ?? "", String(format: "%.2f", candidate.score), candidate.explanation, ""]
    }

    /// CSV for Excel: UTF-8 with a byte-order mark (so Vietnamese shows right), CRLF, quoted fields.
    public var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lines = [header] + candidates.enumerated().map { row($0, $1) }
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public var markdown: String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["# \(cell(posting.title)) — \(cell(posting.employer))", "",
                     "\(cell(posting.zone ?? "")) · \(posting.openings.map { "\($0) chỉ tiêu" } ?? "") · danh sách ngày \(asOf.vietnamese)", ""]
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: header.count))
        for (index, candidate) in candidates.enumerated() {
            var cells = row(index, candidate).map(cell)
            cells[cells.count - 1] = "☐"
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One A4 page, landscape, ready to print at a booth: everything escaped.
    public var html: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
        }
        var rows = ""
        for (index, candidate) in candidates.enumerated() {
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
            th { background: #e8e8e8; }
            tr { page-break-inside: avoid; }
            td.tick { font-size: 14pt; text-align: center; width: 12mm; }
            footer { margin-top: 4mm; font-size: 8pt; }
            </style>
            </head>
            <body>
            <h1>\(escape(posting.title))</h1>
            <p class="meta"><strong>\(escape(posting.employer))</strong> · \(details)<br>Danh sách ngày \(asOf.vietnamese) · mã tin \(escape(posting.id))</p>
            <table>
            <thead><tr>\(header.map { "<th>\(escape($0))</th>" }.joined())</tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <footer>Danh sách có thông tin cá nhân: chỉ dùng để liên hệ tuyển dụng, không sao chép, hủy sau hội chợ.</footer>
            </body>
            </html>

            """
    }
}
