import Foundation
import Hummingbird

/// The fields of a form a browser posts: `application/x-www-form-urlencoded`, or
/// `multipart/form-data` (the import's file).
struct FormData {
    var fields: [String: String] = [:]
    var files: [String: [UInt8]] = [:]

    subscript(_ name: String) -> String? { fields[name] }

    /// Reads a request's form body, at most `limit` bytes.
    static func read(_ request: Request, limit: Int) async throws -> FormData {
        let bytes = try await request.bytes(upTo: limit)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = type.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")),
                  !boundary.isEmpty else { throw APIError.badRequest("the form has no boundary") }
            return multipart(bytes, boundary: boundary)
        }
        return urlEncoded(String(decoding: bytes, as: UTF8.self))
    }

    static func urlEncoded(_ text: String) -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            form.fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }

    /// The parts of a multipart body: text fields and files, by name.
    static func multipart(_ body: [UInt8], boundary: String) -> FormData {
        var form = FormData()
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int? = nil
        var index = 0
        while index + delimiter.count <= body.count {
            if body[index] == delimiter[0] && Array(body[index..<(index + delimiter.count)]) == delimiter {
                if let start { parts.append(body[start..<index]) }
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        for part in parts {
            // headers CRLF CRLF content CRLF
            guard let split = find(Array("\r\n\r\n".utf8), in: part) else { continue }
            let headers = String(decoding: part[part.startIndex..<split], as: UTF8.self)
            var content = part[(split + 4)...]
            if content.suffix(2).elementsEqual([13, 10]) { content = content.dropLast(2) }
            guard let nameRange = headers.range(of: "name=\"") else { continue }
            let name = String(headers[nameRange.upperBound...].prefix { $0 != "\"" })
            if headers.contains("filename=") {
                form.files[name] = Array(content)
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
