import Foundation
import HezaMatchCore
import Hummingbird
import JobRecords

/// Caching for the public answers that depend only on the postings and the day (a search, a job, title
/// suggestions): a weak `ETag` of the postings index's last change, the day and the request's URL, and
/// `Cache-Control: public, max-age=60`. A request whose `If-None-Match` names the current tag gets 304 before
/// any search runs. Answers behind a token, and `/healthz` and `/metrics`, are never marked cacheable.
struct PublicCacheMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let board: JobBoard
    static let maxAge = 60

    static func isCacheable(_ request: Request) -> Bool {
        guard request.method == .get || request.method == .head, request.headers[.authorization] == nil else { return false }
        let path = request.uri.path
        if path == "/v1/jobs/search" || path == "/v1/suggest" { return true }
        // A job: /v1/jobs/ID, not its shortlist.
        return path.hasPrefix("/v1/jobs/") && path.dropFirst("/v1/jobs/".count).allSatisfy { $0 != "/" }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isCacheable(request), let version = try? board.postingsVersion() else { return try await next(request, context) }
        let tag = Self.tag(version: version, day: CalendarDate.today, uri: request.uri.description)
        if let asked = request.headers[.ifNoneMatch], asked.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag }) {
            return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "public, max-age=\(Self.maxAge)"])
        }
        var response = try await next(request, context)
        if response.status == .ok {
            response.headers[.eTag] = tag
            response.headers[.cacheControl] = "public, max-age=\(Self.maxAge)"
        }
        return response
    }

    /// `W/"<change>-<day>-<hash of the URL>"`: weak, since the bytes differ by encoding (gzip or not).
    static func tag(version: Int64, day: CalendarDate, uri: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in uri.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "W/\"\(version)-\(day.number)-\(String(hash, radix: 16))\""
    }
}
