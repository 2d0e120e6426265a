import Foundation
import HTTPTypes
import Hummingbird
import HezaMatchCore
import JobRecords

extension HezaMatchAPI {
    /// The employer's page, made for a phone: sign in with the booth's token, then the candidates referred to the
    /// employer's postings (name, phone to call, the posting, when and at what rank), each answered in one tap
    /// (contacted, interview on the date shown, hired; a refusal opens its reasons: one more tap). Every read of the
    /// candidates' names and phones goes to the access record.
    func addEmployerPages(open: RouterGroup<APIRequestContext>, pages: PageRenderer, sessions: ConsoleSessions) {
        open.get("/employer/sign-in") { _, _ -> Response in
            pages.page("employer-sign-in", title: "Doanh nghiệp đăng nhập", context: [:])
        }
        open.post("/employer/sign-in") { request, _ -> Response in
            try await signIn(request, pages: pages, sessions: sessions, forEmployers: true)
        }
        let employer = open.group("/employer").add(middleware: ConsoleSessionMiddleware(sessions: sessions, forEmployers: true))
        employer.post("/sign-out") { request, context -> Response in
            try await Self.signOut(request, context, sessions: sessions, to: "/employer/sign-in")
        }
        employer.get("") { request, context -> Response in
            let session = context.session!
            let actor = session.caller.referralActor
            let all = try board.referrals(for: actor, limit: 500)
            let contacts = try await board.referralContacts(all, requester: session.caller.requester)
            var titles: [String: String] = [:]
            for id in Set(all.map(\.posting)) { titles[id] = try board.posting(id: id)?.title ?? id }
            let suggested = HaiPhongClock.day(Date()).adding(days: 3)
            func card(_ referral: Referral) -> [String: Any] {
                let moves = ReferralRules.moves(from: referral.status)
                var card: [String: Any] = ["id": referral.id, "idPath": Self.pathEscape(referral.id), "posting": titles[referral.posting] ?? referral.posting,
                                           "status": referral.status.vietnameseName, "statusCode": referral.status.rawValue,
                                           "referred": Self.vietnameseDay(referral.referredAt), "csrf": session.csrf,
                                           "canContact": moves.contains(.contacted), "canInterview": moves.contains(.interview),
                                           "canHire": moves.contains(.hired), "canRefuse": moves.contains(.refused),
                                           "interviewDate": suggested.description,
                                           "reasons": Referral.RefusalReason.allCases.map { ["code": $0.rawValue, "name": $0.vietnameseName] }]
                if let candidate = referral.candidate, let person = contacts[candidate] {
                    card["name"] = person.name
                    if let phone = person.phone {
                        card["phone"] = phone
                        card["tel"] = phone.filter { $0.isNumber || $0 == "+" }
                    }
                } else {
                    card["name"] = referral.erased ? "(hồ sơ đã xóa)" : "Ứng viên \(referral.candidate ?? "")"
                }
                if let rank = referral.rank { card["rank"] = rank }
                if let when = referral.interviewAt { card["interviewAt"] = when.replacingOccurrences(of: "T", with: " lúc ") }
                if let reason = referral.refusal { card["reason"] = reason.vietnameseName }
                return card
            }
            let waiting = all.filter { !$0.status.isFinal }.map(card)
            let done = all.filter(\.status.isFinal).map(card)
            let employerName: String
            if case .employer(let name) = session.caller.role { employerName = name } else { employerName = "" }
            var page: [String: Any] = ["employer": employerName, "waiting": waiting, "done": done, "waitingCount": waiting.count, "doneCount": done.count,
                                       "hasDone": !done.isEmpty]
            if request.query.get("answered") != nil { page["answered"] = true }
            return pages.page("employer", title: "Ứng viên được giới thiệu", context: page, session: session)
        }
        employer.post("/referrals/:id") { request, context -> Response in
            let (form, session) = try await Self.checkedForm(request, context)
            let id = context.parameters.get("id") ?? ""
            var answer: Referral.Answer
            if let reason = form["refuse"] {
                answer = Referral.Answer(status: .refused, reason: Referral.RefusalReason(rawValue: reason))
            } else {
                answer = Referral.Answer(status: Referral.Status(rawValue: form["status"] ?? "") ?? .referred)
                if answer.status == .interview { answer.interviewAt = form["interview_at"].flatMap { $0.isEmpty ? nil : $0 } }
            }
            if let note = form["note"]?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty { answer.note = String(note.prefix(500)) }
            if let problem = answer.validationProblems().first {
                return pages.page("message", title: "Chưa ghi được", context: ["heading": "Chưa ghi được câu trả lời",
                                  "message": problem.field == "interview_at" ? "Hãy chọn ngày phỏng vấn." : problem.message, "back": "/employer"],
                                  session: session, status: .badRequest)
            }
            do {
                _ = try await board.answerReferral(id: id, answer, by: session.caller.referralActor)
            } catch let error as ReferralError {
                return pages.page("message", title: "Chưa ghi được", context: ["heading": "Chưa ghi được câu trả lời",
                                  "message": error.code == .unknownReferral ? "Không có giới thiệu này." : "Giới thiệu này đã có câu trả lời khác.",
                                  "back": "/employer"], session: session, status: error.code == .unknownReferral ? .notFound : .conflict)
            }
            return PageRenderer.redirect(to: "/employer?answered=\(Self.pathEscape(id))#\(Self.pathEscape(id))")
        }
    }

    /// `6/12/2026`, Hải Phòng's day of an instant.
    static func vietnameseDay(_ seconds: Double) -> String { HaiPhongClock.day(seconds: seconds).vietnamese }
}
