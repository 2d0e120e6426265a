import Foundation
import HTTPTypes
import Hummingbird
import HezaMatchCore
import JobMatching
import JobRecords
import JobStorage
import MatchRendering

/// The session check of signed-in pages: a page under `/console` needs a counsellor's session, one under
/// `/employer` an employer's booth's (else the sign-in page); a form that changes data needs the session's
/// form token (else 403, nothing done).
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let sessions: ConsoleSessions
    /// Whose pages these are: a counsellor's (the console) or an employer's.
    var forEmployers = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let session = sessions.session(id: Self.cookie(request)), session.caller.isEmployer == forEmployers else {
            if request.method == .get { return PageRenderer.redirect(to: forEmployers ? "/employer/sign-in" : "/console/sign-in") }
            throw APIError.unauthorized
        }
        context.caller = session.caller
        context.session = session
        return try await next(request, context)
    }

    static func cookie(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2 && parts[0] == ConsoleSessions.cookieName { return String(parts[1]) }
            }
        }
        return nil
    }
}

extension HezaMatchAPI {
    /// The counsellors' console: sign in and out, find a candidate (id, name, phone), their
    /// matches with reasons, a posting's shortlist (print, CSV), import, erase on request.
    func addConsolePages(open: RouterGroup<APIRequestContext>, pages: PageRenderer, sessions: ConsoleSessions) {
        open.get("/console/sign-in") { _, _ -> Response in
            pages.page("sign-in", title: "Đăng nhập", context: [:])
        }
        open.post("/console/sign-in") { request, _ -> Response in
            try await signIn(request, pages: pages, sessions: sessions, forEmployers: false)
        }

        let console = open.group("/console").add(middleware: ConsoleSessionMiddleware(sessions: sessions))
        console.post("/sign-out") { request, context -> Response in
            try await Self.signOut(request, context, sessions: sessions, to: "/console/sign-in")
        }
        console.get("") { _, context -> Response in
            pages.page("console", title: "Tìm ứng viên", context: ["csrf": context.session!.csrf], session: context.session)
        }
        console.post("/find") { request, context -> Response in
            let (form, session) = try await Self.checkedForm(request, context)
            let text = String((form["text"] ?? "").prefix(200))
            let people = try await board.findCandidates(text, requester: session.caller.requester)
            return pages.page("console", title: "Tìm ứng viên", context: [
                "csrf": session.csrf, "text": text, "searched": true, "count": people.count,
                "people": people.map { person -> [String: Any] in
                    ["id": person.id, "idPath": Self.pathEscape(person.id), "name": person.name, "phone": person.phone ?? "",
                     "category": person.category.vietnameseName, "education": person.educationLevel.vietnameseName, "district": board.homeName(of: person) ?? ""]
                }], session: session)
        }
        console.get("/candidates/:id") { _, context -> Response in
            let session = context.session!
            let id = context.parameters.get("id") ?? ""
            guard let person = try await board.candidate(id: id, requester: session.caller.requester) else {
                return pages.page("message", title: "Không tìm thấy", context: ["heading": "Không có hồ sơ \(id)", "message": "Hồ sơ này không có, hoặc đã bị xóa.",
                                  "back": "/console"], session: session, status: .notFound)
            }
            let today = CalendarDate.today
            let matches = try await board.matches(for: id, asOf: today, limit: 10, requester: session.caller.requester)
            var page: [String: Any] = ["id": person.id, "idPath": Self.pathEscape(person.id), "name": person.name,
                                       "category": person.category.vietnameseName, "education": person.educationLevel.vietnameseName,
                                       "asOf": today.vietnamese]
            if let phone = person.phone { page["phone"] = phone }
            if let district = board.homeName(of: person) { page["district"] = district }
            if let address = person.address { page["address"] = address }  // the candidate's own record: the address as written
            if let skills = person.skills, !skills.isEmpty { page["skills"] = skills.joined(separator: ", ") }
            if let wants = person.desiredTitles, !wants.isEmpty { page["wants"] = wants.joined(separator: ", ") }
            let referrals = try board.referrals(candidate: person.id, for: session.caller.referralActor)
            let waiting = Set(referrals.filter { !$0.status.isFinal }.map(\.posting))
            page["csrf"] = session.csrf
            page["matches"] = matches.results.map { result -> [String: Any] in
                var row: [String: Any] = ["title": result.posting.title, "employer": result.posting.employer,
                                          "score": String(format: "%.1f", result.score), "explanation": result.explanation,
                                          "posting": result.posting.id, "csrf": session.csrf, "idPath": Self.pathEscape(person.id),
                                          "referred": waiting.contains(result.posting.id)]
                if let zone = result.posting.zone { row["zone"] = zone }
                return row
            }
            page["referrals"] = try Self.referralHistory(referrals, board: board)
            if let alerts {
                // Alerts on and off: this candidate's, with their contact (a counsellor's page, behind a session).
                page["alertsOn"] = true
                page["csrf"] = session.csrf
                page["alerts"] = try alerts.alerts(after: nil, profile: person.id, limit: 20).map { alert -> [String: Any] in
                    let target: String
                    switch alert.delivery {
                    case .email(let address): target = "thư tới \(address)"
                    case .webhook(let url): target = "webhook \(url)"
                    }
                    return ["alertID": alert.id, "alertPath": Self.pathEscape(alert.id), "target": target,
                            "mode": alert.mode == .daily ? "mỗi ngày lúc \(alert.digestHour) giờ" : "ngay khi có việc"]
                }
            }
            return pages.page("candidate", title: "Hồ sơ \(person.id)", context: page, session: session)
        }
        console.post("/candidates/:id/alerts") { request, context -> Response in
            let (form, session) = try await Self.checkedForm(request, context)
            let keeper = try alertKeeper()
            let id = context.parameters.get("id") ?? ""
            let back = "/console/candidates/\(Self.pathEscape(id))"
            let asked = JobAlert.Request(subject: .profile(id), delivery: .email((form["email"] ?? "").trimmingCharacters(in: .whitespaces)),
                                         mode: form["mode"] == "daily" ? .daily : .instant)
            guard asked.validationProblems().isEmpty else {
                return pages.page("message", title: "Chưa bật được", context: ["heading": "Chưa bật được thông báo",
                                  "message": "Địa chỉ thư điện tử chưa đúng.", "back": back], session: session, status: .badRequest)
            }
            do {
                _ = try await keeper.add(asked, createdBy: session.caller.requester.label, confirmed: true)
            } catch let error as MatchError {
                return pages.page("message", title: "Chưa bật được", context: ["heading": "Chưa bật được thông báo", "message": error.message,
                                  "back": back], session: session, status: .badRequest)
            }
            return PageRenderer.redirect(to: back)
        }
        console.post("/candidates/:id/alerts/:alert/delete") { request, context -> Response in
            let (_, session) = try await Self.checkedForm(request, context)
            let id = context.parameters.get("id") ?? ""
            let alert = context.parameters.get("alert") ?? ""
            // Only this candidate's alert, from this candidate's page.
            if let found = try alertKeeper().alert(id: alert), found.profileID == id {
                _ = try await alertKeeper().remove(id: alert, by: session.caller.requester.label)
            }
            return PageRenderer.redirect(to: "/console/candidates/\(Self.pathEscape(id))")
        }
        console.get("/candidates/:id/delete") { _, context -> Response in
            let session = context.session!
            let id = context.parameters.get("id") ?? ""
            guard let person = try await board.candidate(id: id, requester: session.caller.requester) else {
                return PageRenderer.redirect(to: "/console")
            }
            return pages.page("delete", title: "Xóa hồ sơ \(id)", context: ["id": id, "idPath": Self.pathEscape(id), "name": person.name,
                                                                              "csrf": session.csrf], session: session)
        }
        console.post("/candidates/:id/delete") { request, context -> Response in
            let (form, session) = try await Self.checkedForm(request, context)
            let id = context.parameters.get("id") ?? ""
            guard form["confirm"] == "yes" else { return PageRenderer.redirect(to: "/console/candidates/\(Self.pathEscape(id))/delete") }
            _ = try await board.delete(.profile, id: id, requester: session.caller.requester)
            return pages.page("deleted", title: "Đã xóa", context: ["id": id], session: session)
        }
        console.get("/shortlist") { request, _ -> Response in
            let posting = request.query.get("posting") ?? ""
            return PageRenderer.redirect(to: "/console/jobs/\(Self.pathEscape(posting.trimmingCharacters(in: .whitespaces)))/shortlist")
        }
        console.get("/jobs/:id/shortlist") { request, context -> Response in
            let session = context.session!
            let id = context.parameters.get("id") ?? ""
            let categories = try Self.shortlistCategories(request, posting: id, pages: pages, session: session)
            let answer: ShortlistAnswer
            do {
                answer = try await board.shortlist(for: id, asOf: CalendarDate.today, limit: 50, requester: session.caller.requester,
                                                   categories: categories)
            } catch let error as MatchError {
                return pages.page("message", title: "Không có danh sách", context: ["heading": "Không có danh sách cho tin \(id)",
                                  "message": error.message, "back": "/console"], session: session, status: error.code == .postingClosed ? .conflict : .notFound)
            }
            let posting = answer.posting
            var page: [String: Any] = ["title": posting.title, "employer": posting.employer, "idPath": Self.pathEscape(posting.id),
                                       "asOf": answer.asOf.vietnamese, "count": answer.results.count]
            if let zone = posting.zone { page["zone"] = zone }
            if let openings = posting.openings { page["openings"] = openings }
            let narrowed = answer.categories ?? []
            page["categories"] = CandidateCategory.allCases.map { category -> [String: Any] in
                ["value": category.rawValue, "name": category.vietnameseName, "checked": narrowed.contains(category)]
            }
            if let narrowing = ShortlistDocument(answer).narrowing { page["narrowing"] = narrowing }
            // The printout and the CSV are of the list on the page, narrowed as it is.
            page["narrowQuery"] = narrowed.isEmpty ? "" : "?" + narrowed.map { "category=\($0.rawValue)" }.joined(separator: "&")
            let referrals = try board.referrals(posting: posting.id, for: session.caller.referralActor)
            let status = Dictionary(referrals.filter { !$0.status.isFinal }.compactMap { r in r.candidate.map { ($0, r.status.vietnameseName) } },
                                    uniquingKeysWith: { first, _ in first })
            page["csrf"] = session.csrf
            page["people"] = answer.results.enumerated().map { index, person -> [String: Any] in
                var row: [String: Any] = ["rank": index + 1, "id": person.id, "idPath": Self.pathEscape(person.id), "name": person.name ?? "",
                                          "phone": person.phone ?? "", "score": String(format: "%.1f", person.score), "explanation": person.explanation,
                                          "csrf": session.csrf, "postingPath": Self.pathEscape(posting.id)]
                if let state = status[person.id] { row["referred"] = state }
                return row
            }
            page["referrals"] = try Self.referralHistory(referrals, board: board)
            return pages.page("shortlist", title: "Danh sách: \(posting.title)", context: page, session: session)
        }
        for format in ["html", "csv"] {
            console.get("/jobs/:id/shortlist.\(format)") { request, context -> Response in
                let session = context.session!
                let id = context.parameters.get("id") ?? ""
                let categories = try Self.shortlistCategories(request, posting: id, pages: pages, session: session)
                let answer = try await board.shortlist(for: id, asOf: CalendarDate.today, limit: 50,
                                                       requester: session.caller.requester, action: "shortlist.\(format)", categories: categories)
                var headers = PageRenderer.headers(personal: true)
                if format == "csv" {
                    headers[.contentType] = "text/csv; charset=utf-8"
                    headers[.contentDisposition] = "attachment; filename=\"danh-sach-\(Self.pathEscape(answer.posting.id)).csv\""
                    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: ShortlistDocument(answer).csv)))
                }
                // The printable page has its own inline style and no script at all.
                headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
                headers[.contentType] = "text/html; charset=utf-8"
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: try ShortlistDocument(answer).html())))
            }
        }
        console.post("/jobs/:id/referrals") { request, context -> Response in
            let (form, session) = try await Self.checkedForm(request, context)
            let posting = context.parameters.get("id") ?? ""
            return try await refer(form["candidate"] ?? "", to: posting, note: form["note"], session: session, pages: pages,
                                   back: "/console/jobs/\(Self.pathEscape(posting))/shortlist")
        }
        console.post("/candidates/:id/referrals") { request, context -> Response in
            let (form, session) = try await Self.checkedForm(request, context)
            let candidate = context.parameters.get("id") ?? ""
            return try await refer(candidate, to: form["posting"] ?? "", note: form["note"], session: session, pages: pages,
                                   back: "/console/candidates/\(Self.pathEscape(candidate))")
        }
        console.get("/report") { request, context -> Response in
            let session = context.session!
            let today = CalendarDate.today
            let from = request.query.get("from").flatMap { CalendarDate(String($0)) }
            let to = request.query.get("to").flatMap { CalendarDate(String($0)) }
            let zone = request.text("zone")
            var page: [String: Any] = ["from": (from ?? today.adding(days: -29)).description, "to": (to ?? today).description, "zone": zone ?? ""]
            if let from, let to {
                guard from <= to else {
                    page["error"] = "Ngày bắt đầu sau ngày kết thúc."
                    return pages.page("report", title: "Báo cáo", context: page, session: session, status: .badRequest)
                }
                let report = try board.labourReport(from: from, to: to, zone: zone)
                page["made"] = true
                page["summary"] = "\(VietnameseNumber.text(report.demand.postings)) tin, \(VietnameseNumber.text(report.demand.openings)) chỉ tiêu; "
                    + "\(VietnameseNumber.text(report.supply.candidates)) ứng viên đăng ký; \(VietnameseNumber.text(report.fills.hires)) được tuyển qua "
                    + "\(VietnameseNumber.text(report.fills.referrals)) lượt giới thiệu."
                page["sentences"] = report.tension.shortest + report.tension.surplus
                page["query"] = "from=\(from)&to=\(to)" + (zone.map { "&zone=" + Self.pathEscape($0) } ?? "")
            }
            return pages.page("report", title: "Báo cáo", context: page, session: session)
        }
        for format in ["html", "csv"] {
            console.get("/report.\(format)") { request, context -> Response in
                guard let from = try request.date("from"), let to = try request.date("to"), from <= to else {
                    throw APIError.badRequest("'from' and 'to' are required (YYYY-MM-DD), 'from' not after 'to'")
                }
                let document = LabourReportDocument(try board.labourReport(from: from, to: to, zone: request.text("zone")), today: CalendarDate.today)
                var headers = PageRenderer.headers(personal: false)
                headers[.cacheControl] = "no-store"
                if format == "csv" {
                    headers[.contentType] = "text/csv; charset=utf-8"
                    headers[.contentDisposition] = "attachment; filename=\"bao-cao-\(from)-\(to).csv\""
                    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document.csv)))
                }
                // The printable report has its own inline style and no script at all.
                headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
                headers[.contentType] = "text/html; charset=utf-8"
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: try document.html())))
            }
        }
        console.get("/import") { _, context -> Response in
            pages.page("import", title: "Nhập dữ liệu", context: ["csrf": context.session!.csrf], session: context.session)
        }
        console.post("/import") { request, context -> Response in
            let (form, session) = try await Self.checkedForm(request, context, limit: maximumBodyBytes)
            let kind = form["kind"] == "profiles" ? "profiles" : "postings"
            let bytes = form.files["file"] ?? []
            let fileName = form.fileNames["file"].flatMap { $0.isEmpty ? nil : $0 } ?? "tệp đã tải lên"
            var page: [String: Any] = ["csrf": session.csrf]
            do {
                if kind == "postings" {
                    let records = try JSONLinesLoader.load(JobPosting.self, from: bytes, file: fileName)
                    try await board.upsert(postings: records)
                    page["imported"] = records.count
                } else {
                    let records = try JSONLinesLoader.load(CandidateProfile.self, from: bytes, file: fileName)
                    try await board.upsert(profiles: records)
                    page["imported"] = records.count
                }
            } catch let failure as LoadFailure {
                page["refused"] = true
                page["problems"] = failure.problems.map(\.description) + (failure.count > failure.problems.count ? ["… và \(failure.count - failure.problems.count) dòng lỗi khác"] : [])
                return pages.page("import", title: "Nhập dữ liệu", context: page, session: session, status: .badRequest)
            }
            return pages.page("import", title: "Nhập dữ liệu", context: page, session: session)
        }
    }

    /// A sign-in form posted with a token: a session for its holder when the token is of this side (a counsellor's for
    /// the console, a booth's for the employer's page), else the form again with why (401 unknown, 403 the other side's).
    func signIn(_ request: Request, pages: PageRenderer, sessions: ConsoleSessions, forEmployers: Bool) async throws -> Response {
        let (template, title, home) = forEmployers ? ("employer-sign-in", "Doanh nghiệp đăng nhập", "/employer") : ("sign-in", "Đăng nhập", "/console")
        let form = try await FormData.read(request, limit: 4096)
        guard let caller = tokens.caller(authorization: "Bearer " + (form["token"] ?? "")) else {
            return pages.page(template, title: title, context: ["error": "Mã truy cập không đúng."], status: .unauthorized)
        }
        guard caller.isEmployer == forEmployers else {
            let why = forEmployers ? "Mã này là của cán bộ tư vấn: đăng nhập công cụ tư vấn tại /console/sign-in."
                : "Mã này dành cho gian hàng của doanh nghiệp, không mở được công cụ tư vấn: doanh nghiệp đăng nhập tại /employer/sign-in."
            return pages.page(template, title: title, context: ["error": why], status: .forbidden)
        }
        let session = sessions.open(for: caller)
        return PageRenderer.redirect(to: home, headers: [.setCookie: ConsoleSessions.cookie(session.id, secure: Self.isSecure(request))])
    }

    /// Ends the session of a signed-in page's sign-out form (its form token checked), back to `signInPage`.
    static func signOut(_ request: Request, _ context: APIRequestContext, sessions: ConsoleSessions, to signInPage: String) async throws -> Response {
        let session = try await checkedForm(request, context).session
        sessions.close(id: session.id)
        return PageRenderer.redirect(to: signInPage, headers: [.setCookie: ConsoleSessions.cookie(nil, secure: isSecure(request))])
    }

    /// A counsellor's referral from the console (the shortlist's row, the candidate's match), then back to the page.
    func refer(_ candidate: String, to posting: String, note: String?, session: ConsoleSession, pages: PageRenderer, back: String) async throws -> Response {
        let note = note.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500)) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try await board.refer(Referral.Request(candidate: candidate, posting: posting, note: note), source: .console,
                                      asOf: HaiPhongClock.day(Date()), requester: session.caller.requester)
        } catch let error as ReferralError {
            return pages.page("message", title: "Đã giới thiệu trước đó", context: ["heading": "Đã giới thiệu trước đó", "message": error.message,
                              "back": back], session: session, status: .conflict)
        } catch let error as MatchError {
            return pages.page("message", title: "Chưa giới thiệu được", context: ["heading": "Chưa giới thiệu được", "message": error.message,
                              "back": back], session: session, status: error.code == .postingClosed ? .conflict : .notFound)
        }
        return PageRenderer.redirect(to: back + "#referrals")
    }

    /// Referrals with their moves, for a candidate's or a posting's page (ids and states: no names).
    static func referralHistory(_ referrals: [Referral], board: JobBoard) throws -> [[String: Any]] {
        try referrals.map { referral -> [String: Any] in
            var row: [String: Any] = ["id": referral.id, "candidate": referral.candidate ?? "(đã xóa)", "candidatePath": Self.pathEscape(referral.candidate ?? ""),
                                      "posting": try board.posting(id: referral.posting)?.title ?? referral.posting, "employer": referral.employer,
                                      "status": referral.status.vietnameseName]
            if let rank = referral.rank { row["rank"] = rank }
            row["moves"] = referral.history.map { move -> [String: Any] in
                var text = "\(Self.vietnameseDay(move.at)): \(move.status.vietnameseName)"
                if let reason = move.reason { text += " (\(reason.vietnameseName))" }
                if let when = move.interviewAt { text += ", phỏng vấn \(when.replacingOccurrences(of: "T", with: " lúc "))" }
                if let note = move.note { text += ": \(note)" }
                return ["text": text + " · \(move.by)"]
            }
            return row
        }
    }

    /// A page that stands in for the one asked, thrown: Hummingbird answers with it as it is (the error
    /// middleware passes `HTTPResponseError`s through).
    struct ErrorPage: HTTPResponseError {
        let page: Response
        var status: HTTPResponse.Status { page.status }
        func response(from request: Request, context: some RequestContext) throws -> Response { page }
    }

    /// The candidate categories a shortlist page, its printout or its CSV is narrowed to: `category=`,
    /// repeated or comma-separated (as the API reads it); an unknown one throws a page listing the known ones.
    static func shortlistCategories(_ request: Request, posting: String, pages: PageRenderer,
                                    session: ConsoleSession) throws -> [CandidateCategory] {
        do {
            return try request.values("category", CandidateCategory.self, what: "category")
        } catch {
            let known = CandidateCategory.allCases.map { "\($0.vietnameseName) (\($0.rawValue))" }.joined(separator: ", ")
            throw ErrorPage(page: pages.page("message", title: "Nhóm ứng viên không rõ",
                                             context: ["heading": "Không có nhóm ứng viên như vậy",
                                                       "message": "Nhóm ứng viên là một trong: \(known).",
                                                       "back": "/console/jobs/\(pathEscape(posting))/shortlist"],
                                             session: session, status: .badRequest))
        }
    }

    /// The form of a console request, after checking its session's form token (CSRF).
    static func checkedForm(_ request: Request, _ context: APIRequestContext, limit: Int = 64 * 1024) async throws -> (form: FormData, session: ConsoleSession) {
        guard let session = context.session else { throw APIError.unauthorized }
        let form = try await FormData.read(request, limit: limit)
        guard let offered = form["csrf"], Self.constantTimeEqual(offered, session.csrf) else {
            throw APIError(status: .forbidden, code: "csrf", message: "this form is out of date or not from this site: reload the page and try again")
        }
        return (form, session)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) { difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0) }
        return difference == 0
    }

    /// Whether the request came over TLS (directly, or through a proxy that says so).
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}
