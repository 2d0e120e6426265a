import Hummingbird
import HezaMatchCore

extension HezaMatchAPI {
    /// `GET /healthz` (each table's sequence in the store and in the index, and the
    /// lag; 503 `store_unreachable` when the store cannot be read), `GET /metrics` (Prometheus text).
    func addOperationsRoutes(to routes: RouterGroup<APIRequestContext>) {
        routes.get("/healthz") { _, _ -> Health in
            // A replica whose store cannot be read still serves searches from its indexes; it says so here.
            let status: BoardStatus
            do { status = try board.status() } catch {
                throw APIError(status: .serviceUnavailable, code: "store_unreachable",
                               message: "the store cannot be read: this server's indexes may be behind it")
            }
            return Health(status: status.tables.allSatisfy { ($0.lag ?? 0) == 0 } ? "ok" : "catching_up", tables: status.tables, store: status.store)
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
    /// The store's identity, which every saved index names.
    var store: String?
}
