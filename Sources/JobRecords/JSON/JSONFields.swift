/// The fields of one JSON object, read as the data contract (docs/data-contract.md) types them, each failure
/// naming the field: `openings: expected a whole number`.
///
/// A field that is absent or `null` is `nil` for the optional readers, as most
/// JSON readers treat them; the required readers refuse both.
public struct JSONFields: Sendable {
    public let members: [String: JSONValue]

    public init(_ members: [String: JSONValue]) {
        self.members = members
    }

    /// A field that cannot be read, and why.
    public struct Problem: Error, Sendable, Hashable {
        /// `skills[2]`, or `nil` when the whole line is at fault.
        public var field: String?
        public var message: String

        public init(field: String?, message: String) {
            self.field = field
            self.message = message
        }
    }

    private func present(_ key: String) -> JSONValue? {
        switch members[key] {
        case nil, .null?: return nil
        case let value?: return value
        }
    }

    /// A string that must be there.
    public func string(_ key: String) throws(Problem) -> String {
        switch members[key] {
        case nil: throw Problem(field: key, message: "is required but missing")
        case .null?: throw Problem(field: key, message: "is null; expected a string")
        case .string(let text)?: return text
        case let other?: throw Problem(field: key, message: "expected a string, not \(other.kindName)")
        }
    }

    public func optionalString(_ key: String) throws(Problem) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw Problem(field: key, message: "expected a string, not \(value.kindName)") }
        return text
    }

    /// A list of strings: `skills[1]` names a bad element.
    public func optionalStrings(_ key: String) throws(Problem) -> [String]? {
        guard let value = present(key) else { return nil }
        guard case .array(let elements) = value else { throw Problem(field: key, message: "expected a list, not \(value.kindName)") }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw Problem(field: "\(key)[\(position)]", message: "expected a string, not \(element.kindName)")
            }
            strings.append(text)
        }
        return strings
    }

    /// A whole number: `12`, or `12.0`; not `"12"` nor `2.5`.
    public func optionalWholeNumber(_ key: String) throws(Problem) -> Int? {
        guard let value = present(key) else { return nil }
        guard case .number(let number) = value, number == number.rounded(), abs(number) < 9_007_199_254_740_992 else {
            throw Problem(field: key, message: "expected a whole number")
        }
        return Int(number)
    }

    public func optionalNumber(_ key: String) throws(Problem) -> Double? {
        guard let value = present(key) else { return nil }
        guard case .number(let number) = value else { throw Problem(field: key, message: "expected a number, not \(value.kindName)") }
        return number
    }

    public func optionalBool(_ key: String) throws(Problem) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else { throw Problem(field: key, message: "expected true or false, not \(value.kindName)") }
        return flag
    }

    public func optionalDate(_ key: String) throws(Problem) -> CalendarDate? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = CalendarDate(text) else { throw Problem(field: key, message: "'\(text)' is not a date in YYYY-MM-DD form") }
        return date
    }

    /// One of a schema enumeration's values, or a message listing them.
    public func optionalValue<T: SchemaEnumeration>(_ key: String, _ type: T.Type) throws(Problem) -> T? {
        guard let text = try optionalString(key) else { return nil }
        return try T.parse(text, field: key)
    }

    /// A schema enumeration's value that must be there.
    public func value<T: SchemaEnumeration>(_ key: String, _ type: T.Type) throws(Problem) -> T {
        try T.parse(try string(key), field: key)
    }

    /// A list of a schema enumeration's values.
    public func optionalValues<T: SchemaEnumeration>(_ key: String, _ type: T.Type) throws(Problem) -> [T]? {
        guard let texts = try optionalStrings(key) else { return nil }
        var values: [T] = []
        for (position, text) in texts.enumerated() { values.append(try T.parse(text, field: "\(key)[\(position)]")) }
        return values
    }
}

/// A fixed list of the data contract (docs/data-contract.md) values (education levels, categories).
public protocol SchemaEnumeration: RawRepresentable, CaseIterable where RawValue == String {
    /// How an error names the kind: `education level`.
    static var kindName: String { get }
}

extension SchemaEnumeration {
    /// The value named `text`, or a problem that names the field and lists the values allowed:
    /// `unknown education level 'phd' (expected one of: none, lower_secondary, …)`.
    static func parse(_ text: String, field: String) throws(JSONFields.Problem) -> Self {
        guard let value = Self(rawValue: text) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            throw JSONFields.Problem(field: field, message: "unknown \(kindName) '\(text)' (expected one of: \(known))")
        }
        return value
    }
}
