/// The types of the data contract's fields, as its tables name them.
public enum RecordFieldKind: String, Sendable, CaseIterable {
    case string, strings, wholeNumber, number, bool, date, level, category, categories

    /// The name in the contract's tables (`list of strings`, `whole number`…).
    public var contractName: String {
        switch self {
        case .string: return "string"
        case .strings: return "list of strings"
        case .wholeNumber: return "whole number"
        case .number: return "number"
        case .bool: return "true or false"
        case .date: return "date"
        case .level: return "level"
        case .category: return "category"
        case .categories: return "list of categories"
        }
    }
}

/// A record's field, declared once: its JSON key (the raw value, also the record's `CodingKey`), its type and whether
/// it is required. The JSON reader reads by it, the encoder writes by it, and a test holds the data contract's tables,
/// openapi.yaml and the index's stored layout to it.
public protocol RecordField: CodingKey, CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    var kind: RecordFieldKind { get }
    var isRequired: Bool { get }
}

extension JSONFields {
    public func string(_ field: some RecordField) throws(Problem) -> String { try string(field.rawValue) }
    public func optionalString(_ field: some RecordField) throws(Problem) -> String? { try optionalString(field.rawValue) }
    public func optionalStrings(_ field: some RecordField) throws(Problem) -> [String]? { try optionalStrings(field.rawValue) }
    public func optionalWholeNumber(_ field: some RecordField) throws(Problem) -> Int? { try optionalWholeNumber(field.rawValue) }
    public func optionalNumber(_ field: some RecordField) throws(Problem) -> Double? { try optionalNumber(field.rawValue) }
    public func optionalBool(_ field: some RecordField) throws(Problem) -> Bool? { try optionalBool(field.rawValue) }
    public func optionalDate(_ field: some RecordField) throws(Problem) -> CalendarDate? { try optionalDate(field.rawValue) }
    public func value<T: SchemaEnumeration>(_ field: some RecordField, _ type: T.Type) throws(Problem) -> T { try value(field.rawValue, type) }
    public func optionalValue<T: SchemaEnumeration>(_ field: some RecordField, _ type: T.Type) throws(Problem) -> T? {
        try optionalValue(field.rawValue, type)
    }
    public func optionalValues<T: SchemaEnumeration>(_ field: some RecordField, _ type: T.Type) throws(Problem) -> [T]? {
        try optionalValues(field.rawValue, type)
    }
}

extension JSONFields.Problem {
    /// A problem with `field`.
    public init(_ field: some RecordField, _ message: String) {
        self.init(field: field.rawValue, message: message)
    }
}
