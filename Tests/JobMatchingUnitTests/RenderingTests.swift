import Testing
import JobRecords
@testable import MatchRendering

/// Spreadsheet cells against formula injection (OWASP), and phones that keep their zero.
@Suite struct SpreadsheetCellTests {
    @Test func hostileCellsAreNeutralised() {
        let cases: [(String, String)] = [
            ("Nguyễn Văn An", "Nguyễn Văn An"),
            (#"=HYPERLINK("http://evil.example","Bấm vào")"#, #"'=HYPERLINK("http://evil.example","Bấm vào")"#),
            ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
            ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
            ("＝1+1", "'＝1+1"),
            ("-1.5", "-1.5"), ("12.34", "12.34"), ("+7", "+7"), ("", ""), ("a=1", "a=1"),
        ]
        for (text, cell) in cases { #expect(SpreadsheetCell.text(text) == cell, "\(text)") }
    }

    @Test func phonesStayTextWithTheirLeadingZero() {
        let cases: [(String, String)] = [
            ("0912345678", "0912 345 678"), ("+84912345678", "0912 345 678"), ("84912345678", "0912 345 678"),
            ("+84 912 345 678", "0912 345 678"), ("0225 3842 111", "0225 384 2111"), ("0900000001", "0900 000 001"),
            ("@SUM(1+1)", "'@SUM(1+1)"), ("=1+1", "'=1+1"), ("+1 555 0100", "'+1 555 0100"), ("113", "113"),
        ]
        for (phone, cell) in cases { #expect(SpreadsheetCell.phone(phone) == cell, "\(phone)") }
    }

    @Test func aHostileShortlistIsSafeInCSVAndEscapedInHTML() throws {
        // A quote or a bracket followed by a combining mark is one Swift Character: it is escaped all the same.
        var posting = JobPosting(id: "P1", employer: "<b>X</b>", title: "=cmd|' /C calc'!A0")
        posting.zone = "\"" + "\u{301}" + " autofocus x=\"<" + "\u{338}" + "b>"
        let hostile = CandidateResult(id: "C1", score: 12.5, reasons: ["@SUM(1+1)"], category: .other, education: .none,
                                      district: "-2+3", name: #"=HYPERLINK("http://evil.example","Bấm vào")"#, phone: "+84912345678")
        let document = ShortlistDocument(ShortlistAnswer(posting: posting, asOf: CalendarDate(year: 2026, month: 11, day: 23), results: [hostile]))
        let row = document.csv.split(separator: "\r\n")[1]
        #expect(row == #"1,C1,"'=HYPERLINK(""http://evil.example"",""Bấm vào"")",0912 345 678,lao động khác,chưa có bằng,'-2+3,12.50,'@SUM(1+1),"#)
        let html = try document.html()
        #expect(html.contains("&lt;b&gt;X&lt;/b&gt;") && !html.contains("<b>X"))
        #expect(html.contains("=HYPERLINK(&quot;http://evil.example&quot;"))
        // Built outside #expect: a macro's expansion puts the mark on the literal's closing quote.
        let escaped = "&quot;" + "\u{301}" + " autofocus x=&quot;&lt;" + "\u{338}" + "b&gt;"
        let raw = "\"" + "\u{301}"
        #expect(html.contains(escaped))
        #expect(!html.contains(raw))
    }
}

/// The fair's title in the booklet's page footer, a CSS string: what could end it is dropped scalar by scalar.
@Suite struct FairFooterTests {
    @Test func aTitleCannotLeaveItsCSSString() {
        let cases: [(String, String)] = [
            ("Hội chợ việc làm đợt 2", "Hội chợ việc làm đợt 2"),
            ("Hội chợ \"A\" <b>", "Hội chợ A b"),
            ("A" + "\"" + "\u{301}" + "x", "A" + "\u{301}" + "x"),  // a quote carrying a combining mark is a quote
            ("a\\b\nc", "abc"),
        ]
        for (title, expected) in cases { #expect(FairDocument.cssText(title) == expected, "\(title)") }
    }
}

/// Terminal tables that fit a 100-column terminal.
@Suite struct TerminalTableTests {
    @Test func rowsFitTheWidthAndReasonsWrapUnderThem() {
        let rows = (1...3).map { number in
            TerminalTable.Row(cells: ["\(number)", "P-000\(number)", "11.26", "Công nhân khai thác cảng số \(number)",
                                      "Công ty CP Cảng quốc tế Lạch Huyện", "KCN Cảng cửa ngõ quốc tế Hải Phòng"],
                              detail: "Đúng nghề: lái xe; tuổi 27 (yêu cầu 20–40); doanh nghiệp ưu tiên bộ đội xuất ngũ; lương tới 12 triệu, thấp hơn mong muốn 24 triệu; cách nhà 19 km; hạn nộp 9/2/2027")
        }
        for width in [60, 100, 160] {
            let lines = TerminalTable(rows: rows, shrinkable: [3, 4, 5], width: width).rendered.split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= width }, "width \(width)")
            #expect(lines[0].hasPrefix("1  P-0001  11.26  Công nhân"))
            #expect(lines[1].hasPrefix("   Đúng nghề: lái xe;"))
        }
        let wide = TerminalTable(rows: rows, shrinkable: [3, 4, 5], width: 160).rendered
        #expect(wide.contains("KCN Cảng cửa ngõ quốc tế Hải Phòng") && !wide.split(separator: "\n")[0].contains("…"))
        #expect(TerminalTable(rows: rows, shrinkable: [3, 4, 5], width: 80).rendered.split(separator: "\n")[0].contains("…"))
    }
}
