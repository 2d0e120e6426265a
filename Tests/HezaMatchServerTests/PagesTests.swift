import Foundation
import HezaMatchCore
import HezaMatchServer
import Hummingbird
import HummingbirdTesting
import JobRecords
import MatchRendering
import Testing

/// The web pages through Hummingbird's test client: the public search (no personal data,
/// every value escaped), the console's sign-in, sessions, form tokens and roles.
@Suite struct PagesTests {
    static let token = "counsellor-secret-1"

    private func app(alerts: Bool = false) throws -> some ApplicationProtocol {
        let directory = try ServerTests.temporaryDirectory("pages")
        let postings = """
            {"id":"P1","employer":"Công ty <script>alert('x')</script>","zone":"KCN Hàng Hải","title":"Thợ hàn <b>điện</b>","skills":["hàn điện"],"deadline":"2099-12-31"}
            {"id":"P2","employer":"LG Display","zone":"KCN Tràng Duệ","title":"Kỹ sư điện tử","skills":["PCB"],"deadline":"2099-12-31"}
            """
        let profiles = """
            {"id":"C1","name":"<script>steal()</script> Trần Văn Hùng","phone":"0911222333","category":"discharged_soldier","education":"intermediate_vocational","skills":["hàn điện"],"birth_year":1998}
            """
        try postings.write(toFile: directory.appendingPathComponent("p.jsonl").path, atomically: true, encoding: .utf8)
        try profiles.write(toFile: directory.appendingPathComponent("c.jsonl").path, atomically: true, encoding: .utf8)
        let board = try ServerTests.board(directory)
        try board.load(postings: directory.appendingPathComponent("p.jsonl").path, profiles: directory.appendingPathComponent("c.jsonl").path)
        var api = HezaMatchAPI(board: board, tokens: APITokens(["counsellor-lan:\(Self.token)", "booth:booth-token:employer:LG Display"]))
        if alerts { api.alerts = try AlertKeeper(board: board, publicURL: "https://vieclam.example.vn") }
        return Application(router: try api.router())
    }

    /// Alerts on and off from a candidate's page in the console: with the form token only; on, the candidate's alert
    /// is listed with its contact; off, it is gone.
    @Test func aCounsellorTurnsACandidatesAlertsOnAndOff() async throws {
        try await app(alerts: true).test(.router) { client in
            let (cookie, csrf) = try await signIn(client)
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/console/candidates/C1/alerts", method: .post, headers: form,
                                     body: ByteBuffer(string: "email=hung%40example.vn&mode=instant")) { response in
                #expect(response.status == .forbidden)  // no form token
            }
            try await client.execute(uri: "/console/candidates/C1/alerts", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(csrf)&email=hung%40example.vn&mode=daily")) { response in
                #expect(response.status == .seeOther)
            }
            let page = try await client.execute(uri: "/console/candidates/C1", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(page.contains("thư tới hung@example.vn, mỗi ngày lúc 7 giờ"))
            let start = try #require(page.range(of: "/console/candidates/C1/alerts/"))
            let alert = String(page[start.upperBound...].prefix { $0 != "/" })
            try await client.execute(uri: "/console/candidates/C1/alerts/\(alert)/delete", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
            }
            let after = try await client.execute(uri: "/console/candidates/C1", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(!after.contains("hung@example.vn") && after.contains("Chưa bật."))
        }
    }

    /// "Nhận thông báo việc làm như thế này": the search's fields kept in the form; saved pending, with an e-mail
    /// address only; the page says to open the link mailed. Without alerts served, no form.
    @Test func aSearchCanBeSavedAsAnAlertFromThePage() async throws {
        try await app(alerts: true).test(.router) { client in
            let page = try await client.execute(uri: "/?q=th%E1%BB%A3+h%C3%A0n&zone=KCN+H%C3%A0ng+H%E1%BA%A3i", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("Nhận thông báo việc làm như thế này") && page.contains(#"name="zone" value="KCN Hàng Hải""#))
            try await client.execute(uri: "/alerts", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "q=th%E1%BB%A3+h%C3%A0n&zone=KCN+H%C3%A0ng+H%E1%BA%A3i&email=a%40example.vn&mode=daily")) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Kiểm tra hộp thư"))
            }
            try await client.execute(uri: "/alerts", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "q=th%E1%BB%A3+h%C3%A0n&email=not-an-address")) { response in
                #expect(response.status == .badRequest)
            }
        }
        try await app().test(.router) { client in
            let page = try await client.execute(uri: "/?q=th%E1%BB%A3+h%C3%A0n", method: .get) { String(buffer: $0.body) }
            #expect(!page.contains("Nhận thông báo"))
        }
    }

