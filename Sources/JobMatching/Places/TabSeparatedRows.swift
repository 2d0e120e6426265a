import Foundation
import JobRecords

/// The rows of a generated tab-separated table, read as bytes (a `Character` split of 500 KB costs tens of
/// milliseconds; this costs a few): comment lines (`#`) and empty lines skipped, each bad cell an error
/// naming the file, the line and the column.
struct TabSeparatedRows {
    let file: String
    let bytes: [UInt8]

    /// The table at `path`, named `file` in errors.
    init(path: String, file: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadFailure(problems: [.init(file: path, line: 0, field: nil, message: "cannot be read")], count: 1)
        }
        self.file = file
        bytes = [UInt8](data)
    }

    /// One row: its line number and the byte ranges of its cells.
    struct Row {
        let line: Int
        let cells: [Range<Int>]
    }

    /// Calls `body` with each row of at least `columns` cells, in order.
    ///
    /// - Complexity: O(*n*) in the file's bytes.
    func forEach(columns: Int, _ body: (Row) throws -> Void) throws {
        var line = 0
        var start = 0
        var cells: [Range<Int>] = []
        cells.reserveCapacity(columns + 1)
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            if end == start || bytes[start] == UInt8(ascii: "#") { continue }
            cells.removeAll(keepingCapacity: true)
            var cellStart = start
            for index in start..<end where bytes[index] == 0x09 {
                cells.append(cellStart..<index)
                cellStart = index + 1
            }
            cells.append(cellStart..<(end > start && bytes[end - 1] == 0x0D ? end - 1 : end))
            guard cells.count >= columns else {
                throw problem(line, nil, "expected \(columns) columns separated by tabs, found \(cells.count)")
            }
            try body(Row(line: line, cells: cells))
        }
    }

    func problem(_ line: Int, _ field: String?, _ message: String) -> LoadFailure {
        LoadFailure(problems: [.init(file: file, line: line, field: field, message: message)], count: 1)
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// A whole number (leading zeros allowed: `00004`).
    func int(_ row: Row, _ column: Int, _ field: String) throws -> Int {
        try int(row.cells[column], row.line, field)
    }

    func int(_ range: Range<Int>, _ line: Int, _ field: String) throws -> Int {
        var value = 0
        guard !range.isEmpty, range.count <= 18 else { throw problem(line, field, "'\(text(range))' is not a whole number") }
        for index in range {
            let digit = Int(bytes[index]) - 0x30
            guard (0...9).contains(digit) else { throw problem(line, field, "'\(text(range))' is not a whole number") }
            value = value * 10 + digit
        }
        return value
    }

    /// `|`-separated whole numbers.
    func ints(_ row: Row, _ column: Int, _ field: String) throws -> [Int] {
        var values: [Int] = []
        let range = row.cells[column]
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: "|") {
            values.append(try int(start..<index, row.line, field))
            start = index + 1
        }
        values.append(try int(start..<range.upperBound, row.line, field))
        return values
    }

    /// A point from two cells of degrees, or `nil` when both are empty.
    func point(_ row: Row, latitude: Int, longitude: Int) throws -> GeoPoint? {
        let lat = row.cells[latitude], lon = row.cells[longitude]
        if lat.isEmpty && lon.isEmpty { return nil }
        guard let latitude = decimal(lat), let longitude = decimal(lon), (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            throw problem(row.line, "latitude", "'\(text(lat))', '\(text(lon))' is not a point")
        }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    /// A decimal number as the tables write them (`-20.9594`), read without making a `String`; `nil` otherwise.
    func decimal(_ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound && bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var whole: Int64 = 0, fraction: Int64 = 0, scale: Int64 = 1, digits = 0, point = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !point {
                point = true
            } else if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                guard digits <= 15 else { return Double(text(range)) }
                if point { fraction = fraction * 10 + Int64(byte - 0x30); scale *= 10 } else { whole = whole * 10 + Int64(byte - 0x30) }
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        let value = Double(whole) + Double(fraction) / Double(scale)
        return negative ? -value : value
    }

    func kind(_ row: Row, _ column: Int) throws -> AdministrativeKind {
        let cell = bytes[row.cells[column]]
        // Compared as bytes (the tables write the kinds in NFC): a `String` comparison normalises both sides.
        if let kind = AdministrativeKind.allCases.first(where: { $0.rawValue.utf8.elementsEqual(cell) }) { return kind }
        let written = text(row.cells[column])
        guard let kind = AdministrativeKind(tableName: written) else { throw problem(row.line, "type", "unknown kind '\(written)'") }
        return kind
    }
}
