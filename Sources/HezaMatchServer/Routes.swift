import Foundation
import Hummingbird
import JobMatching
import SearchIndex
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// The Heza Works API (see `Sources/HezaMatchServer/openapi.yaml`).
///
/// Public: job search with highlights and facets, a job, title suggestions, health,
/// metrics. With a bearer token: a candidate's matches, a job's shortlist, and every
/// write. Personal data (names, phones) is only in shortlists, behind a token.
/// Nothing here logs requests, bodies or tokens.
public struct Routes: Sendable {
    public let service: JobService
    public let tokens: APITokens
    /// The largest request body accepted; larger ones get 413.
    public var maximumBodyBytes: Int
    let metrics = ServerMetrics()

    public init(service: JobService, tokens: APITokens, maximumBodyBytes: Int = 16 << 20) {
        self.service = service
        self.tokens = tokens
        self.maximumBodyBytes = maximumBodyBytes
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in await handle("healthz") { json(["status": "ok"]) } }
        router.get("/metrics") { _, _ in
            await handle("metrics") { text(metrics.render(indexes: service.indexFigures), type: "text/plain; version=0.0.4") }
        }
        router.get("/v1/jobs/search") { request, _ in await handle("search") { try search(request) } }
        router.get("/v1/suggest") { request, _ in
            await handle("suggest") {
                let query = request.uri.queryParameters.get("q") ?? ""
                return json(["suggestions": service.suggester.suggest(query, limit: try integer(request, "limit", default: 10, in: 1...50))])
            }
        }
        router.get("/v1/jobs/:id") { request, context in
            await handle("job") {
                let id = context.parameters.get("id") ?? ""
                guard let posting = try service.store.posting(id: id) else { throw APIError.notFound("no job \(id)") }
                return json(try postingObject(posting))
            }
        }
        router.get("/v1/jobs/:id/shortlist") { request, context in
            await handle("shortlist") { try authorize(request); return try shortlist(request, id: context.parameters.get("id") ?? "") }
        }
        router.get("/v1/candidates/:id/matches") { request, context in
            await handle("matches") { try authorize(request); return try matches(request, id: context.parameters.get("id") ?? "") }
        }
        router.put("/v1/jobs/:id") { request, context in
            await handle("put_job") { try await put(request, context, JobPosting.self) { try service.upsert(postings: [$0]) } }
        }
        router.put("/v1/candidates/:id") { request, context in
            await handle("put_candidate") { try await put(request, context, CandidateProfile.self) { try service.upsert(profiles: [$0]) } }
        }
        router.delete("/v1/jobs/:id") { request, context in
            await handle("delete_job") { try delete(request, context, what: "job", service.deletePosting(id:)) }
        }
        router.delete("/v1/candidates/:id") { request, context in
            await handle("delete_candidate") { try delete(request, context, what: "candidate", service.deleteProfile(id:)) }
        }
        router.post("/v1/import") { request, _ in
            await handle("import") {
                try authorize(request)
                let kind = request.uri.queryParameters.get("kind") ?? ""
                let bytes = try await body(request)
                switch kind {
                case "postings":
                    let records = try load(JobPosting.self, bytes)
                    try service.upsert(postings: records)
                    return json(["imported": records.count, "kind": kind])
                case "profiles":
                    let records = try load(CandidateProfile.self, bytes)
                    try service.upsert(profiles: records)
                    return json(["imported": records.count, "kind": kind])
                default:
                    throw APIError.badRequest("query parameter 'kind' must be 'postings' or 'profiles'")
                }
            }
        }
        return router
    }

    // MARK: Handlers

    private func search(_ request: Request) throws -> Response {
        let parameters = request.uri.queryParameters
        let page = try integer(request, "page", default: 1, in: 1...10_000)
        let perPage = try integer(request, "per_page", default: 10, in: 1...100)
        var search = JobMatcher.Search(text: parameters.get("q") ?? "", asOf: try asOf(request))
        search.zone = parameters.get("zone").flatMap { $0.isEmpty ? nil : $0 }
        search.district = parameters.get("district").flatMap { $0.isEmpty ? nil : $0 }
        if let education = parameters.get("education"), !education.isEmpty {
            guard let level = EducationLevel(rawValue: education) else {
                throw APIError.badRequest("unknown education level '\(education)'", details: EducationLevel.allCases.map(\.rawValue))
            }
            search.education = level
        }
        if let audience = parameters.get("audience"), !audience.isEmpty {
            guard let category = CandidateCategory(rawValue: audience) else {
                throw APIError.badRequest("unknown audience '\(audience)'", details: CandidateCategory.allCases.map(\.rawValue))
            }
            search.audience = category
        }
        search.offset = (page - 1) * perPage
        search.limit = perPage
        search.facets = ["zone", "education_min", "audience"]
        let result = try service.matcher.search(search, postings: service.postings, lookup: service.store.posting(id:))
        let terms = Highlighter.terms(of: search.text)
        let hits: [[String: Any]] = try result.hits.map { ranked in
            var object = try postingObject(ranked.posting)
            object["score"] = ranked.score
            object["explanation"] = ranked.explanation
            object["highlights"] = ["title": Highlighter.html(ranked.posting.title, terms: terms),
                                    "skills": Highlighter.html((ranked.posting.skills ?? []).joined(separator: ", "), terms: terms)]
            return object
        }
        func facet(_ name: String) -> [[String: Any]] {
            (result.facets[name] ?? []).map { ["value": $0.value, "count": $0.count] }
        }
        return json(["total": result.total, "page": page, "per_page": perPage, "results": hits,
                     "facets": ["zone": facet("zone"), "education": facet("education_min"), "audience": facet("audience")]])
    }

    private func matches(_ request: Request, id: String) throws -> Response {
        guard let profile = try service.store.profile(id: id) else { throw APIError.notFound("no candidate \(id)") }
        let ranked = try service.matcher.match(profile: profile, asOf: try asOf(request), limit: try integer(request, "limit", default: 10, in: 1...200),
                                               postings: service.postings, lookup: service.store.posting(id:))
        return json(["results": ranked.map { ["id": $0.posting.id, "score": $0.score, "explanation": $0.explanation,
                                               "title": $0.posting.title, "employer": $0.posting.employer] as [String: Any] }])
    }

    private func shortlist(_ request: Request, id: String) throws -> Response {
        guard let posting = try service.store.posting(id: id) else { throw APIError.notFound("no job \(id)") }
        let day = try asOf(request)
        let ranked: [RankedCandidate]
        do {
            ranked = try service.matcher.shortlist(posting: posting, asOf: day, limit: try integer(request, "limit", default: 20, in: 1...500),
                                                   profiles: service.profiles, lookup: service.store.profile(id:))
        } catch let error as MatchError {
            throw APIError(status: .conflict, code: error.code.rawValue, message: error.message)
        }
        let document = ShortlistDocument(posting: posting, asOf: day, candidates: ranked)
        switch request.uri.queryParameters.get("format") ?? "json" {
        case "json":
            return json(["results": ranked.map { candidate -> [String: Any] in
                var object: [String: Any] = ["id": candidate.profile.id, "score": candidate.score, "explanation": candidate.explanation,
                                             "name": candidate.profile.name, "category": candidate.profile.category.rawValue]
                if let phone = candidate.profile.phone { object["phone"] = phone }
                return object
            }])
        case "csv": return text(document.csv, type: "text/csv; charset=utf-8")
        case "html": return text(document.html, type: "text/html; charset=utf-8")
        case let other: throw APIError.badRequest("format '\(other)' is not json, csv or html")
        }
    }

    /// `PUT /v1/…/{id}`: one record from a JSON body, stored by `store`.
    private func put<T: Decodable & Sendable>(_ request: Request, _ context: BasicRequestContext, _ type: T.Type,
                                              store: (JSONLinesLoader.Record<T>) throws -> Void) async throws -> Response {
        try authorize(request)
        let id = context.parameters.get("id") ?? ""
        try store(try singleRecord(type, body: try await body(request), id: id))
        return json(["id": id, "status": "stored"])
    }

    /// `DELETE /v1/…/{id}`: 404 when `remove` finds nothing to delete.
    private func delete(_ request: Request, _ context: BasicRequestContext, what: String, _ remove: (String) throws -> Bool) throws -> Response {
        try authorize(request)
        let id = context.parameters.get("id") ?? ""
        guard try remove(id) else { throw APIError.notFound("no \(what) \(id)") }
        return json(["id": id, "status": "deleted"])
    }

    // MARK: Helpers

    /// Runs a handler, turns errors into JSON answers, and counts the request.
    private func handle(_ route: String, _ body: () async throws -> Response) async -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var response: Response
        do {
            response = try await body()
        } catch let error as APIError {
            response = errorResponse(error)
        } catch let failure as LoadFailure {
            response = errorResponse(.badRequest("the input was refused; nothing was stored", details: failure.problems.map(\.description)
                + (failure.count > failure.problems.count ? ["… and \(failure.count - failure.problems.count) more"] : [])))
        } catch let error as IndexError {
            response = errorResponse(.badRequest(error.message))
        } catch {
            response = errorResponse(APIError(status: .internalServerError, code: "internal", message: "internal error"))
        }
        let elapsed = clock.now - start
        metrics.record(route: route, status: response.status.code,
                       seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        return response
    }

    private func authorize(_ request: Request) throws {
        guard tokens.accepts(authorization: request.headers[.authorization]) else { throw APIError.unauthorized }
    }

    private func body(_ request: Request) async throws -> [UInt8] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodyBytes)
        } catch {
            throw APIError(status: .contentTooLarge, code: "too_large", message: "the body is over \(maximumBodyBytes) bytes")
        }
        return Array(buffer.readableBytesView)
    }

    private func load<T: Decodable & Sendable>(_ type: T.Type, _ bytes: [UInt8]) throws -> [JSONLinesLoader.Record<T>] {
        try JSONLinesLoader.load(type, from: bytes, file: "request body")
    }

    /// One record from a JSON object body, its id taken from the path.
    private func singleRecord<T: Decodable & Sendable>(_ type: T.Type, body: [UInt8], id: String) throws -> JSONLinesLoader.Record<T> {
        guard String(validating: body, as: UTF8.self) != nil else { throw APIError.badRequest("the body is not valid UTF-8") }
        guard var object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw APIError.badRequest("the body is not a JSON object")
        }
        if let given = object["id"] as? String, given != id {
            throw APIError.badRequest("the body's id '\(given)' is not the path's id '\(id)'")
        }
        object["id"] = id
        let line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return try load(type, Array(line))[0]
    }

    private func integer(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters.get(name), !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badRequest("'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private func asOf(_ request: Request) throws -> CalendarDate {
        if let text = request.uri.queryParameters.get("as_of"), !text.isEmpty {
            guard let date = CalendarDate(text) else { throw APIError.badRequest("'as_of' must be a date as YYYY-MM-DD") }
            return date
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// A posting as SCHEMA.md writes it (absent fields left out).
    private func postingObject(_ posting: JobPosting) throws -> [String: Any] {
        var object: [String: Any] = ["id": posting.id, "employer": posting.employer, "title": posting.title]
        func put(_ key: String, _ value: Any?) { if let value { object[key] = value } }
        put("zone", posting.zone)
        put("district", posting.district)
        put("description", posting.description)
        put("requirements", posting.requirements)
        put("skills", posting.skills)
        put("education_min", posting.educationMin?.rawValue)
        put("audiences", posting.audiences?.map(\.rawValue))
        put("openings", posting.openings)
        put("age_min", posting.ageMin)
        put("age_max", posting.ageMax)
        put("salary_min", posting.salaryMin)
        put("salary_max", posting.salaryMax)
        put("housing", posting.housing)
        put("posted", posting.posted?.description)
        put("deadline", posting.deadline?.description)
        return object
    }

    private func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(object))))
    }

    private func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func errorResponse(_ error: APIError) -> Response {
        var object: [String: Any] = ["code": error.code, "message": error.message]
        if !error.details.isEmpty { object["details"] = error.details }
        return json(["error": object], status: error.status)
    }
}
