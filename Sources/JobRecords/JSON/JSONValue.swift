/// A JSON value, as ``JSONParser`` reads it.
///
/// Objects keep the last value of a repeated key, as most JSON readers do.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// How a message names the kind of this value: `a string`, `a list`…
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "a JSON object"
        }
    }
}
