import Hummingbird

/// Cross-origin requests from the pages the operator allows (`hezamatch serve --cors-origin https://…`):
/// Hummingbird's ``CORSMiddleware`` answers their preflight and adds `Access-Control-Allow-Origin`; a request
/// from any other origin gets no CORS header at all (a browser then keeps the answer from that page).
struct CORSForAllowedOriginsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let origins: Set<String>
    private let cors = CORSMiddleware<APIRequestContext>(
        allowOrigin: .originBased,
        allowHeaders: [.accept, .contentType, .authorization, .ifNoneMatch],
        allowMethods: [.get, .head, .options, .post, .put, .delete, .patch],
        exposedHeaders: ["ETag"],
        maxAge: .seconds(600))

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) else { return try await next(request, context) }
        return try await cors.handle(request, context: context, next: next)
    }
}
