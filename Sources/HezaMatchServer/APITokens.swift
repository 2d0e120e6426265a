import Foundation

/// The bearer tokens that open the counsellors' and employers' endpoints, each with
/// a label that says whose it is (`counsellor-lan`, `booth-lg-display`) and a role.
///
/// Read at start from `HEZAMATCH_API_TOKENS` (comma separated) or a file (one a line,
/// `#` comments). An entry is `label:token` (a counsellor: every endpoint),
/// `label:token:employer:EMPLOYER NAME` (an employer's booth: only the shortlists of
/// the postings whose employer is that name, compared without accents or case), or a
/// bare token (a counsellor labelled `token-1`, `token-2`…). Tokens hold no `:`.
/// Tokens are compared in constant time and never logged; only labels are recorded.
public struct APITokens: Sendable {
    private let entries: [(caller: APICaller, token: [UInt8])]

    /// Entries as above; blank ones are skipped.
    public init(_ entries: [String]) {
        var parsed: [(APICaller, [UInt8])] = []
        for entry in entries.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            if parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty {
                var role = APICaller.Role.counsellor
                if parts.count == 4, parts[2] == "employer", !parts[3].trimmingCharacters(in: .whitespaces).isEmpty {
                    role = .employer(parts[3].trimmingCharacters(in: .whitespaces))
                } else if parts.count > 2 && !(parts.count == 3 && parts[2] == "counsellor") {
                    continue  // an entry this version cannot read opens nothing
                }
                parsed.append((APICaller(label: parts[0], role: role), Array(parts[1].utf8)))
            } else if parts.count == 1 {
                parsed.append((APICaller(label: "token-\(parsed.count + 1)", role: .counsellor), Array(entry.utf8)))
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
        var found: APICaller?
        for entry in entries {
            let token = entry.token
            var difference = UInt8(token.count == offered.count ? 0 : 1)
            for index in 0..<max(token.count, offered.count) {
                difference |= (index < token.count ? token[index] : 0) ^ (index < offered.count ? offered[index] : 0)
            }
            if difference == 0 && found == nil { found = entry.caller }
        }
        return found
    }
}
