import JobRecords

/// Numbers and dates as a Vietnamese report writes them: `1.408`, `12,5`, `06/12/2026`.
public enum VietnameseNumber {
    /// A whole number with `.` between thousands: `1408` → `1.408`, `-2500000` → `-2.500.000`.
    public static func text(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A number with `places` decimals and a decimal comma: `0.4567` (2) → `0,46`; thousands grouped.
    public static func text(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = text(scaled / Int(scale))
        guard places > 0 else { return whole }
        let fraction = String(abs(scaled) % Int(scale))
        let sign = value < 0 && scaled / Int(scale) == 0 && scaled != 0 ? "-" : ""
        return sign + whole + "," + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// `06/12/2026`.
    public static func date(_ date: CalendarDate) -> String {
        (date.day < 10 ? "0" : "") + "\(date.day)/" + (date.month < 10 ? "0" : "") + "\(date.month)/\(date.year)"
    }
}
