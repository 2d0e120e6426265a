extension JSONParser {
    /// The string values of a JSON text (not its keys) as the byte ranges of their contents, each with the key it belongs
    /// to (each item of a list under its list's key), read with this parser's grammar but without reading the strings:
    /// their bytes need not be UTF-8, nor free of control bytes (VISCII puts six capitals there). The import's
    /// transcoder finds in them the text of a line written in an old encoding. Escapes stay as they are (they are ASCII).
    ///
    /// - Returns: `nil` when the bytes are not JSON (the loader then says where).
    /// - Complexity: O(*n*) in the length of the text.
    public static func stringSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, key: String)]? {
        var parser = JSONParser(bytes)
        var spans: [(range: Range<Int>, key: String)] = []
        parser.skipWhitespace()
        do {
            try parser.collectSpans(under: "", into: &spans)
        } catch {
            return nil
        }
        parser.skipWhitespace()
        return parser.index == bytes.count ? spans : nil
    }

    private mutating func collectSpans(under key: String, into spans: inout [(range: Range<Int>, key: String)]) throws(Failure) {
        guard index < bytes.count else { throw .syntax(offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let object = bytes[index] == UInt8(ascii: "{")
            let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            depth += 1
            guard depth <= JSONParser.maximumDepth else { throw .tooDeep }
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if index < bytes.count && bytes[index] == close {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                var member = key
                if object {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
                    member = String(decoding: UnsafeBufferPointer(rebasing: bytes[try rawString()]), as: UTF8.self)
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw .syntax(offset: index) }
                    index += 1
                    skipWhitespace()
                }
                try collectSpans(under: member, into: &spans)
                skipWhitespace()
                guard index < bytes.count else { throw .syntax(offset: index) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == close {
                    index += 1
                    return
                } else {
                    throw .syntax(offset: index)
                }
            }
        case UInt8(ascii: "\""): spans.append((try rawString(), key))
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw .syntax(offset: index)
        }
    }

    /// A string's contents, starting at its opening quote, as a range of bytes: only quotes and backslashes count.
    private mutating func rawString() throws(Failure) -> Range<Int> {
        index += 1  // "
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return start..<(index - 1)
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        throw .syntax(offset: index)
    }
}
