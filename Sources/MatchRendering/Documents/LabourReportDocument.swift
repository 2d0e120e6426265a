import Foundation
import JobRecords
import Mustache

/// The labour report on paper and in Excel, from a ``LabourReport``:
/// - ``html()``: A4, tables with totals, bar charts as inline SVG (black on white: readable printed in grey), numbers
///   and dates as Vietnamese writes them (`1.408`; `06/12/2026`), this period against the one before; the template is
///   `Templates/labour-report.mustache`, every value escaped;
/// - ``csv``: every table one after the other, each under its title, for Excel (UTF-8 with a byte-order mark, cells
///   safe against formula injection: ``SpreadsheetCell``).
public struct LabourReportDocument: Sendable {
    public var report: LabourReport
    /// The day the report is made (printed in its header).
    public var today: CalendarDate

    public init(_ report: LabourReport, today: CalendarDate) {
        self.report = report
        self.today = today
    }

    /// A table: a title, its header, rows, a total line, and a chart of one column.
    struct Table {
        var title: String
        var headers: [(text: String, number: Bool)]
        var rows: [[String]]
        var total: [String]?
        /// The column charted (the first numeric one, as whole numbers), or none.
        var chartColumn: Int?
    }

    struct Section {
        var title: String
        var note: String?
        var tables: [Table]
        var empty: String?
    }

    static func number(_ value: Int) -> String { VietnameseNumber.text(value) }
    static func optional(_ value: Int?) -> String { value.map { VietnameseNumber.text($0) } ?? "" }
    static func ratio(_ value: Double?) -> String { value.map { VietnameseNumber.text($0, places: 2) } ?? "–" }
    static func percent(_ value: Double?) -> String { value.map { VietnameseNumber.text($0 * 100, places: 1) + " %" } ?? "–" }

