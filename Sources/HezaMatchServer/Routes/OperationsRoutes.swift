import Hummingbird
import HezaMatchCore

extension HezaMatchAPI {
    /// `GET /healthz` (each table's sequence in the store and in the index, and the
    /// lag), `GET /metrics` (Prometheus text).
    func addOperationsRoutes(to routes: RouterGroup<APIRequestContext>) {
        routes.get("/healthz") { _, _ -> Health in
            let status = try board.status()
            return Health(status: status.tables.allSatisfy { ($0.lag ?? 0) == 0 } ? "ok" : "catching_up", tables: status.tables)
        }
        routes.get("/metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render(indexes: board.indexFigures))))
        }
    }
}

/// `GET /healthz`'s answer.
struct Health: ResponseEncodable {
    var status: String
    var tables: [BoardStatus.Table]
}
