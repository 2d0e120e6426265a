import Foundation
import JobRecords

/// Hải Phòng's time (UTC+7, no summer time): the day a posting closes, the hour of a digest, quiet hours.
public enum HaiPhongClock {
    static let offset: TimeInterval = 7 * 3600

    static func components(_ time: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(offset))!
        return calendar.dateComponents([.year, .month, .day, .hour], from: time)
    }

    /// The day in Hải Phòng at `time`.
    public static func day(_ time: Date) -> CalendarDate {
        let parts = components(time)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The hour (0 to 23) in Hải Phòng at `time`.
    public static func hour(_ time: Date) -> Int { components(time).hour! }

    /// Seconds since 1970 of `day`'s first instant in Hải Phòng (00:00 UTC+7).
    public static func start(of day: CalendarDate) -> Double {
        Double(Instant.daysFromCivil(day.year, day.month, day.day)) * 86_400 - offset
    }

    /// The day in Hải Phòng at `seconds` since 1970.
    public static func day(seconds: Double) -> CalendarDate {
        let (year, month, day) = Instant.civil(Int(((seconds + offset) / 86_400).rounded(.down)))
        return CalendarDate(year: year, month: month, day: day)
    }

}

/// Hours when no message is sent, Hải Phòng time: 21:00 to 07:00 unless the operator says otherwise.
public struct QuietHours: Sendable, Hashable {
    /// The first quiet hour, and the first hour messages go again.
    public var from: Int, until: Int

    public static let evening = QuietHours(from: 21, until: 7)

    public init(from: Int, until: Int) {
        self.from = from
        self.until = until
    }

    /// `21-7`: from 21:00 to 07:00.
    public init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...23).contains(parts[1]), parts[0] != parts[1] else { return nil }
        self.init(from: parts[0], until: parts[1])
    }

    public func contains(hour: Int) -> Bool {
        from > until ? (hour >= from || hour < until) : (hour >= from && hour < until)
    }

    /// `time`, or the end of the quiet hours it falls in.
    public func end(after time: Date) -> Date {
        let hour = HaiPhongClock.hour(time)
        guard contains(hour: hour) else { return time }
        let local = time.timeIntervalSince1970 + HaiPhongClock.offset
        var end = (local / 86_400).rounded(.down) * 86_400 + Double(until) * 3600
        if end <= local { end += 86_400 }
        return Date(timeIntervalSince1970: end - HaiPhongClock.offset)
    }
}
