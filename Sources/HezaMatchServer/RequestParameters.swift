import Foundation
import Hummingbird
import HummingbirdCore
import JobRecords

/// Reading query parameters and bodies, each failure a 400 (or 413) that names the parameter.
extension Request {
    /// The query's parameters, read as HTML forms and most HTTP clients write them:
    /// `+` is a space (`ky+su` is "ky su"), `%2B` a plus.
    ///
    /// Every handler reads its parameters here, never from `uri.queryParameters`, which keeps `+`.
    var query: FlatDictionary<Substring, Substring> {
        guard let raw = uri.query, raw.contains("+") else { return uri.queryParameters }
        return URI("?" + raw.replacingOccurrences(of: "+", with: "%20")).queryParameters
    }

    /// A whole number in `range`, or `value` when absent.
    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query.get(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badRequest("'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A number in `range`, or `value` when absent.
    func number(_ name: String, default value: Double, in range: ClosedRange<Double>) throws -> Double {
        guard let text = query.get(name) else { return value }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw APIError.badRequest("'\(name)' must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// `true` or `false`, or `value` when absent; anything else a 400.
    func boolean(_ name: String, default value: Bool) throws -> Bool {
        guard let text = query.get(name) else { return value }
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIError.badRequest("'\(name)' must be true or false")
        }
    }

    /// A non-empty text parameter.
    func text(_ name: String) -> String? {
        query.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// One of a schema enumeration's values, or a 400 listing them (an empty value too).
    func value<T: SchemaEnumeration>(_ name: String, _ type: T.Type, what: String) throws -> T? {
        guard let text = query.get(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw APIError.badRequest("unknown \(what) '\(text)'", details: T.allCases.map(\.rawValue))
        }
        return value
    }

    /// Every value of a repeated parameter (`category=a&category=b`, or `category=a,b`), each one of a
    /// schema enumeration's values, or a 400 naming the one that is not; empty when absent.
    func values<T: SchemaEnumeration>(_ name: String, _ type: T.Type, what: String) throws -> [T] {
        try query.getAll(name).flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { text in
            guard let value = T(rawValue: String(text)) else {
                throw APIError.badRequest("unknown \(what) '\(text)'", details: T.allCases.map(\.rawValue))
            }
            return value
        }
    }

    /// A date (YYYY-MM-DD), or `nil` when absent.
    func date(_ name: String) throws -> CalendarDate? {
        guard let text = query.get(name) else { return nil }
        guard let date = CalendarDate(text) else { throw APIError.badRequest("'\(name)' must be a date as YYYY-MM-DD") }
        return date
    }

    /// `as_of` (YYYY-MM-DD), or today when absent.
    func asOf() throws -> CalendarDate {
        if let text = query.get("as_of") {
            guard let date = CalendarDate(text) else { throw APIError.badRequest("'as_of' must be a date as YYYY-MM-DD") }
            return date
        }
        return CalendarDate.today
    }

    /// The body, at most `limit` bytes (413 beyond).
    func bytes(upTo limit: Int) async throws -> [UInt8] {
        do {
            return Array(try await body.collect(upTo: limit).readableBytesView)
        } catch {
            throw APIError(status: .contentTooLarge, code: "too_large", message: "the body is over \(limit) bytes")
        }
    }
}

extension CalendarDate {
    /// Today, in the server's time zone.
    static var today: CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
