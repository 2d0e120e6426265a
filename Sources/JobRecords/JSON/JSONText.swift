/// Writes JSON text: compact, keys sorted by their UTF-8 bytes, so that the same
/// value is always the same bytes.
public enum JSONText {
    /// `text` as a JSON string, quotes included, appended to `output`.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        var text = text
        let plain = text.withUTF8 { bytes in !bytes.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 } }
        if plain {
            output += text
            output += "\""
            return
        }
        text.withUTF8 { bytes in
            var plainStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                if plainStart < index { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]), as: UTF8.self) }
                switch byte {
                case UInt8(ascii: "\""): output += "\\\""
                case UInt8(ascii: "\\"): output += "\\\\"
                case 0x0A: output += "\\n"
                case 0x0D: output += "\\r"
                case 0x09: output += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = index + 1
            }
            if plainStart < bytes.count {
                output += String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart...]), as: UTF8.self)
            }
        }
        output += "\""
    }

    /// A number as JSON writes it: whole numbers without a fraction (`12`, not `12.0`).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return String(value)
    }
}

extension JSONValue {
    /// The value as compact JSON text, keys sorted.
    ///
    /// - Complexity: O(*n* + *k* log *k*) for *n* bytes of output and *k* keys per object.
    public var text: String {
        var output = ""
        append(to: &output)
        return output
    }

    private func append(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let value): output += JSONText.number(value)
        case .string(let text): JSONText.appendQuoted(text, to: &output)
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                element.append(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (position, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if position > 0 { output += "," }
                JSONText.appendQuoted(key, to: &output)
                output += ":"
                members[key]!.append(to: &output)
            }
            output += "}"
        }
    }
}
