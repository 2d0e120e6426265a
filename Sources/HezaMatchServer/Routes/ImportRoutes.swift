import Hummingbird
import HezaMatchCore
import JobRecords

extension HezaMatchAPI {
    /// `POST /v1/import?kind=postings|profiles[&encoding=auto|utf8|tcvn3|vni|viscii|cp1258|viqr]`: a JSON
    /// Lines body, all or nothing (``ImportTranscoder`` for the encodings). Counsellors only.
    func addImportRoutes(to routes: RouterGroup<APIRequestContext>) {
        routes.post("/v1/import") { request, context -> Imported in
            _ = try context.counsellor()
            let kind = request.query.get("kind") ?? ""
            guard kind == "postings" || kind == "profiles" else {
                throw APIError.badRequest("query parameter 'kind' must be 'postings' or 'profiles'")
            }
            let encodingName = request.query.get("encoding") ?? "auto"
            guard let encoding = ImportEncoding(rawValue: encodingName) else {
                throw APIError.badRequest("unknown encoding '\(encodingName)'", details: ImportEncoding.allCases.map(\.rawValue))
            }
            let transcoder = ImportTranscoder(encoding)
            let bytes = try await request.bytes(upTo: maximumBodyBytes)
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
                throw APIError.badRequest("the body is empty: send JSON Lines, one record a line")
            }
            if kind == "postings" {
                let records = try JSONLinesLoader.load(JobPosting.self, from: bytes, file: "request body", transform: transcoder.transform)
                try await board.upsert(postings: records)
                return Imported(imported: records.count, kind: kind, encoding: transcoder.summary)
            } else {
                let records = try JSONLinesLoader.load(CandidateProfile.self, from: bytes, file: "request body", transform: transcoder.transform)
                try await board.upsert(profiles: records)
                return Imported(imported: records.count, kind: kind, encoding: transcoder.summary)
            }
        }
    }
}

/// The answer to an import: `{"imported": 5000, "kind": "profiles"}`, and what was read in an
/// old encoding or repaired (`"encoding": "12 lines read as TCVN3 (ABC), from line 1 ('title')"`).
struct Imported: ResponseEncodable {
    var imported: Int
    var kind: String
    var encoding: String?
}
