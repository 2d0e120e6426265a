import Foundation
import VietnameseText
import JobRecords

/// A job fair on paper and in Excel, from a ``FairAnswer`` with contacts:
/// - ``html``: the booklet, ready to print on A4: a summary page for the organisers, one
///   section per booth (employer, posting, zone, openings; the candidates with time,
///   reasons and phone; a tick and a notes column; headers repeated on each page; page
///   numbers), then one slip per candidate to cut out, showing only that candidate;
/// - ``csv``: one row per candidate and booth, for Excel (UTF-8 with a byte-order mark).
public struct FairDocument: Sendable {
    public var answer: FairAnswer
    /// The fair's name on every page (`Hội chợ việc làm đợt 2 tháng 9`).
    public var title: String

    public init(_ answer: FairAnswer, title: String = "Phiên giao dịch việc làm") {
        self.answer = answer
        self.title = title
    }

    private static let csvHeader = ["Gian", "Mã tin", "Doanh nghiệp", "Vị trí", "Khu", "Chỉ tiêu", "Thứ tự", "Mã hồ sơ", "Họ tên",
                                    "Điện thoại", "Giờ hẹn", "Điểm", "Lý do", "Học thêm"]

    /// CSV for Excel: UTF-8 with a byte-order mark, CRLF, quoted fields, every cell made
    /// safe against formula injection and phones kept as text (``SpreadsheetCell``).
    public var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [Self.csvHeader.map(field).joined(separator: ",")]
        for booth in answer.booths {
            for (rank, candidate) in booth.candidates.enumerated() {
                let cells = [String(booth.booth), booth.posting, booth.employer, booth.title, booth.zone ?? "", String(booth.openings),
                             String(rank + 1), candidate.id, candidate.name ?? ""].map(SpreadsheetCell.text)
                    + [candidate.phone.map(SpreadsheetCell.phone) ?? ""]
                    + [candidate.time, String(format: "%.2f", candidate.score), candidate.explanation,
                       candidate.training.joined(separator: " | ")].map(SpreadsheetCell.text)
                lines.append(cells.map(field).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The booklet: summary, booths, slips. Everything escaped.
    public var html: String {
        let escape = HTML.escape
        let summary = answer.summary
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.1f", 100 * Double(part) / Double(whole)).replacingOccurrences(of: ".", with: ",") + " %"
        }
        func number(_ value: Double) -> String { String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",") }

        // The organisers' page.
        var boothRows = ""
        for booth in answer.booths {
            boothRows += "<tr><td class=\"num\">\(booth.booth)</td><td>\(escape(booth.employer))</td><td>\(escape(booth.title))</td>"
                + "<td>\(escape(booth.zone ?? ""))</td><td class=\"num\">\(booth.openings)</td><td class=\"num\">\(booth.capacity)</td>"
                + "<td class=\"num\">\(booth.candidates.count)</td><td class=\"num\">\(booth.eligible)</td>"
                + "<td class=\"num\">\(booth.candidates.isEmpty ? "–" : number(booth.candidates.map(\.score).reduce(0, +) / Double(booth.candidates.count)))</td></tr>\n"
        }
        let gapItems = answer.gaps.isEmpty ? "<li>Không có.</li>"
            : answer.gaps.map { "<li>\(escape($0.sentence))</li>" }.joined(separator: "\n")
        let figures = """
            <ul class="figures">
            <li><strong>\(summary.booths)</strong> gian, <strong>\(summary.openings)</strong> chỉ tiêu; \(summary.places) lượt hẹn (tối đa \(answer.perCandidate) gian mỗi ứng viên, khoảng \(number(answer.oversubscribe)) × chỉ tiêu mỗi gian), đã xếp \(summary.filled) (\(percent(summary.filled, summary.places))); \(summary.boothsFull)/\(summary.booths) gian đủ lượt hẹn.</li>
            <li>Chỉ tiêu có ứng viên: \(summary.openingsCovered)/\(summary.openings) (\(percent(summary.openingsCovered, summary.openings))).</li>
            <li>Ứng viên: \(summary.candidates) hồ sơ; \(summary.eligibleCandidates) đủ điều kiện và đúng nghề với ít nhất một gian; \(summary.placedCandidates) được hẹn (\(percent(summary.placedCandidates, summary.eligibleCandidates))); \(answer.unplaced.count) chưa có gian vì các gian hợp đã đủ lượt.</li>
            <li>Điểm phù hợp trung bình: \(number(summary.meanScore)) (danh sách riêng từng gian cùng số người: \(number(summary.independentMean))).</li>
            </ul>
            """

        // One section per booth.
        var sections = ""
        for booth in answer.booths {
            var rows = ""
            for (rank, candidate) in booth.candidates.enumerated() {
                // The deadline is the booth's, said once in its heading.
                let reasons = candidate.reasons.filter { !$0.hasPrefix("hạn nộp") }
                let why = escape(reasons.joined(separator: "; ")) + (candidate.training.isEmpty ? ""
                    : "<div class=\"training\">" + candidate.training.map(escape).joined(separator: "<br>") + "</div>")
                rows += "<tr><td class=\"num\">\(rank + 1)</td><td>\(escape(candidate.time))</td><td class=\"id\">\(escape(candidate.id))</td>"
                    + "<td>\(escape(candidate.name ?? ""))</td><td class=\"phone\">\(escape(candidate.phone.map(SpreadsheetCell.phone) ?? ""))</td>"
                    + "<td>\(escape(candidate.education.vietnameseName))</td><td class=\"num\">\(number(candidate.score))</td>"
                    + "<td class=\"why\">\(why)</td><td class=\"tick\">☐</td><td class=\"notes\"></td></tr>\n"
            }
            if booth.candidates.isEmpty {
                rows = "<tr><td colspan=\"10\">Không có ứng viên đủ điều kiện và đúng nghề.</td></tr>\n"
            }
            let details = [booth.zone, "\(booth.openings) chỉ tiêu", "\(booth.candidates.count) ứng viên được hẹn",
                           booth.deadline.map { "hạn nộp \($0.vietnamese)" }, "mã tin \(booth.posting)"]
                .compactMap { $0 }.map(escape).joined(separator: " · ")
            sections += """
                <section class="booth">
                <table>
                <thead>
                <tr class="boothhead"><th colspan="10"><span class="boothno">Gian \(booth.booth)</span> \(escape(booth.employer)) — \(escape(booth.title))<br><span class="meta">\(details)</span></th></tr>
                <tr><th>#</th><th>Giờ</th><th>Mã hồ sơ</th><th>Họ tên</th><th>Điện thoại</th><th>Trình độ</th><th>Điểm</th><th>Lý do</th><th>Đã gặp</th><th>Ghi chú</th></tr>
                </thead>
                <tbody>
                \(rows)</tbody>
                </table>
                </section>

                """
        }

        // One slip per candidate: only that candidate.
        var slips = ""
        let visits = answer.visits
        // In the order of a Vietnamese list of people: by given name, then whole name (ids without names last).
        let people = visits.keys.sorted { a, b in
            switch (visits[a]![0].candidate.name, visits[b]![0].candidate.name) {
            case let (nameA?, nameB?): return nameA != nameB ? VietnameseCollation.namePrecedes(nameA, nameB) : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        for id in people {
            let mine = visits[id]!
            let first = mine[0].candidate
            let list = mine.map { "\($0.booth.booth)" }.joined(separator: ", ")
            let items = mine.map { visit in
                "<li><strong>\(escape(visit.candidate.time)) — gian \(visit.booth.booth)</strong>: \(escape(visit.booth.employer)), \(escape(visit.booth.title))"
                    + (visit.booth.zone.map { " (\(escape($0)))" } ?? "")
                    + "<br><span class=\"why\">Vì: \(escape(visit.candidate.reasons.prefix(4).joined(separator: "; ")))</span>"
                    + (visit.candidate.training.isEmpty ? "" : "<br><span class=\"why\">\(escape(visit.candidate.training[0]))</span>")
                    + "</li>"
            }.joined()
            slips += """
                <div class="slip"><p class="who">\(escape(first.name ?? id)) · \(escape(id))</p>
                <p class="go">Bạn nên ghé các gian: \(list)</p><ol>\(items)</ol></div>

                """
        }

        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title)) — ngày \(answer.asOf.vietnamese)</title>
            <style>
            @page { size: A4 landscape; margin: 12mm 12mm 14mm; @bottom-right { content: "Trang " counter(page) " / " counter(pages); font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; }
                    @bottom-left { content: "\(String(title.filter { !"\"\\<>".contains($0) })) — có thông tin cá nhân, chỉ dùng để tuyển dụng, hủy sau hội chợ"; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; } }
            body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #000; margin: 0; }
            @media screen { body { margin: 8mm; } }
            h1 { font-size: 16pt; margin: 0 0 2mm; }
            h2 { font-size: 12pt; margin: 4mm 0 2mm; }
            .figures li { margin-bottom: 1mm; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 0.3mm solid #444; padding: 1mm 1.4mm; vertical-align: top; text-align: left; }
            th { background: #e8e8e8; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            td.num { text-align: right; white-space: nowrap; }
            td.phone, td.id { white-space: nowrap; }
            td.tick { font-size: 13pt; text-align: center; width: 11mm; }
            td.notes { width: 34mm; }
            td.why { font-size: 8.5pt; }
            .training { color: #333; font-style: italic; margin-top: 0.8mm; }
            tr.boothhead th { background: #fff; font-size: 12pt; border: none; border-bottom: 0.6mm solid #000; padding: 0 0 1.5mm; }
            .boothno { display: inline-block; background: #000; color: #fff; padding: 0.3mm 2mm; margin-right: 2mm; }
            .meta { font-weight: normal; font-size: 9.5pt; }
            section.booth, section.slips { break-before: page; page-break-before: always; }
            .slips { columns: 2; column-gap: 8mm; }
            .slip { break-inside: avoid; page-break-inside: avoid; border: 0.4mm dashed #000; padding: 2.5mm 3mm; margin: 0 0 4mm; font-size: 9pt; }
            .slip .who { font-weight: bold; margin: 0 0 1mm; }
            .slip .go { font-size: 11pt; font-weight: bold; margin: 0 0 1mm; }
            .slip ol { margin: 0; padding-left: 4mm; }
            .slip .why { font-size: 8.5pt; }
            </style>
            </head>
            <body>
            <section class="summary">
            <h1>\(escape(title)) — ngày \(answer.asOf.vietnamese)</h1>
            <h2>Tổng hợp cho ban tổ chức</h2>
            \(figures)
            <table>
            <thead><tr><th>Gian</th><th>Doanh nghiệp</th><th>Vị trí</th><th>Khu</th><th>Chỉ tiêu</th><th>Lượt hẹn tối đa</th><th>Đã hẹn</th><th>Đủ điều kiện</th><th>Điểm TB</th></tr></thead>
            <tbody>
            \(boothRows)</tbody>
            </table>
            <h2>Đào tạo để lấp chỗ thiếu</h2>
            <ul>
            \(gapItems)
            </ul>
            <p class="meta">Hỗ trợ theo Nghị quyết 03/2024/NQ-HĐND: danh mục nghề được hỗ trợ (Khoản 1 Điều 1 của Nghị quyết) không có trong tài liệu của chúng tôi, nên phần này chỉ là minh họa; Nghị quyết hỗ trợ người lao động đang làm việc tại doanh nghiệp trong KCN, KKT.</p>
            </section>
            \(sections)<section class="slips">
            \(slips)</section>
            </body>
            </html>

            """
    }
}
