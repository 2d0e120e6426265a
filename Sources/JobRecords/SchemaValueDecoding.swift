/// Decodes one of a fixed list of SCHEMA.md values (a level, a category), or
/// throws a message that names the value and lists the ones allowed:
/// `unknown education level 'phd' (expected one of: none, lower_secondary, …)`.
func decodeSchemaValue<T: RawRepresentable & CaseIterable>(from decoder: any Decoder, kind: String) throws -> T where T.RawValue == String {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = T(rawValue: text) else {
        let known = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown \(kind) '\(text)' (expected one of: \(known))")
    }
    return value
}