    /// The report's tables, in order (the same for HTML and CSV).
    var sections: [Section] {
        let r = report
        let limit = 15
        func counts(_ title: String, _ lines: [LabourReport.Count], what: String, figures: [(String, KeyPath<LabourReport.Count, Int?>)]) -> Table {
            let shown = lines.prefix(limit)
            var rows = shown.map { line in [line.name] + figures.map { Self.optional(line[keyPath: $0.1]) } }
            if lines.count > limit {
                let rest = lines.dropFirst(limit)
                rows.append(["Khác (\(rest.count))"] + figures.map { figure in Self.optional(rest.reduce(0) { $0 + ($1[keyPath: figure.1] ?? 0) }) })
            }
            let total = [ "Tổng" ] + figures.map { figure in Self.optional(lines.reduce(0) { $0 + ($1[keyPath: figure.1] ?? 0) }) }
            return Table(title: title, headers: [(what, false)] + figures.map { ($0.0, true) }, rows: rows, total: total, chartColumn: figures.count)
        }
        let demandFigures: [(String, KeyPath<LabourReport.Count, Int?>)] = [("Tin", \.postings), ("Chỉ tiêu", \.openings)]
        let supplyFigures: [(String, KeyPath<LabourReport.Count, Int?>)] = [("Ứng viên", \.candidates)]
        var demand = Section(title: "1. Nhu cầu tuyển dụng", note: "Tin còn mở trong kỳ (đăng trước khi kỳ kết thúc, chưa hết hạn khi kỳ bắt đầu); "
                             + "\(Self.number(r.demand.newPostings)) tin mới đăng, \(Self.number(r.demand.closedPostings)) tin hết hạn trong kỳ. "
                             + "Tin trùng (cùng doanh nghiệp, nghề và khu trong 30 ngày) tính một lần: xem mục 6.", tables: [])
        demand.tables.append(counts("Theo nghề", r.demand.byOccupation, what: "Nghề", figures: demandFigures))
        demand.tables.append(counts("Theo khu", r.demand.byZone, what: "Khu", figures: demandFigures))
        demand.tables.append(counts("Theo trình độ yêu cầu", r.demand.byEducation, what: "Trình độ tối thiểu", figures: demandFigures))
        // A posting inviting several audiences is in each of their lines: no total line (it would count it twice).
        var audiences = counts("Theo đối tượng mời (một tin mời nhiều đối tượng có ở mỗi dòng của họ)", r.demand.byAudience, what: "Đối tượng", figures: demandFigures)
        audiences.total = nil
        demand.tables.append(audiences)
        demand.tables.append(Table(title: "Mức lương theo nghề (đồng/tháng)", headers: [("Nghề", false), ("Tin có lương", true), ("Thấp nhất", true),
                                                                                  ("Trung vị", true), ("Cao nhất", true)],
                                   rows: r.demand.salaries.prefix(limit).map { [$0.name, Self.number($0.postings), Self.number($0.lowest), Self.number($0.median), Self.number($0.highest)] },
                                   total: nil, chartColumn: nil))
        var supply = Section(title: "2. Nguồn cung lao động", note: "Mọi hồ sơ đã đăng ký; một ứng viên được tính ở mỗi nghề của mình (tối đa ba), như khi ghép việc.", tables: [])
        supply.tables.append(counts("Theo nghề", r.supply.byOccupation, what: "Nghề", figures: supplyFigures))
        supply.tables.append(counts("Theo nhóm", r.supply.byCategory, what: "Nhóm", figures: supplyFigures))
        supply.tables.append(counts("Theo trình độ", r.supply.byEducation, what: "Trình độ", figures: supplyFigures))
        supply.tables.append(counts("Theo nơi ở", r.supply.byHome, what: "Nơi ở", figures: supplyFigures))
        func tension(_ title: String, _ lines: [LabourReport.Tension.Line], what: String) -> Table {
            Table(title: title, headers: [(what, false), ("Chỉ tiêu", true), ("Ứng viên phù hợp", true), ("Chỉ tiêu / ứng viên", true)],
                  rows: lines.prefix(limit).map { [$0.name, Self.number($0.openings), Self.number($0.candidates), Self.ratio($0.openingsPerCandidate)] },
                  total: nil, chartColumn: nil)
        }
        let tensions = Section(title: "3. Mức độ thiếu lao động", note: "Ứng viên phù hợp: cùng nghề và đủ điều kiện (trình độ, tuổi) cho ít nhất một tin của nghề, của khu. "
                               + "Trên 1: thiếu người; dưới 1: nhiều ứng viên hơn chỉ tiêu.",
                               tables: [tension("Theo nghề (thiếu nhất trước)", r.tension.byOccupation, what: "Nghề"),
                                        tension("Theo khu", r.tension.byZone, what: "Khu")])
        func fills(_ title: String, _ lines: [LabourReport.Fills.Line], what: String) -> Table {
            Table(title: title, headers: [(what, false), ("Chỉ tiêu", true), ("Giới thiệu", true), ("Phỏng vấn", true), ("Tuyển", true), ("Tỷ lệ lấp đầy", true)],
                  rows: lines.prefix(limit).map { [$0.name, Self.number($0.openings), Self.number($0.referrals), Self.number($0.interviews), Self.number($0.hires), Self.percent($0.fillRate)] },
                  total: nil, chartColumn: nil)
        }
        let fillSection = Section(title: "4. Kết quả giới thiệu việc làm",
                                  note: "\(Self.number(r.fills.referrals)) lượt giới thiệu trong kỳ, \(Self.number(r.fills.interviews)) phỏng vấn, \(Self.number(r.fills.hires)) được tuyển"
                                    + (r.fills.medianDaysToHire.map { "; trung vị \(VietnameseNumber.text($0, places: 1)) ngày từ giới thiệu đến khi tuyển" } ?? "") + ".",
                                  tables: r.fills.referrals == 0 ? [] : [fills("Theo nghề", r.fills.byOccupation, what: "Nghề"), fills("Theo khu", r.fills.byZone, what: "Khu")],
                                  empty: r.fills.referrals == 0 ? "Chưa có lượt giới thiệu nào trong kỳ." : nil)
        let training = Section(title: "5. Đào tạo bổ sung",
                               note: "Khóa học giúp nhiều ứng viên cùng nghề đủ điều kiện nhất cho các tin còn mở cuối kỳ. Hỗ trợ theo Nghị quyết 03/2024/NQ-HĐND: danh mục nghề được hỗ trợ "
                                + "không có trong tài liệu của chúng tôi, nên phần này chỉ là minh họa; Nghị quyết hỗ trợ người lao động đang làm việc tại doanh nghiệp trong KCN, KKT.",
                               tables: r.trainingGaps.isEmpty ? [] : [Table(title: "Khóa học", headers: [("Khóa học", false), ("Thiếu", false), ("Ứng viên", true), ("Tin", true), ("Hỗ trợ", false)],
                                                                            rows: r.trainingGaps.map { [$0.course, $0.lacking.joined(separator: ", "), Self.number($0.candidates), Self.number($0.postings), $0.support] },
                                                                            total: nil, chartColumn: nil)],
                               empty: r.trainingGaps.isEmpty ? "Không có khóa học nào được đề xuất cho kỳ này." : nil)
        let duplicates = Section(title: "6. Tin trùng đã gộp", note: "Để không có gì bị giấu: các tin được tính một lần trong nhu cầu.",
                                 tables: r.duplicates.isEmpty ? [] : [Table(title: "Tin", headers: [("Giữ", false), ("Gộp", false), ("Doanh nghiệp", false), ("Nghề", false), ("Khu", false)],
                                                                           rows: r.duplicates.map { [$0.kept, $0.merged.joined(separator: ", "), $0.employer, $0.occupation, $0.zone] },
                                                                           total: nil, chartColumn: nil)],
                                 empty: r.duplicates.isEmpty ? "Không có tin trùng." : nil)
        return [demand, supply, tensions, fillSection, training, duplicates]
    }

