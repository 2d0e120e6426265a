import Foundation
import Hummingbird

/// The fields of a form a browser posts: `application/x-www-form-urlencoded` (read by Hummingbird's decoder), or
/// `multipart/form-data` (the import's file: read here, no kept package reads it).
struct FormData {
    var fields: [String: String] = [:]
    var files: [String: [UInt8]] = [:]
    /// The names the browser gave the files, by field (the last path component, at most 100 characters).
    var fileNames: [String: String] = [:]

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
        return try urlEncoded(String(decoding: bytes, as: UTF8.self))
    }

    /// A url-encoded form, read by Hummingbird's `URLEncodedFormDecoder` (`+` and percent escapes; a field given twice,
    /// or a name it cannot read, is a bad request).
    static func urlEncoded(_ text: String) throws -> FormData {
        do {
            return FormData(fields: try URLEncodedFormDecoder().decode([String: String].self, from: text))
        } catch {
            // Not the decoder's message: it quotes the values, which may be personal data.
            throw APIError.badRequest("the form cannot be read (a field given twice, or a name with brackets)")
        }
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
            guard let name = parameter("name", in: headers) else { continue }
            if let fileName = parameter("filename", in: headers) {
                form.files[name] = Array(content)
                let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                form.fileNames[name] = String(last.prefix(100))
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    /// A quoted parameter of a part's Content-Disposition header: `name="…"`, `filename="…"`.
    private static func parameter(_ key: String, in headers: String) -> String? {
        for piece in headers.split(whereSeparator: { $0 == ";" || $0 == "\r" || $0 == "\n" }) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(key + "=\"") else { continue }
            return String(trimmed.dropFirst(key.count + 2).prefix { $0 != "\"" })
        }
        return nil
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
