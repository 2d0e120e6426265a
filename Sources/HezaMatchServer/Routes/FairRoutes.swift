import Foundation
import Hummingbird
import HezaMatchCore
import JobMatching
import JobRecords
import MatchRendering

extension HezaMatchAPI {
    /// `GET /v1/fair` (counsellors): a job fair's plan for `postings=P-1,P-2,…` or
    /// `batch=2026-09`, with `per_candidate`, `oversubscribe`, `minimum`, `min_score`,
    /// `as_of`. JSON without names or phones; `format=csv` or `html` (the booklet) with
    /// them, kept in the access record.
    func addFairRoutes(to routes: RouterGroup<APIRequestContext>) {
        routes.get("/v1/fair") { request, context -> Response in
            let caller = try context.counsellor()
            let format = request.query.get("format") ?? "json"
            guard ["json", "csv", "html"].contains(format) else { throw APIError.badRequest("format '\(format)' is not json, csv or html") }
            let fair = try fairRequest(request)
            let answer = try await board.fair(fair, requester: format == "json" ? nil : caller.requester)
            switch format {
            case "csv": return text(FairDocument(answer).csv, type: "text/csv; charset=utf-8")
            case "html": return text(try FairDocument(answer).html(), type: "text/html; charset=utf-8")
            default: return try answer.response(from: request, context: context)
            }
        }
    }

    /// The fair a request names: `postings` or `batch`, with its rules.
    func fairRequest(_ request: Request) throws -> FairRequest {
        let postings: [JobPosting]
        switch (request.text("postings"), request.text("batch")) {
        case (let ids?, nil):
            let list = ids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard (1...200).contains(list.count) else { throw APIError.badRequest("'postings' must name 1 to 200 postings") }
            postings = try board.fairPostings(ids: list)
        case (nil, let batch?):
            postings = try board.fairPostings(batch: batch)
        default:
            throw APIError.badRequest("give either 'postings' (ids separated by commas) or 'batch'")
        }
        var fair = FairRequest(postings: postings, asOf: try request.asOf())
        fair.perCandidate = try request.integer("per_candidate", default: 3, in: 1...20)
        fair.oversubscribe = try request.number("oversubscribe", default: 2, in: 0.1...100)
        fair.minimum = try request.integer("minimum", default: 10, in: 0...10_000)
        fair.minimumScore = try request.number("min_score", default: 0, in: -100...100)
        return fair
    }
}
