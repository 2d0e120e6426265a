import Hummingbird

/// The API's limits on what a request may ask, answered at once and before any work:
///
/// | limit | answer |
/// |---|---|
/// | a URL over ``maximumURIBytes`` (8 KB) | 414, JSON |
/// | a `q` over ``maximumQueryCharacters`` (500 characters) | 400, JSON |
/// | `page` over 100 or `per_page` over 100 (the search route: 10,000 results deep at most) | 400 |
/// | a body over the server's limit (16 MB; the import route too) | 413, before it is read further |
///
/// Headers of more than about 80 KB (the URL included) are refused by the HTTP parser itself
/// with a 400 and the connection closed, before this middleware sees them.
struct RequestLimitsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    static let maximumURIBytes = 8 * 1024
    static let maximumQueryCharacters = 500

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.description.utf8.count <= Self.maximumURIBytes else {
            throw APIError(status: .uriTooLong, code: "uri_too_long", message: "the URL is over \(Self.maximumURIBytes) bytes")
        }
        if let query = request.query.get("q"), query.count > Self.maximumQueryCharacters {
            throw APIError.badRequest("'q' is over \(Self.maximumQueryCharacters) characters")
        }
        return try await next(request, context)
    }
}
