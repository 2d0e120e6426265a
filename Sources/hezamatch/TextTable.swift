/// A plain-text table with columns padded to their widest cell, for terminals.
///
/// Width counts `Character`s, which is right for Vietnamese in NFC and for ASCII.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// The table, header first, columns separated by two spaces.
    ///
    /// - Complexity: O(*n*) in the total length of the cells.
    var rendered: String {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }
}
