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
        let field = SpreadsheetCell.csvField
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

    /// `text` safe inside a quoted CSS string of a `<style>` element (the page footer): quotes, backslashes, angle
    /// brackets and control characters dropped scalar by scalar (a quote carrying a combining mark is still a quote).
    static func cssText(_ text: String) -> String {
        var safe = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !"\"\\<>".unicodeScalars.contains(scalar) && !(scalar.properties.generalCategory == .control) {
            safe.append(scalar)
        }
        return String(safe)
    }

    /// The booklet (`Templates/fair-booklet.mustache`): summary, booths, slips. Everything escaped.
    public func html() throws -> String {
        let summary = answer.summary
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.1f", 100 * Double(part) / Double(whole)).replacingOccurrences(of: ".", with: ",") + " %"
        }
        func number(_ value: Double) -> String { String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",") }
        let figures: [String: Any] = [
            "booths": summary.booths, "openings": summary.openings, "places": summary.places, "perCandidate": answer.perCandidate,
            "oversubscribe": number(answer.oversubscribe), "filled": summary.filled, "filledShare": percent(summary.filled, summary.places),
            "boothsFull": summary.boothsFull, "openingsCovered": summary.openingsCovered,
            "coveredShare": percent(summary.openingsCovered, summary.openings), "candidates": summary.candidates,
            "eligibleCandidates": summary.eligibleCandidates, "placedCandidates": summary.placedCandidates,
            "placedShare": percent(summary.placedCandidates, summary.eligibleCandidates), "unplaced": answer.unplaced.count,
            "meanScore": number(summary.meanScore), "independentMean": number(summary.independentMean),
        ]
        let booths: [[String: Any]] = answer.booths.map { booth in
            let details = [booth.zone, "\(booth.openings) chỉ tiêu", "\(booth.candidates.count) ứng viên được hẹn",
                           booth.deadline.map { "hạn nộp \($0.vietnamese)" }, "mã tin \(booth.posting)"].compactMap { $0 }.joined(separator: " · ")
            let candidates: [[String: Any]] = booth.candidates.enumerated().map { rank, candidate in
                [
                    "rank": rank + 1, "time": candidate.time, "id": candidate.id, "name": candidate.name ?? "",
                    "phone": candidate.phone.map(SpreadsheetCell.phone) ?? "", "education": candidate.education.vietnameseName,
                    "score": number(candidate.score),
                    // The deadline is the booth's, said once in its heading.
                    "reasons": candidate.reasons.filter { !$0.hasPrefix("hạn nộp") }.joined(separator: "; "),
                    "hasTraining": !candidate.training.isEmpty,
                    "training": candidate.training.enumerated().map { ["text": $0.element, "more": $0.offset < candidate.training.count - 1] },
                ]
            }
            return [
                "booth": booth.booth, "employer": booth.employer, "title": booth.title, "zone": booth.zone ?? "", "openings": booth.openings,
                "capacity": booth.capacity, "sent": booth.candidates.count, "eligible": booth.eligible,
                "meanScore": booth.candidates.isEmpty ? "–" : number(booth.candidates.map(\.score).reduce(0, +) / Double(booth.candidates.count)),
                "details": details, "candidates": candidates,
            ]
        }
        // One slip per candidate, only that candidate, in the order of a Vietnamese list of people: by given name, then
        // whole name (ids without names last).
        let visits = answer.visits
        let people = visits.keys.sorted { a, b in
            switch (visits[a]![0].candidate.name, visits[b]![0].candidate.name) {
            case let (nameA?, nameB?): return nameA != nameB ? VietnameseCollation.namePrecedes(nameA, nameB) : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        let slips: [[String: Any]] = people.map { id in
            let mine = visits[id]!
            return [
                "name": mine[0].candidate.name ?? id, "id": id, "list": mine.map { "\($0.booth.booth)" }.joined(separator: ", "),
                "visits": mine.map { visit -> [String: Any] in
                    var entry: [String: Any] = [
                        "time": visit.candidate.time, "booth": visit.booth.booth, "employer": visit.booth.employer, "title": visit.booth.title,
                        "reasons": visit.candidate.reasons.prefix(4).joined(separator: "; "), "firstTraining": Array(visit.candidate.training.prefix(1)),
                    ]
                    entry["zone"] = visit.booth.zone.map { [$0] } ?? []
                    return entry
                },
            ]
        }
        let context: [String: Any] = [
            "title": title, "asOf": answer.asOf.vietnamese, "footerTitle": Self.cssText(title),
            "summary": figures, "booths": booths, "gaps": answer.gaps.map(\.sentence), "slips": slips,
        ]
        return try DocumentTemplates.render(context, template: "fair-booklet")
    }
}
