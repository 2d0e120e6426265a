/// A day of the calendar, as the data contract writes it: `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// `nil` unless `text` is a real date in `YYYY-MM-DD` form (2026-02-30 is not).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `yyyymmdd` as one number, for range filters.
    public var number: Int64 { Int64(year * 10_000 + month * 100 + day) }

    public init(number: Int64) {
        self.init(year: Int(number / 10_000), month: Int(number / 100 % 100), day: Int(number % 100))
    }

    /// The date `yyyymmdd` stands for, or `nil` when it is no real day (`20260230`).
    public init?(checking number: Int64) {
        let date = CalendarDate(number: number)
        guard (0...9999).contains(date.year), (1...12).contains(date.month), date.day >= 1,
              date.day <= CalendarDate.days(inMonth: date.month, year: date.year) else { return nil }
        self = date
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.number < rhs.number }

    public var description: String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `30/11/2026`, as Vietnamese write dates.
    public var vietnamese: String { "\(day)/\(month)/\(year)" }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date in YYYY-MM-DD form")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