    /// A horizontal bar chart of a table's charted column: one bar a row (not the total), black outlines, grey fill.
    static func chart(_ table: Table) -> String? {
        guard let column = table.chartColumn else { return nil }
        // The named rows only: "Khác (19)" sums many and would dwarf them.
        let rows = table.rows.filter { !$0[0].hasPrefix("Khác (") }
        let values = rows.map { Int($0[column].replacingOccurrences(of: ".", with: "")) ?? 0 }
        guard let largest = values.max(), largest > 0, values.count >= 2 else { return nil }
        let width = 640.0, label = 230.0, bar = 14.0, gap = 4.0
        let height = Double(values.count) * (bar + gap)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(table.title))\">"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * (bar + gap)
            let length = max(1, (width - label - 70) * Double(values[index]) / Double(largest))
            let name = row[0].count > 38 ? String(row[0].prefix(37)) + "…" : row[0]
            svg += "<text x=\"\(Int(label - 6))\" y=\"\(Int(y + bar - 3))\" text-anchor=\"end\">\(HTML.escape(name))</text>"
            svg += "<rect x=\"\(Int(label))\" y=\"\(Int(y))\" width=\"\(Int(length))\" height=\"\(Int(bar))\" fill=\"#9a9a9a\" stroke=\"#000\" stroke-width=\"0.8\"/>"
            svg += "<text x=\"\(Int(label + length + 4))\" y=\"\(Int(y + bar - 3))\">\(HTML.escape(row[column]))</text>"
        }
        return svg + "</svg>"
    }

    /// The printable report.
    ///
    /// - Throws: when the template is missing or broken (a build without its resources).
    public func html() throws -> String {
        let r = report
        func change(_ now: Int, _ before: Int) -> String {
            guard before > 0 else { return " (kỳ trước: 0)" }
            let delta = Double(now - before) / Double(before) * 100
            return " (\(delta >= 0 ? "+" : "")\(VietnameseNumber.text(delta, places: 1)) % so với kỳ trước: \(Self.number(before)))"
        }
        let sections: [[String: Any]] = sections.map { section in
            var page: [String: Any] = ["title": section.title]
            if let note = section.note { page["note"] = note }
            if let empty = section.empty { page["empty"] = empty }
            page["tables"] = section.tables.map { table -> [String: Any] in
                func cells(_ row: [String]) -> [[String: Any]] { row.enumerated().map { ["text": $0.element, "num": table.headers[$0.offset].number] } }
                var entry: [String: Any] = ["title": table.title, "headers": table.headers.map { ["text": $0.text, "num": $0.number] },
                                            "rows": table.rows.map { ["cells": cells($0)] }]
                if let total = table.total { entry["total"] = ["cells": cells(total)] }
                if let chart = Self.chart(table) { entry["chart"] = chart }
                return entry
            }
            return page
        }
        var context: [String: Any] = [
            "periodText": "Từ \(VietnameseNumber.date(r.period.from)) đến \(VietnameseNumber.date(r.period.to))",
            "previousText": "kỳ trước (\(VietnameseNumber.date(r.period.previousFrom)) – \(VietnameseNumber.date(r.period.previousTo)))",
            "today": VietnameseNumber.date(today),
            "postings": Self.number(r.demand.postings), "postingsChange": change(r.demand.postings, r.demand.previousPostings),
            "openings": Self.number(r.demand.openings), "openingsChange": change(r.demand.openings, r.demand.previousOpenings),
            "candidates": Self.number(r.supply.candidates), "hires": Self.number(r.fills.hires),
            "fillRate": r.demand.openings == 0 ? "" : " (\(Self.percent(Double(r.fills.hires) / Double(r.demand.openings))) chỉ tiêu)",
            "sentences": r.tension.shortest + r.tension.surplus, "sections": sections,
        ]
        if let zone = r.period.zone { context["zone"] = zone }
        if r.fills.generated > 0 { context["generated"] = Self.number(r.fills.generated) }
        return try DocumentTemplates.render(context, template: "labour-report")
    }

    /// Every table under its title, one after the other, for Excel.
    public var csv: String {
        func field(_ text: String) -> String { SpreadsheetCell.csvField(SpreadsheetCell.text(text)) }
        // Numbers as Excel reads them (no thousands dots) in CSV: the figures, not their printed form.
        func plain(_ text: String) -> String {
            text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "–" || $0 == " " || $0 == "%" }
                ? text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " %", with: "%") : text
        }
        var lines: [String] = [field("Báo cáo thị trường lao động \(VietnameseNumber.date(report.period.from)) – \(VietnameseNumber.date(report.period.to))")]
        for section in sections {
            for table in section.tables {
                lines.append("")
                lines.append(field("\(section.title): \(table.title)"))
                lines.append(table.headers.map { field($0.text) }.joined(separator: ","))
                for row in table.rows + (table.total.map { [$0] } ?? []) {
                    lines.append(row.enumerated().map { table.headers[$0.offset].number ? field(plain($0.element)) : field($0.element) }.joined(separator: ","))
                }
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
