/// Makes a value safe and useful as a cell of a CSV file that people open in Excel
/// or LibreOffice.
///
/// **Formula injection** (OWASP, "CSV Injection"): a cell that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return may be evaluated as a formula when the file
/// is opened (`=HYPERLINK(…)`, `@SUM(1+1)*cmd|' /C calc'!A0`). Such a cell gets a
/// leading `'`, as OWASP recommends, so it shows as the text it is. Plain numbers
/// (`12.5`, `-1.5`) are left alone: they stay numbers.
///
/// **Phone numbers** are text that must keep its leading zero: a Vietnamese number
/// is written in national form in groups (`0912 345 678`, `+84 912 345 678` →
/// `0912 345 678`), which a spreadsheet reads as text, not as the number 912345678.
public enum SpreadsheetCell {
    /// `cell` as a CSV field (RFC 4180): quoted, its quotes doubled, when it holds a comma, a quote, a line break or a
    /// semicolon (the separator of Excel in some locales). The cell's content is made safe first (``text(_:)``,
    /// ``phone(_:)``); this only writes it.
    public static func csvField(_ cell: String) -> String {
        cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// `text` safe to put in a cell.
    ///
    /// | text | cell |
    /// |---|---|
    /// | `Nguyễn Văn An` | `Nguyễn Văn An` |
    /// | `=HYPERLINK("http://x","Bấm vào")` | `'=HYPERLINK("http://x","Bấm vào")` |
    /// | `-1.5` | `-1.5` |
    /// | `-2+3` | `'-2+3` |
    public static func text(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}":  // and their full-width forms
            return isPlainNumber(text) ? text : "'" + text
        default:
            return text
        }
    }

    /// A phone number as text that keeps its leading zero, or ``text(_:)`` of it when
    /// it is not a Vietnamese number.
    ///
    /// | phone | cell |
    /// |---|---|
    /// | `0912345678` | `0912 345 678` |
    /// | `+84912345678` | `0912 345 678` |
    /// | `0225 3842 111` | `0225 384 2111` |
    /// | `@SUM(1+1)` | `'@SUM(1+1)` |
    public static func phone(_ phone: String) -> String {
        var digits = phone.filter { $0.isASCII && $0.isNumber }
        let shape = phone.allSatisfy { ($0.isASCII && $0.isNumber) || " .-()+".contains($0) }
        if shape, phone.trimmingLeadingSpaces.hasPrefix("+84") || (phone.trimmingLeadingSpaces.hasPrefix("84") && digits.count == 11) {
            digits = "0" + digits.dropFirst(2)
        }
        guard shape, digits.hasPrefix("0"), (10...11).contains(digits.count) else { return text(phone) }
        // Mobiles 0912 345 678; landlines (area code of three or four digits) 0225 384 2111.
        let head = digits.prefix(4)
        let middle = digits.dropFirst(4).prefix(3)
        let tail = digits.dropFirst(7)
        return "\(head) \(middle) \(tail)"
    }

    private static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return false }
        var seenDigit = false, seenPoint = false
        for scalar in scalars {
            if ("0"..."9").contains(scalar) {
                seenDigit = true
            } else if (scalar == "." || scalar == ","), !seenPoint {
                seenPoint = true
            } else {
                return false
            }
        }
        return seenDigit
    }
}

private extension String {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}
