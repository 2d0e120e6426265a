import Foundation

/// The bearer tokens that open the counsellors' and employers' endpoints.
///
/// Read at start from `HEZAMATCH_API_TOKENS` (comma separated) or a file (one a
/// line, `#` comments). Tokens are compared in constant time and never logged.
public struct APITokens: Sendable {
    private let tokens: [[UInt8]]

    public init(_ tokens: [String]) {
        self.tokens = tokens.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { Array($0.utf8) }
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

    public var isEmpty: Bool { tokens.isEmpty }

    /// Whether an `Authorization` header value carries one of the tokens.
    func accepts(authorization: String?) -> Bool {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        let offered = Array(authorization.dropFirst(7).utf8)
        var accepted = false
        for token in tokens {
            var difference = UInt8(token.count == offered.count ? 0 : 1)
            for index in 0..<max(token.count, offered.count) {
                difference |= (index < token.count ? token[index] : 0) ^ (index < offered.count ? offered[index] : 0)
            }
            accepted = accepted || difference == 0
        }
        return accepted
    }
}
