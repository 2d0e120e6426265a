import Hummingbird

/// Answers 405 with an `Allow` header, instead of the router's bare 404, when a path
/// exists but not with the request's method (`TRACE /healthz`, `POST /v1/jobs/search`).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// The API's paths (`:id` for any one segment) and their methods (see `openapi.yaml`).
    static let routes: [(path: [String], methods: [HTTPRequest.Method])] = [
        (["healthz"], [.get]), (["metrics"], [.get]), (["v1", "jobs", "search"], [.get]), (["v1", "suggest"], [.get]),
        (["v1", "jobs", ":id"], [.get, .put, .delete]), (["v1", "jobs", ":id", "shortlist"], [.get]),
        (["v1", "candidates", ":id"], [.put, .delete]), (["v1", "candidates", ":id", "matches"], [.get]), (["v1", "import"], [.post]),
        (["v1", "fair"], [.get]),
    ]

    /// The methods of the route that `path` names, or `nil`.
    static func methods(of path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        // The most specific route first: literal segments before `:id`.
        return routes.filter { route in
            route.path.count == segments.count && zip(route.path, segments).allSatisfy { $0 == ":id" || $0 == $1 }
        }.min { $0.path.filter { $0 == ":id" }.count < $1.path.filter { $0 == ":id" }.count }?.methods
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = Self.methods(of: request.uri.path), !methods.contains(request.method) else { throw error }
            var refusal = APIError(status: .methodNotAllowed, code: "method_not_allowed",
                                   message: "\(request.method) is not a method of \(request.uri.path)")
            refusal.headers = [.allow: methods.map(\.rawValue).joined(separator: ", ")]
            throw refusal
        }
    }
}
