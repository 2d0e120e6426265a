import Hummingbird
import HezaMatchCore
import JobRecords
import MatchRendering

extension HezaMatchAPI {
    /// `GET /v1/candidates/{id}/matches`, `PUT` and `DELETE /v1/candidates/{id}`: counsellors only.
    func addCandidateRoutes(to routes: RouterGroup<APIRequestContext>) {
        routes.get("/v1/candidates/:id/matches") { request, context -> MatchAnswer in
            let caller = try context.counsellor()
            return try await board.matches(for: context.parameters.get("id") ?? "", asOf: try request.asOf(),
                                           limit: try request.integer("limit", default: 10, in: 1...200), requester: caller.requester)
        }
        routes.put("/v1/candidates/:id") { request, context -> Stored in
            _ = try context.counsellor()
            let id = context.parameters.get("id") ?? ""
            let record = try Self.singleRecord(CandidateProfile.self, body: try await request.bytes(upTo: maximumBodyBytes), id: id)
            try await board.upsert(profiles: [record])
            return Stored(id: id, status: "stored")
        }
        routes.delete("/v1/candidates/:id") { _, context -> Stored in
            let caller = try context.counsellor()
            let id = context.parameters.get("id") ?? ""
            guard try await board.delete(.profile, id: id, requester: caller.requester) else { throw APIError.notFound("no candidate \(id)") }
            return Stored(id: id, status: "deleted")
        }
    }
}
