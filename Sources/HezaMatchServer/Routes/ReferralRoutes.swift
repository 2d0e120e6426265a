import Foundation
import Hummingbird
import HezaMatchCore
import JobMatching
import JobRecords
import MatchRendering

extension HezaMatchAPI {
    /// `POST /v1/referrals` (counsellors), `GET /v1/referrals` and `GET /v1/referrals/{id}` (counsellors; a booth its own
    /// postings' only), `PATCH /v1/referrals/{id}` (the employer's answer, or a counsellor's record of it: 409 for a move
    /// the state machine does not allow, 403 for one that is not the caller's), `POST /v1/fair/referrals` (a whole booth of
    /// a fair's plan), `GET /v1/outcomes` (counsellors).
    func addReferralRoutes(to routes: RouterGroup<APIRequestContext>) {
        routes.post("/v1/referrals") { request, context -> EditedResponse<ReferralCreated> in
            let caller = try context.counsellor()
            let fields = try Self.jsonFields(try await request.bytes(upTo: 16 << 10))
            let asked: Referral.Request
            do { asked = try Referral.Request(fields: fields) } catch let problem as JSONFields.Problem { throw Self.fieldProblem("the referral cannot be read", problem) }
            let referral = try await board.refer(asked, source: .api, asOf: try request.asOf(), requester: caller.requester)
            return EditedResponse(status: .created, response: ReferralCreated(id: referral.id, status: referral.status.rawValue, rank: referral.rank))
        }
        routes.get("/v1/referrals") { request, context -> ReferralList in
            let caller = try context.caller.orThrow(APIError.unauthorized)
            let status = try request.value("status", Referral.Status.self, what: "status")
            let contacts = try request.boolean("contacts", default: false)
            let found = try board.referrals(posting: request.text("posting"), candidate: request.text("candidate"), status: status,
                                            for: caller.referralActor, limit: try request.integer("limit", default: 100, in: 1...1_000))
            // Names and phones only when asked for (an employer's screen), and recorded.
            let people = contacts ? try await board.referralContacts(found, requester: caller.requester) : [:]
            return ReferralList(referrals: found.map { referral in
                ReferralAnswer(referral, contact: referral.candidate.flatMap { people[$0] })
            })
        }
        routes.get("/v1/referrals/:id") { _, context -> ReferralAnswer in
            let caller = try context.caller.orThrow(APIError.unauthorized)
            let id = context.parameters.get("id") ?? ""
            guard let referral = try board.referral(id: id, for: caller.referralActor) else { throw APIError.notFound("no referral \(id)") }
            return ReferralAnswer(referral, contact: nil)
        }
        routes.patch("/v1/referrals/:id") { request, context -> ReferralAnswer in
            let caller = try context.caller.orThrow(APIError.unauthorized)
            let id = context.parameters.get("id") ?? ""
            let fields = try Self.jsonFields(try await request.bytes(upTo: 16 << 10))
            let answer: Referral.Answer
            do { answer = try Referral.Answer(fields: fields) } catch let problem as JSONFields.Problem { throw Self.fieldProblem("the answer cannot be read", problem) }
            return ReferralAnswer(try await board.answerReferral(id: id, answer, by: caller.referralActor), contact: nil)
        }
        routes.post("/v1/fair/referrals") { request, context -> EditedResponse<BoothReferred> in
            let caller = try context.counsellor()
            guard let posting = request.text("posting") else { throw APIError.badRequest("'posting' names the booth to refer") }
            let fair = try fairRequest(request)
            let made = try await board.referFairBooth(fair, posting: posting, note: request.text("note"), requester: caller.requester)
            return EditedResponse(status: .created, response: BoothReferred(posting: posting, referred: made.count, referrals: made.map(\.id)))
        }
        routes.get("/v1/report") { request, context -> Response in
            _ = try context.counsellor()
            guard let from = try request.date("from"), let to = try request.date("to") else {
                throw APIError.badRequest("'from' and 'to' are required (YYYY-MM-DD)")
            }
            guard from <= to else { throw APIError.badRequest("'from' is after 'to'") }
            let format = request.query.get("format") ?? "json"
            guard ["json", "csv", "html"].contains(format) else { throw APIError.badRequest("format '\(format)' is not json, csv or html") }
            let report = try board.labourReport(from: from, to: to, zone: request.text("zone"))
            let document = LabourReportDocument(report, today: CalendarDate.today)
            switch format {
            case "csv": return text(document.csv, type: "text/csv; charset=utf-8")
            case "html": return text(try document.html(), type: "text/html; charset=utf-8")
            default: return try report.response(from: request, context: context)
            }
        }
        routes.get("/v1/outcomes") { request, context -> OutcomeReport in
            _ = try context.counsellor()
            let grouping = try request.value("by", OutcomeReport.Grouping.self, what: "grouping")
            return try board.outcomes(from: try request.date("from"), to: try request.date("to"), groupedBy: grouping)
        }
    }

    /// The fields of a JSON object body, or 400.
    static func jsonFields(_ body: [UInt8]) throws -> JSONFields {
        switch body.withUnsafeBufferPointer({ JSONFields.object($0) }) {
        case .success(let fields): return fields
        case .failure(let problems): throw APIError.badRequest("the body cannot be read", details: problems.problems.map(\.message))
        }
    }

    static func fieldProblem(_ message: String, _ problem: JSONFields.Problem) -> APIError {
        APIError.badRequest(message, details: ["field '\(problem.field ?? "(the body)")': \(problem.message)"])
    }
}

extension APICaller {
    /// Who the referral rules see: a booth is its employer's party.
    var referralActor: ReferralActor {
        switch role {
        case .counsellor: .counsellor(requester)
        case .employer(let name): .employer(name, requester)
        }
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}

/// `{"id", "status", "rank"}` of a new referral.
struct ReferralCreated: ResponseEncodable {
    var id: String
    var status: String
    var rank: Int?
}

/// `{"posting", "referred", "referrals"}`: what one action on a fair's booth referred.
struct BoothReferred: ResponseEncodable {
    var posting: String
    var referred: Int
    var referrals: [String]
}

struct ReferralList: ResponseEncodable {
    var referrals: [ReferralAnswer]
}

/// A referral as the API gives it, with the candidate's `name` and `phone` when they were asked for (`contacts=true`).
struct ReferralAnswer: ResponseEncodable {
    var referral: Referral
    var name: String?
    var phone: String?

    init(_ referral: Referral, contact: (name: String, phone: String?)?) {
        self.referral = referral
        name = contact?.name
        phone = contact?.phone
    }

    private enum Keys: String, CodingKey { case name, phone }

    func encode(to encoder: any Encoder) throws {
        try referral.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(phone, forKey: .phone)
    }
}

extension OutcomeReport: ResponseEncodable {}
extension LabourReport: ResponseEncodable {}
