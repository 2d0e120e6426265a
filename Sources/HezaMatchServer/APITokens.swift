import Foundation

/// The bearer tokens that open the counsellors' and employers' endpoints, each with
/// a label that says whose it is (`counsellor-lan`, `booth-lg-display`).
///
/// Read at start from `HEZAMATCH_API_TOKENS` (comma separated) or a file (one a line,
/// `#` comments), each entry `label:token`, or a bare token (then labelled `token-1`,
/// `token-2`…). Tokens are compared in constant time and never logged; only labels
/// are recorded.
public struct APITokens: Sendable {
    private let entries: [(label: String, token: [UInt8])]

    /// Entries `label:token` or bare tokens; blank ones are skipped.
    public init(_ entries: [String]) {
        var parsed: [(String, [UInt8])] = []
        for entry in entries.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            if let colon = entry.firstIndex(of: ":"), colon != entry.startIndex, entry.index(after: colon) != entry.endIndex {
                parsed.append((String(entry[..<colon]), Array(entry[entry.index(after: colon)...].utf8)))
            } else {
                parsed.append(("token-\(parsed.count + 1)", Array(entry.utf8)))
            }
        }
        self.entries = parsed
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> APITokens {
        APITokens((environment["HEZAMATCH_API_TOKENS"] ?? "").split(separator: ",").map(String.init))
    }

    public static func fromFile(_ path: String) throws -> APITokens {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return APITokens(text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The holder of the token an `Authorization` header carries, if it is one of them.
    func caller(authorization: String?) -> APICaller? {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return nil }
        let offered = Array(authorization.dropFirst(7).utf8)
        var found: String?
        for entry in entries {
            let token = entry.token
            var difference = UInt8(token.count == offered.count ? 0 : 1)
            for index in 0..<max(token.count, offered.count) {
                difference |= (index < token.count ? token[index] : 0) ^ (index < offered.count ? offered[index] : 0)
            }
            if difference == 0 && found == nil { found = entry.label }
        }
        return found.map { APICaller(label: $0) }
    }
}
