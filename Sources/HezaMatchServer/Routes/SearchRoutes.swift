import Hummingbird
import HezaMatchCore
import JobMatching
import JobRecords
import MatchRendering

extension HezaMatchAPI {
    /// `GET /v1/jobs/search`, `GET /v1/suggest`: what the job page calls as people type.
    func addSearchRoutes(to routes: RouterGroup<APIRequestContext>) {
        routes.get("/v1/jobs/search") { request, _ -> SearchAnswer in
            let perPage = try request.integer("per_page", default: 10, in: 1...100)
            let page = try request.integer("page", default: 1, in: 1...100)
            var search = JobMatcher.Search(text: request.query.get("q") ?? "", asOf: try request.asOf())
            search.zone = request.text("zone")
            search.district = request.text("district")
            search.near = request.text("near")
            if request.query.get("within_km") != nil {
                guard search.near != nil else { throw APIError.badRequest("'within_km' needs 'near'") }
                search.withinKilometres = try request.number("within_km", default: 0, in: 0.1...2_000)
            }
            search.education = try request.value("education", EducationLevel.self, what: "education level")
            search.audience = try request.value("audience", CandidateCategory.self, what: "audience")
            search.offset = (page - 1) * perPage
            search.limit = perPage
            search.understands = try request.boolean("understand", default: true)
            return try board.search(search)
        }
        routes.get("/v1/suggest") { request, _ -> Suggestions in
            Suggestions(suggestions: try board.suggestions(prefix: request.query.get("q") ?? "",
                                                           limit: try request.integer("limit", default: 10, in: 1...50)))
        }
    }
}

/// `GET /v1/suggest`'s answer.
struct Suggestions: ResponseEncodable {
    var suggestions: [String]
}

