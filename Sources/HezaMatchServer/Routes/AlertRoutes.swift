import Foundation
import Hummingbird
import HezaMatchCore
import JobRecords

extension HezaMatchAPI {
    /// `POST /v1/alerts` (a counsellor's token: active at once, any delivery; without a token: an e-mail only, a saved
    /// search only, pending until confirmed), `GET /v1/alerts`, `GET` and `DELETE /v1/alerts/{id}` (counsellors),
    /// `GET /v1/alerts/confirm?token=`, `GET` or `POST /v1/alerts/unsubscribe?token=` (the links in messages: a page
    /// for a browser, JSON otherwise).
    func addAlertRoutes(open: RouterGroup<APIRequestContext>, protected: RouterGroup<APIRequestContext>, pages: PageRenderer) {
        open.post("/v1/alerts") { httpRequest, context -> EditedResponse<AlertCreated> in
            let keeper = try alertKeeper()
            let text = String(decoding: try await httpRequest.bytes(upTo: 64 << 10), as: UTF8.self)
            let request: JobAlert.Request
            switch JobAlert.Request.read(text) {
            case .success(let read): request = read
            case .failure(let problems): throw APIError.badRequest("the alert cannot be read", details: problems.problems.map { "field '\($0.field ?? "(the body)")': \($0.message)" })
            }
            let confirmed: Bool
            let createdBy: String
            if let caller = context.caller {
                guard case .counsellor = caller.role else { throw APIError.forbidden }
                confirmed = true
                createdBy = caller.requester.label
                if case .webhook(let url) = request.delivery {
                    do { _ = try webhookPolicy.check(url) } catch { throw APIError.badRequest(String(describing: error)) }
                }
            } else {
                guard request.delivery.isEmail else {
                    throw APIError(status: .forbidden, code: "forbidden", message: "only a counsellor's token may deliver to a webhook")
                }
                guard case .search = request.subject else {
                    throw APIError(status: .forbidden, code: "forbidden", message: "only a counsellor's token may subscribe a candidate's profile")
                }
                confirmed = false
                createdBy = "public"
            }
            let alert = try await keeper.add(request, createdBy: createdBy, confirmed: confirmed)
            return EditedResponse(status: .created, response: AlertCreated(id: alert.id, status: alert.status.rawValue))
        }
        protected.get("/v1/alerts") { request, context -> AlertList in
            _ = try context.counsellor()
            let keeper = try alertKeeper()
            let limit = try request.integer("limit", default: 100, in: 1...1_000)
            let alerts = try keeper.alerts(after: request.uri.queryParameters.get("after"),
                                                 profile: request.uri.queryParameters.get("profile"), limit: limit)
            return AlertList(alerts: alerts.map(AlertAnswer.init))
        }
        protected.get("/v1/alerts/:id") { _, context -> AlertAnswer in
            _ = try context.counsellor()
            let id = context.parameters.get("id") ?? ""
            guard let alert = try alertKeeper().alert(id: id) else { throw APIError.notFound("no alert \(id)") }
            return AlertAnswer(alert)
        }
        protected.delete("/v1/alerts/:id") { _, context -> Stored in
            let caller = try context.counsellor()
            let id = context.parameters.get("id") ?? ""
            guard try await alertKeeper().remove(id: id, by: caller.requester.label) else { throw APIError.notFound("no alert \(id)") }
            return Stored(id: id, status: "deleted")
        }
        open.get("/v1/alerts/confirm") { request, context -> Response in
            let token = request.uri.queryParameters.get("token") ?? ""
            guard let alert = try alertKeeper().confirm(token: token) else {
                return try linkAnswer(request, context, pages, status: .notFound, id: nil, state: "not_found",
                                      heading: "Liên kết không còn hiệu lực", message: "Thông báo này không có, hoặc đã bị hủy.")
            }
            return try linkAnswer(request, context, pages, status: .ok, id: alert.id, state: alert.status.rawValue,
                                  heading: "Đã xác nhận", message: "Bạn sẽ nhận thư khi có việc làm mới phù hợp. Mỗi thư có liên kết để hủy.")
        }
        for method in [HTTPRequest.Method.get, .post] {
            open.on("/v1/alerts/unsubscribe", method: method) { request, context -> Response in
                let token = request.uri.queryParameters.get("token") ?? ""
                guard let alert = try await alertKeeper().unsubscribe(token: token) else {
                    return try linkAnswer(request, context, pages, status: .notFound, id: nil, state: "not_found",
                                          heading: "Liên kết không còn hiệu lực", message: "Thông báo này không có, hoặc đã được hủy trước đó.")
                }
                return try linkAnswer(request, context, pages, status: .ok, id: alert.id, state: "deleted",
                                      heading: "Đã hủy nhận thông báo", message: "Bạn sẽ không nhận thêm thư nào cho thông báo này.")
            }
        }
    }

    func alertKeeper() throws -> AlertKeeper {
        guard let alerts else {
            throw APIError(status: .serviceUnavailable, code: "alerts_off", message: "job alerts are not served here (this store keeps none)")
        }
        return alerts
    }

    /// A confirmation or unsubscribe link's answer: a page for a browser, `{"id", "status"}` for a program.
    private func linkAnswer(_ request: Request, _ context: APIRequestContext, _ pages: PageRenderer, status: HTTPResponse.Status,
                            id: String?, state: String, heading: String, message: String) throws -> Response {
        if request.headers[.accept]?.contains("text/html") == true {
            return pages.page("message", title: heading, context: ["heading": heading, "message": message, "back": "/"], status: status)
        }
        if id == nil { throw APIError.notFound("no alert has this token") }
        return try AlertCreated(id: id!, status: state).response(from: request, context: context)
    }
}
