import Hummingbird
import HezaMatchCore
import JobRecords
import JobStorage
import MatchRendering
import VietnameseText

extension HezaMatchAPI {
    /// `GET /v1/jobs/{id}` (public), `GET /v1/jobs/{id}/shortlist` (JSON, CSV, HTML: a
    /// counsellor, or the posting's employer; recorded in the access record), `PUT` and
    /// `DELETE /v1/jobs/{id}` (counsellors).
    func addJobRoutes(public open: RouterGroup<APIRequestContext>, protected: RouterGroup<APIRequestContext>) {
        open.get("/v1/jobs/:id") { _, context -> JobPosting in
            let id = context.parameters.get("id") ?? ""
            guard let posting = try board.posting(id: id) else { throw APIError.notFound("no job \(id)") }
            return posting
        }
        protected.get("/v1/jobs/:id/shortlist") { request, context -> Response in
            guard let caller = context.caller else { throw APIError.unauthorized }
            let id = context.parameters.get("id") ?? ""
            let format = request.query.get("format") ?? "json"
            guard ["json", "csv", "html"].contains(format) else { throw APIError.badRequest("format '\(format)' is not json, csv or html") }
            if case .employer(let employer) = caller.role {
                // A booth sees the shortlists of its own postings, nothing of another's (not even whether it exists).
                guard let posting = try board.posting(id: id), Self.sameEmployer(posting.employer, employer) else { throw APIError.forbidden }
            }
            let categories = try request.values("category", CandidateCategory.self, what: "category")
            let answer = try await board.shortlist(for: id, asOf: try request.asOf(), limit: try request.integer("limit", default: 20, in: 1...500),
                                                   requester: caller.requester, action: format == "json" ? "shortlist" : "shortlist.\(format)",
                                                   categories: categories)
            switch format {
            case "csv": return text(ShortlistDocument(answer).csv, type: "text/csv; charset=utf-8")
            case "html": return text(try ShortlistDocument(answer).html(), type: "text/html; charset=utf-8")
            default: return try answer.response(from: request, context: context)
            }
        }
        protected.put("/v1/jobs/:id") { request, context -> Stored in
            _ = try context.counsellor()
            let id = context.parameters.get("id") ?? ""
            let record = try Self.singleRecord(JobPosting.self, body: try await request.bytes(upTo: maximumBodyBytes), id: id)
            try await board.upsert(postings: [record])
            return Stored(id: id, status: "stored")
        }
        protected.delete("/v1/jobs/:id") { _, context -> Stored in
            let caller = try context.counsellor()
            let id = context.parameters.get("id") ?? ""
            guard try await board.delete(.posting, id: id, requester: caller.requester) else { throw APIError.notFound("no job \(id)") }
            return Stored(id: id, status: "deleted")
        }
    }

    /// One record from a JSON object body, its id taken from the path (an `id` in the
    /// body is replaced: the path names the record).
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
        members["id"] = .string(id)
        let line = JSONValue.object(members).text
        return try JSONLinesLoader.load(type, from: Array(line.utf8), file: "request body")[0]
    }

    /// Whether two employer names are the same employer, compared folded (accents, case, spaces).
    static func sameEmployer(_ a: String, _ b: String) -> Bool { JobBoard.sameEmployer(a, b) }

    func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The answer to a write: `{"id": "P-0001", "status": "stored"}`.
struct Stored: ResponseEncodable {
    var id: String
    var status: String
}
