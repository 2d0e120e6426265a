import Foundation

/// Reads a JSON Lines file of postings or profiles, all or nothing.
///
/// Blank lines are skipped. A line that is not valid UTF-8, not JSON, not an
/// object, lacks a required field, has a field of the wrong type, an unknown
/// level or category, or a value out of range is a ``LoadFailure/Problem`` naming
/// the file, the line and the field. Two lines with one id: the later one wins
/// (re-loading a posting updates it). Unknown fields are ignored here and kept,
/// with the whole line, in the store.
public enum JSONLinesLoader {
    /// A decoded record, with its line as read (normalised to compact JSON by the store).
    public struct Record<Value: Sendable>: Sendable {
        public var line: Int
        public var value: Value
        public var json: String
    }

    /// Decodes every line of `bytes`, or throws a ``LoadFailure`` listing the bad ones.
    ///
    /// - Complexity: O(*n*) in the size of the file.
    public static func load<Value: Decodable & Sendable>(_ type: Value.Type, from bytes: [UInt8], file: String,
                                                         progress: ((_ bytesRead: Int, _ total: Int) -> Void)? = nil) throws -> [Record<Value>] {
        var records: [Record<Value>] = []
        var problems: [LoadFailure.Problem] = []
        var count = 0
        func report(_ line: Int, _ field: String?, _ message: String) {
            count += 1
            if problems.count < LoadFailure.listedLimit { problems.append(.init(file: file, line: line, field: field, message: message)) }
        }
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = 0
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a byte-order mark from Excel or Notepad
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            lineNumber += 1
            if let progress, lineNumber % 20_000 == 0 { progress(start, bytes.count) }
            var slice = bytes[start..<end]
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            start = end + 1
            guard let text = String(validating: slice, as: UTF8.self) else {
                report(lineNumber, nil, "is not valid UTF-8")
                continue
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            do {
                let value = try decoder.decode(Value.self, from: Data(slice))
                if let validated = value as? any RecordValidation {
                    let found = validated.validationProblems()
                    if !found.isEmpty {
                        for problem in found { report(lineNumber, problem.field, problem.message) }
                        continue
                    }
                }
                records.append(Record(line: lineNumber, value: value, json: text))
            } catch let error as DecodingError {
                let (field, message) = describe(error)
                report(lineNumber, field, message)
            } catch {
                report(lineNumber, nil, "is not valid JSON")
            }
            if end == bytes.count { break }
        }
        if count > 0 { throw LoadFailure(problems: problems, count: count) }
        return records
    }

    /// A field path and a sentence for a decoding error.
    static func describe(_ error: DecodingError) -> (String?, String) {
        func path(_ codingPath: [any CodingKey]) -> String? {
            guard !codingPath.isEmpty else { return nil }
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is required but missing")
        case .typeMismatch(let type, let context):
            guard let field = path(context.codingPath) else { return (nil, "is not a JSON object") }
            return (field, "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "is null; expected \(typeName(type))")
        case .dataCorrupted(let context):
            guard let field = path(context.codingPath) else { return (nil, "is not valid JSON") }
            let detail = context.debugDescription
            if detail.hasPrefix("expected a whole number") || detail.contains("does not fit") || detail.contains("Parsed JSON number") {
                return (field, "expected a whole number")
            }
            return (field, detail)
        @unknown default:
            return (nil, "cannot be read")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [String].Type, is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a JSON object" }
            return name
        }
    }
}