    /// A counsellor refers from the candidate's page; the employer's booth signs in on /employer, sees the candidate's
    /// name (escaped) and phone, and refuses with a reason in one form post; the history shows on the candidate's page.
    /// Sessions keep to their side: a booth's session opens no console page, a counsellor's no employer page.
    @Test func anEmployerAnswersAReferralOnItsPage() async throws {
        try await app().test(.router) { client in
            let (cookie, csrf) = try await signIn(client)
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/console/candidates/C1/referrals", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(csrf)&posting=P2")) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/console/candidates/C1/referrals", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(csrf)&posting=P2")) { response in
                #expect(response.status == .conflict)  // already waiting for an answer
            }
            try await client.execute(uri: "/employer", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/employer/sign-in")
            }
            let booth = try await client.execute(uri: "/employer/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                 body: ByteBuffer(string: "token=booth-token")) { response -> String in
                #expect(response.status == .seeOther)
                return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            try await client.execute(uri: "/console", method: .get, headers: [.cookie: booth]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/console/sign-in")
            }
            let page = try await client.execute(uri: "/employer", method: .get, headers: [.cookie: booth]) { String(buffer: $0.body) }
            #expect(page.contains("&lt;script&gt;steal()&lt;/script&gt; Trần Văn Hùng") && page.contains("tel:0911222333") && !page.contains("<script>steal"))
            #expect(page.contains(#"name="refuse" value="distance""#) && page.contains("Chờ trả lời (1)"))
            let start = try #require(page.range(of: "/employer/referrals/"))
            let id = String(page[start.upperBound...].prefix { $0 != "\"" })
            let boothCSRF = try #require(page.range(of: "name=\"csrf\" value=\"")).upperBound
            let token = String(page[boothCSRF...].prefix { $0 != "\"" })
            try await client.execute(uri: "/employer/referrals/\(id)", method: .post, headers: [.cookie: booth, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(token)&refuse=distance")) { response in
                #expect(response.status == .seeOther)
            }
            let after = try await client.execute(uri: "/employer", method: .get, headers: [.cookie: booth]) { String(buffer: $0.body) }
            #expect(after.contains("Chờ trả lời (0)") && after.contains("Không tuyển</strong> (Khoảng cách)"))
            let history = try await client.execute(uri: "/console/candidates/C1", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(history.contains("Không tuyển (Khoảng cách) · booth"))
        }
    }

    /// A counsellor narrows a posting's shortlist to candidate categories with the page's checkboxes: the page, its
    /// printout and its CSV list only those categories and say so; an unknown category is a page naming the known ones.
    @Test(arguments: [
        ("", true, nil as String?),
        ("?category=discharged_soldier", true, "Chỉ bộ đội xuất ngũ"),
        ("?category=graduate", false, "Chỉ sinh viên tốt nghiệp"),
        ("?category=graduate&category=vocational_student", false, "Chỉ sinh viên tốt nghiệp, học viên trường nghề"),
        ("?category=graduate,discharged_soldier", true, "Chỉ sinh viên tốt nghiệp, bộ đội xuất ngũ"),
    ])
    func aCounsellorNarrowsAShortlistToCategories(query: String, listsC1: Bool, narrowing: String?) async throws {
        try await app().test(.router) { client in
            let (cookie, _) = try await signIn(client)
            let page = try await client.execute(uri: "/console/jobs/P1/shortlist\(query)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(page.contains("/console/candidates/C1\"") == listsC1, "\(query)")
            #expect(page.contains(#"name="category" value="graduate""#))
            let checked = ["graduate", "discharged_soldier", "vocational_student", "other"].filter { page.contains(#"value="\#($0)" checked"#) }
            #expect(checked == ["graduate", "discharged_soldier", "vocational_student", "other"].filter { query.contains($0) })
            if let narrowing {
                #expect(page.contains("(\(narrowing))"))
                let links = query.replacingOccurrences(of: ",", with: "&category=").replacingOccurrences(of: "&", with: "&amp;")
                #expect(page.contains("shortlist.html\(links)") && page.contains("shortlist.csv\(links)"))
            } else {
                #expect(!page.contains("(Chỉ ") && page.contains(#"href="/console/jobs/P1/shortlist.html""#))
            }
            let printout = try await client.execute(uri: "/console/jobs/P1/shortlist.html\(query)", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(printout.contains("Trần Văn Hùng") == listsC1 && printout.contains(narrowing ?? "no narrowing") == (narrowing != nil))
            let csv = try await client.execute(uri: "/console/jobs/P1/shortlist.csv\(query)", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(csv.contains("Trần Văn Hùng") == listsC1)
        }
    }

    @Test func anUnknownCategoryIsAPageNamingTheKnownOnes() async throws {
        try await app().test(.router) { client in
            let (cookie, _) = try await signIn(client)
            for uri in ["/console/jobs/P1/shortlist?category=soldier", "/console/jobs/P1/shortlist.csv?category=graduate,soldier"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
                    let page = String(buffer: response.body)
                    #expect(response.status == .badRequest)
                    #expect(page.contains("bộ đội xuất ngũ (discharged_soldier)") && page.contains("lao động khác (other)") && !page.contains("Trần Văn Hùng"))
                }
            }
        }
    }

    private func signIn(_ client: some TestClientProtocol, token: String = PagesTests.token) async throws -> (cookie: String, csrf: String) {
        let cookie = try await client.execute(uri: "/console/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                              body: ByteBuffer(string: "token=\(token)")) { response -> String in
            #expect(response.status == .seeOther)
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && !setCookie.contains(token))
            return String(setCookie.split(separator: ";")[0])
        }
        let csrf = try await client.execute(uri: "/console", method: .get, headers: [.cookie: cookie]) { response -> String in
            let page = String(buffer: response.body)
            let start = try #require(page.range(of: "name=\"csrf\" value=\""))
            return String(page[start.upperBound...].prefix { $0 != "\"" })
        }
        return (cookie, csrf)
    }

    /// A broken template stops the server at start with its file and line (it once removed every page in silence).
    @Test func aBrokenTemplateIsNamedWithItsLine() throws {
        let text = "<ul>\n{{#jobs}}\n  <li>{{title}}</li>\n{{/job}}\n</ul>\n"
        do {
            _ = try TemplateError.compile(text, file: "search.mustache")
            Issue.record("a template with a section closed by another name was compiled")
        } catch let error as TemplateError {
            #expect(error.file == "search.mustache" && error.line == 4, "\(error)")
            #expect(error.description.hasPrefix("template search.mustache, line 4"), "\(error)")
        }
        // On the first line, after the escaping pragma put before every template: the column is the template's own.
        do {
            _ = try TemplateError.compile("<p>{{/title}}</p>", file: "first.mustache")
            Issue.record("a section closed and never opened was compiled")
        } catch let error as TemplateError {
            #expect(error.line == 1 && error.column >= 1 && error.column <= 17, "\(error)")
        }
        _ = try TemplateError.compile("<p>{{title}}</p>", file: "fine.mustache")
    }

    /// Forms are read by Hummingbird's URLEncodedFormDecoder: `+` and escapes decoded, a field given twice refused
    /// (the hand-written reader kept the last), and the refusal does not quote what was sent.
    @Test func formsAreReadByTheKeptDecoder() async throws {
        try await app().test(.router) { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form,
                                     body: ByteBuffer(string: "token=wrong&token=\(PagesTests.token)")) { response in
                #expect(response.status == .badRequest)
                #expect(!String(buffer: response.body).contains(PagesTests.token))
            }
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form,
                                     body: ByteBuffer(string: "token=\(PagesTests.token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    /// A quote followed by a combining mark is one Swift Character, which Mustache's own escaping let through: it ended
    /// the search box's `value="…"` and let a link add attributes to the page. Every template escapes scalar by scalar.
    @Test func aQuoteWithACombiningMarkStaysInsideItsAttribute() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/?q=%22%CC%81%20autofocus%20x%3D%22", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                // Built outside #expect: a macro's expansion puts the mark on the literal's closing quote.
                let escaped = "value=\"&quot;" + "\u{301}" + " autofocus x=&quot;\""
                let raw = "\"" + "\u{301}" + " autofocus"
                #expect(page.contains(escaped))
                #expect(!page.contains(raw))
            }
        }
    }

    @Test func thePublicSearchEscapesEverythingAndShowsNoPersonalData() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/?q=tho%20han", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<mark>Thợ</mark> <mark>hàn</mark> &lt;b&gt;điện&lt;/b&gt;"))
                #expect(page.contains("Công ty &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") && !page.contains("<script>alert"))
                #expect(!page.contains("0911222333") && !page.contains("Trần Văn Hùng"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
            try await client.execute(uri: "/?q=tho+han", method: .get) { response in
                // A form's `+` is a space: the box and the heading show what was typed.
                let page = String(buffer: response.body)
                #expect(page.contains("value=\"tho han\"") && !page.contains("tho+han"))
            }
            try await client.execute(uri: "/?q=&zone=kcn%20trang%20due", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Kỹ sư điện tử") && !page.contains("Thợ hàn"))
            }
            try await client.execute(uri: "/jobs/P1", method: .get) { response in
                #expect(String(buffer: response.body).contains("Thợ hàn &lt;b&gt;điện&lt;/b&gt;"))
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func theConsoleNeedsACounsellorsSessionAndItsFormToken() async throws {
        try await app().test(.router) { client in
            // No session: the sign-in page, and no data.
            try await client.execute(uri: "/console/candidates/C1", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/console/sign-in")
            }
            try await client.execute(uri: "/console/find", method: .post, body: ByteBuffer(string: "text=C1")) { response in
                #expect(response.status == .unauthorized && !String(buffer: response.body).contains("Trần"))
            }
            // A wrong token, an employer's token: refused.
            try await client.execute(uri: "/console/sign-in", method: .post, body: ByteBuffer(string: "token=wrong")) { response in
                #expect(response.status == .unauthorized && response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/console/sign-in", method: .post, body: ByteBuffer(string: "token=booth-token")) { response in
                #expect(response.status == .forbidden && response.headers[.setCookie] == nil)
            }
            let (cookie, csrf) = try await signIn(client)
            // A form without the session's token changes nothing.
            try await client.execute(uri: "/console/candidates/C1/delete", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "confirm=yes&csrf=forged")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/console/find", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "text=tran%20van%20hung&csrf=\(csrf)")) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;steal()&lt;/script&gt; Trần Văn Hùng") && !page.contains("<script>steal"))
                #expect(page.contains("0911222333"))
                #expect(response.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/console/candidates/C1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("Thợ hàn"))
            }
            try await client.execute(uri: "/console/candidates/C1/delete", method: .post, headers: [.cookie: cookie],
                                     body: ByteBuffer(string: "confirm=yes&csrf=\(csrf)")) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("Đã xóa hồ sơ C1"))
            }
            try await client.execute(uri: "/console/candidates/C1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .notFound)
            }
            // Sign-out ends the session.
            try await client.execute(uri: "/console/sign-out", method: .post, headers: [.cookie: cookie], body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/console", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    /// An uploaded file with a bad line: refused whole, the line named with the file's own name
    /// (its last path component, escaped), nothing stored.
    @Test func anImportNamesTheRefusedLineInTheUploadedFile() async throws {
        try await app().test(.router) { client in
            let (cookie, csrf) = try await signIn(client)
            let boundary = "----hezamatch-test"
            let lines = #"{"id":"N1","employer":"Công ty Mới","title":"Thợ tiện"}"# + "\n" + #"{"id":"N2","title":"no employer"}"# + "\n"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\npostings\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\tin\\\\<b>tin-moi.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\(lines)\r\n--\(boundary)--\r\n"
            try await client.execute(uri: "/console/import", method: .post,
                                     headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                     body: ByteBuffer(string: body)) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .badRequest)
                #expect(page.contains("&lt;b&gt;tin-moi.jsonl:2: field &#39;employer&#39;: is required but missing"), "\(page)")
                #expect(!page.contains("C:") && !page.contains("<b>tin"))
            }
            try await client.execute(uri: "/jobs/N1", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
