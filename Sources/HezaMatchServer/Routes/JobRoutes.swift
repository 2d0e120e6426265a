import Hummingbird
import HezaMatchCore
import JobRecords
import JobStorage
import MatchRendering

extension HezaMatchAPI {
    /// `GET /v1/jobs/{id}` (public), `GET /v1/jobs/{id}/shortlist` (JSON, CSV, HTML),
    /// `PUT` and `DELETE /v1/jobs/{id}` (protected).
    func addJobRoutes(public open: RouterGroup<APIRequestContext>, protected: RouterGroup<APIRequestContext>) {
        open.get("/v1/jobs/:id") { _, context -> JobPosting in
            let id = context.parameters.get("id") ?? ""
            guard let posting = try board.posting(id: id) else { throw APIError.notFound("no job \(id)") }
            return posting
        }
        protected.get("/v1/jobs/:id/shortlist") { request, context -> Response in
            let answer = try board.shortlist(for: context.parameters.get("id") ?? "", asOf: try request.asOf(),
                                             limit: try request.integer("limit", default: 20, in: 1...500))
            switch request.uri.queryParameters.get("format") ?? "json" {
            case "json": return try answer.response(from: request, context: context)
            case "csv": return text(ShortlistDocument(answer).csv, type: "text/csv; charset=utf-8")
            case "html": return text(ShortlistDocument(answer).html, type: "text/html; charset=utf-8")
            case let other: throw APIError.badRequest("format '\(other)' is not json, csv or html")
            }
        }
        protected.put("/v1/jobs/:id") { request, context -> Stored in
            let id = context.parameters.get("id") ?? ""
            let record = try Self.singleRecord(JobPosting.self, body: try await request.bytes(upTo: maximumBodyBytes), id: id)
            try await board.upsert(postings: [record])
            return Stored(id: id, status: "stored")
        }
        protected.delete("/v1/jobs/:id") { _, context -> Stored in
            let id = context.parameters.get("id") ?? ""
            guard try await board.delete(.posting, id: id) else { throw APIError.notFound("no job \(id)") }
            return Stored(id: id, status: "deleted")
        }
    }

    /// One record from a JSON object body, its id taken from the path.
    static func singleRecord<Record: JSONRecord>(_ type: Record.Type, body: [UInt8], id: String) throws -> JSONLinesLoader.Record<Record> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch .invalidUTF8 {
            throw APIError.badRequest("the body is not valid UTF-8")
        } catch {
            throw APIError.badRequest("the body is not valid JSON")
        }
        guard case .object(var members) = value else { throw APIError.badRequest("the body is not a JSON object") }
        if case .string(let given)? = members["id"], given != id {
            throw APIError.badRequest("the body's id '\(given)' is not the path's id '\(id)'")
        }
        members["id"] = .string(id)
        let line = JSONValue.object(members).text
        return try JSONLinesLoader.load(type, from: Array(line.utf8), file: "request body")[0]
    }

    func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The answer to a write: `{"id": "P-0001", "status": "stored"}`.
struct Stored: ResponseEncodable {
    var id: String
    var status: String
}
