/// A table for a terminal: one line a row, columns padded to fit, and under each
/// row an optional detail (the reasons) wrapped to the terminal's width and
/// indented, so that a 100-column terminal shows a readable list, not a wrapped block.
///
/// ```
/// 1  P-0110  11.26  Công nhân khai thác cảng  Công ty CP Cảng quốc tế Lạch Huyện  KCN Cảng cửa ngõ…
///    Đúng nghề: lái xe; tuổi 27 (yêu cầu 20–40); doanh nghiệp ưu tiên bộ đội xuất ngũ; cách nhà
///    19 km; hạn nộp 9/2/2027
/// ```
///
/// Widths count `Character`s, which is right for Vietnamese (NFC or NFD) and ASCII.
/// When the columns do not fit, the widest shrinkable ones are cut with `…`.
public struct TerminalTable {
    public struct Row {
        public var cells: [String]
        public var detail: String?

        public init(cells: [String], detail: String? = nil) {
            self.cells = cells
            self.detail = detail
        }
    }

    public var rows: [Row]
    /// Column names, printed first with a rule under them; none when `nil`.
    public var header: [String]?
    /// Columns that may be cut to fit (by index); the others are kept whole.
    public var shrinkable: Set<Int>
    /// The terminal's width in columns.
    public var width: Int

    public init(header: [String]? = nil, rows: [Row], shrinkable: Set<Int>, width: Int) {
        self.header = header
        self.rows = rows
        self.shrinkable = shrinkable
        self.width = max(40, width)
    }

    /// The table as lines of at most ``width`` characters.
    ///
    /// - Complexity: O(*n*) in the total length of the cells.
    public var rendered: String {
        let all = (header.map { [Row(cells: $0)] } ?? []) + rows
        guard let columns = all.map(\.cells.count).max(), columns > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (column, cell) in row.cells.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        let separator = 2
        var total = widths.reduce(0, +) + separator * (columns - 1)
        while total > width {
            guard let widest = shrinkable.filter({ $0 < columns && widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            total -= 1
        }
        let indent = widths[0] + separator
        var lines: [String] = []
        for (number, row) in all.enumerated() {
            var line = ""
            for (column, cell) in row.cells.enumerated() {
                let fitted = Self.fit(cell, widths[column])
                let isLast = column == row.cells.count - 1
                line += isLast ? fitted : fitted + String(repeating: " ", count: widths[column] - fitted.count + separator)
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
            if number == 0 && header != nil {
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: separator)))
            }
            if let detail = row.detail, !detail.isEmpty {
                // Each line of the detail wrapped on its own.
                lines += detail.split(separator: "\n").flatMap { Self.wrap(String($0), width: width - indent) }.map { String(repeating: " ", count: indent) + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` cut to `width` characters, with `…` when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a word longer
    /// than a line is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(10, width)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
