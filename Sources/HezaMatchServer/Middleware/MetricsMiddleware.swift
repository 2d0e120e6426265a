import Hummingbird

/// Counts every request and times it, by route template and status, for `/metrics`.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func record(_ status: Int, _ context: Context) {
            metrics.record(route: "\(request.method) \(context.endpointPath ?? "unmatched")", status: status,
                           duration: ContinuousClock.now - start)
        }
        do {
            let response = try await next(request, context)
            record(response.status.code, context)
            return response
        } catch let error as HTTPResponseError {
            record(error.status.code, context)
            throw error
        } catch {
            record(500, context)
            throw error
        }
    }
}
