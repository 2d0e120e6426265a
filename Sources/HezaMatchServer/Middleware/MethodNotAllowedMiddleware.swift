import Hummingbird
import Synchronization

/// Answers 405 with an `Allow` header, instead of the router's bare 404, when a path
/// exists but not with the request's method (`TRACE /healthz`, `POST /v1/jobs/search`).
/// The paths and their methods are the router's own (``RouteMethods``), read once every route is added.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = routes.methods(of: request.uri.path), !methods.contains(request.method) else { throw error }
            var refusal = APIError(status: .methodNotAllowed, code: "method_not_allowed",
                                   message: "\(request.method) is not a method of \(request.uri.path)")
            refusal.headers = [.allow: methods.map(\.rawValue).joined(separator: ", ")]
            throw refusal
        }
    }
}

/// The router's paths (`{id}` or `*` for any one segment) and their methods, from `Router.routes`.
final class RouteMethods: Sendable {
    private let table = Mutex<[(path: [String], methods: [HTTPRequest.Method])]>([])

    /// The order methods are listed in an `Allow` header.
    private static let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// Reads the router's routes; called once every route is added, before the server starts.
    func record(_ routes: [Router<APIRequestContext>.RouteDescription]) {
        var byPath: [String: (path: [String], methods: Set<HTTPRequest.Method>)] = [:]
        for route in routes {
            let segments = route.path.components.map { element -> String in
                let text = element.description
                return text.hasPrefix("{") || text == "*" ? "{}" : text
            }
            byPath[segments.joined(separator: "/"), default: (segments, [])].methods.insert(route.method)
        }
        let entries = byPath.values.map { entry in
            (entry.path, Self.order.filter(entry.methods.contains) + entry.methods.filter { !Self.order.contains($0) }.sorted { $0.rawValue < $1.rawValue })
        }
        table.withLock { $0 = entries }
    }

    /// The methods of the route that `path` names (the most specific: literal segments before captures), or `nil`.
    ///
    /// - Complexity: O(*r* · *s*) for *r* routes of *s* segments.
    func methods(of path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return table.withLock { routes in
            routes.filter { route in
                route.path.count == segments.count && zip(route.path, segments).allSatisfy { $0 == "{}" || $0 == $1 }
            }.min { $0.path.filter { $0 == "{}" }.count < $1.path.filter { $0 == "{}" }.count }?.methods
        }
    }
}
