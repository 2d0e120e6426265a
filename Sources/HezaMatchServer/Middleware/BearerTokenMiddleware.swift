import Hummingbird

/// Reads `Authorization: Bearer TOKEN` and sets ``APIRequestContext/caller`` to the
/// token's label; on the protected routes (`required`), a request without a valid
/// token is answered 401 before any handler runs, with no data.
///
/// Tokens are compared in constant time and never logged or echoed.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let tokens: APITokens
    let required: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.caller = tokens.caller(authorization: request.headers[.authorization])
        if required && context.caller == nil { throw APIError.unauthorized }
        return try await next(request, context)
    }
}
