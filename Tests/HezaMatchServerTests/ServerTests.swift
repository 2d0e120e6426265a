import Foundation
import HezaMatchServer
import Hummingbird
import HummingbirdTesting
import JobRecords
import JobStorage
import JobMatching
import MatchRendering
import HezaMatchCore
import Testing

/// Every endpoint of the Heza Works API through Hummingbird's testing client.
@Suite struct ServerTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path
    static let token = "counsellor-secret-1"
    let auth: HTTPFields = [.authorization: "Bearer \(ServerTests.token)"]

    static func temporaryDirectory(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func board(_ directory: URL) throws -> JobBoard {
        try JobBoard.open(storePath: directory.appendingPathComponent("store.sqlite").path, corpus: corpus)
    }

    private func app() throws -> some ApplicationProtocol { try appAndBoard().0 }

    private func appAndBoard() throws -> (some ApplicationProtocol, JobBoard) {
        let directory = try Self.temporaryDirectory("server")
        let postings = """
            {"id":"P1","employer":"Công ty CP Đóng tàu Hàng Hải","zone":"KCN Hàng Hải","title":"Thợ hàn điện","skills":["hàn điện","hàn TIG"],"education_min":"elementary_vocational","audiences":["discharged_soldier"],"housing":true,"deadline":"2026-12-31"}
            {"id":"P2","employer":"Công ty TNHH LG Display Việt Nam Hải Phòng","zone":"KCN Tràng Duệ","title":"Kỹ sư điện tử","skills":["PCB"],"education_min":"university","deadline":"2027-01-31"}
            {"id":"P3","employer":"<b>Kho</b> & vận","zone":"KCN Tràng Duệ","title":"Lái xe nâng","skills":["lái xe nâng"]}
            """
        let profiles = """
            {"id":"C1","name":"Trần Văn Hùng","phone":"0900000001","category":"discharged_soldier","education":"intermediate_vocational","skills":["hàn điện"],"birth_year":1998,"district":"Thủy Nguyên"}
            {"id":"C2","name":"Nguyễn Thị Lan","phone":"0900000002","category":"graduate","education":"university","skills":["PCB"],"birth_year":2002}
            """
        let postingsFile = directory.appendingPathComponent("postings.jsonl").path
        let profilesFile = directory.appendingPathComponent("profiles.jsonl").path
        try postings.write(toFile: postingsFile, atomically: true, encoding: .utf8)
        try profiles.write(toFile: profilesFile, atomically: true, encoding: .utf8)
        let board = try Self.board(directory)
        try board.load(postings: postingsFile, profiles: profilesFile)
        let api = HezaMatchAPI(board: board, tokens: APITokens(["counsellor-lan:\(Self.token)", "employer-2",
                                                                "booth-hh:booth-secret:employer:CONG TY CP DONG TAU HANG HAI"]),
                               maximumBodyBytes: 4096)
        return (Application(router: try api.router()), board)
    }

    /// Referrals through the API: counsellors refer; a booth answers its own employer's only (another's is 404), a move
    /// the rules do not allow is 409, one that is not the caller's 403; names and phones only with `contacts=true`,
    /// and then in the access record.
    @Test func referralsThroughTheAPI() async throws {
        let (app, board) = try appAndBoard()
        try await app.test(.router) { client in
            let booth: HTTPFields = [.authorization: "Bearer booth-secret"]
            try await client.execute(uri: "/v1/referrals", method: .post, headers: booth, body: ByteBuffer(string: #"{"candidate":"C1","posting":"P1"}"#)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/v1/referrals", method: .post, headers: auth, body: ByteBuffer(string: #"{"candidate":"C9","posting":"P1"}"#)) {
                #expect($0.status == .notFound)
            }
            let id = try await client.execute(uri: "/v1/referrals?as_of=2026-12-01", method: .post, headers: auth,
                                              body: ByteBuffer(string: #"{"candidate":"C1","posting":"P1","note":"gọi sáng"}"#)) { response -> String in
                #expect(response.status == .created)
                let body = String(buffer: response.body)
                #expect(body.contains(#""status":"referred""#) && body.contains(#""rank":1"#))
                return String(body.split(separator: "\"")[3])
            }
            let other = try await client.execute(uri: "/v1/referrals", method: .post, headers: auth, body: ByteBuffer(string: #"{"candidate":"C2","posting":"P2"}"#)) {
                String(String(buffer: $0.body).split(separator: "\"")[3])
            }
            let list = try await client.execute(uri: "/v1/referrals?contacts=true", method: .get, headers: booth) { String(buffer: $0.body) }
            #expect(list.contains(id) && !list.contains(other) && list.contains("Trần Văn Hùng") && list.contains("0900000001"))
            let plain = try await client.execute(uri: "/v1/referrals?posting=P1", method: .get, headers: auth) { String(buffer: $0.body) }
            #expect(plain.contains(id) && !plain.contains("0900000001"))
            let rows: [(String, String, HTTPResponse.Status)] = [
                (other, #"{"status":"contacted"}"#, .notFound),
                (id, #"{"status":"no_answer"}"#, .forbidden),
                (id, #"{"status":"refused"}"#, .badRequest),
                (id, #"{"status":"interview","interview_at":"2026-12-10T09:00"}"#, .ok),
                (id, #"{"status":"contacted"}"#, .conflict),
                (id, #"{"status":"hired","note":"bắt đầu 15/12"}"#, .ok),
                (id, #"{"status":"refused","reason":"salary"}"#, .conflict),
            ]
            for (referral, body, status) in rows {
                try await client.execute(uri: "/v1/referrals/\(referral)", method: .patch, headers: booth, body: ByteBuffer(string: body)) {
                    #expect($0.status == status, "\(body)")
                }
            }
            let outcomes = try await client.execute(uri: "/v1/outcomes?by=employer", method: .get, headers: auth) { String(buffer: $0.body) }
            #expect(outcomes.contains(#""hires":1"#) && outcomes.contains(#""referrals":2"#))
            try await client.execute(uri: "/v1/outcomes", method: .get, headers: booth) { #expect($0.status == .forbidden) }
        }
        let records = try board.accessRecords()
        #expect(records.contains { $0.actor == "booth-hh" && $0.action == "referrals" && $0.profileIDs == ["C1"] })
    }

    /// The labour report for counsellors: JSON with its parts, CSV and printable HTML; a booth's token is refused, and
    /// a period that ends before it starts is a 400.
    @Test func theLabourReportForCounsellors() async throws {
        try await app().test(.router) { client in
            let json = try await client.execute(uri: "/v1/report?from=2026-11-01&to=2026-12-31", method: .get, headers: auth) { response -> String in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            for key in ["period", "demand", "supply", "tension", "fills", "training_gaps", "duplicates"] { #expect(json.contains("\"\(key)\":"), "\(key)") }
            #expect(json.contains(#""candidates":2"#) && !json.contains("0900000001") && !json.contains("Trần Văn Hùng"))
            let html = try await client.execute(uri: "/v1/report?from=2026-11-01&to=2026-12-31&format=html", method: .get, headers: auth) { String(buffer: $0.body) }
            #expect(html.contains("<svg") && html.contains("Báo cáo thị trường lao động") && html.contains("01/11/2026"))
            let csv = try await client.execute(uri: "/v1/report?from=2026-11-01&to=2026-12-31&format=csv", method: .get, headers: auth) { String(buffer: $0.body) }
            #expect(csv.hasPrefix("\u{FEFF}") && csv.contains("Theo khu"))
            try await client.execute(uri: "/v1/report?from=2026-12-31&to=2026-11-01", method: .get, headers: auth) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/report?from=2026-11-01&to=2026-12-31", method: .get, headers: [.authorization: "Bearer booth-secret"]) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func savedIndexesAreOpenedInsteadOfRebuilt() async throws {
        let directory = try Self.temporaryDirectory("save")
        let board = try Self.board(directory)
        let line = #"{"id":"P1","employer":"A","title":"Thợ hàn","deadline":"2026-12-31"}"#
        try board.warmUp()
        try await board.upsert(postings: try JSONLinesLoader.load(JobPosting.self, from: Array(line.utf8), file: "put"))
        try board.saveIndexes()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".hzix") }.sorted()
        #expect(files == ["store.sqlite.postings.hzix", "store.sqlite.profiles.hzix"])
        // A new start on the same store opens the saved file (a rebuild would write it again).
        let saved = directory.appendingPathComponent("store.sqlite.postings.hzix").path
        let written = try FileManager.default.attributesOfItem(atPath: saved)[.modificationDate] as? Date
        try await Task.sleep(for: .milliseconds(50))
        let reopened = try Self.board(directory)
        #expect(try reopened.posting(id: "P1")?.title == "Thợ hàn")
        try reopened.saveIndexes()  // nothing changed: nothing written
        #expect(try FileManager.default.attributesOfItem(atPath: saved)[.modificationDate] as? Date == written)
        #expect(try reopened.status().tables.first { $0.kind == .posting }?.indexSequence == 1)
    }

    private func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    private func ids(_ object: [String: Any]) -> [String] {
        (object["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func searchTypedWithoutAccentsWithHighlightsFacetsAndPages() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/jobs/search?q=tho%20han&as_of=2026-11-23", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(ids(body).first == "P1")
                let first = try #require((body["results"] as? [[String: Any]])?.first)
                let highlights = try #require(first["highlights"] as? [String: String])
                #expect(highlights["title"] == "<mark>Thợ</mark> <mark>hàn</mark> điện")
                #expect(body["total"] as? Int == 1)
                let facets = try #require(body["facets"] as? [String: [[String: Any]]])
                #expect(facets["zone"]?.first?["value"] as? String == "KCN Hàng Hải")
                #expect(facets["education"] != nil && facets["audience"] != nil)
                #expect(!String(buffer: response.body).contains("0900000001"))
            }
            try await client.execute(uri: "/v1/jobs/search?q=&zone=kcn%20trang%20due&per_page=1&page=2&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(body["total"] as? Int == 2 && ids(body).count == 1 && body["page"] as? Int == 2)
            }
            // A zone typed in the text is understood as the zone filter, and said; understand=false searches as typed.
            try await client.execute(uri: "/v1/jobs/search?q=kcn+trang+due&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(body["total"] as? Int == 2)
                let understood = try #require(body["understood"] as? [[String: String]])
                #expect(understood == [["field": "zone", "value": "KCN Tràng Duệ", "words": "kcn trang due"]])
            }
            try await client.execute(uri: "/v1/jobs/search?q=kcn+trang+due&understand=false&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect((body["understood"] as? [Any])?.isEmpty == true)
            }
            // Typed as Telex keystrokes: decoded, said, searched.
            try await client.execute(uri: "/v1/jobs/search?q=thowj+hanf&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(ids(body).first == "P1")
                let understood = try #require(body["understood"] as? [[String: String]])
                #expect(understood == [["field": "text", "value": "thợ hàn", "words": "thowj hanf"]])
            }
            try await client.execute(uri: "/v1/jobs/search?q=x&understand=maybe", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            // As forms and most clients write a query: `+` is a space, `%2B` a plus.
            try await client.execute(uri: "/v1/jobs/search?q=&zone=kcn+trang+due&per_page=1&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(body["total"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/jobs/search?q=tho+han&zone=KCN+H%C3%A0ng+H%E1%BA%A3i&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(ids(body) == ["P1"])
            }
            try await client.execute(uri: "/v1/jobs/search?q=kho&as_of=2026-11-23", method: .get) { response in
                // Text from the data is escaped around the marks.
                #expect(String(buffer: response.body).contains("Lái xe nâng"))
            }
            try await client.execute(uri: "/v1/jobs/search?q=x&education=phd", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("unknown education level 'phd'"))
            }
            try await client.execute(uri: "/v1/jobs/search?q=x&page=zero", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// Today's map in a search: a park of the former Hải Dương typed in the words, a home written the new way
    /// as `near` with a radius, a place as a filter, and a place that cannot be read.
    @Test func searchNearAHomeAndInThePlacesOfTodaysMap() async throws {
        let directory = try Self.temporaryDirectory("places")
        let postings = """
            {"id":"D1","employer":"Điện tử Đại An","zone":"KCN Đại An","address":"Lô C5, KCN Đại An, phường Tứ Minh, TP Hải Phòng","title":"Lái xe nâng","skills":["lái xe nâng"]}
            {"id":"V1","employer":"Kho vận Đình Vũ","zone":"KCN Đình Vũ","title":"Lái xe nâng","skills":["lái xe nâng"]}
            {"id":"A1","employer":"Cơ khí Hải An","address":"Số 8 đường Lê Hồng Phong, phường Hải An, Hải Phòng","title":"Thợ hàn","skills":["hàn điện"]}
            """
        let file = directory.appendingPathComponent("postings.jsonl").path
        try postings.write(toFile: file, atomically: true, encoding: .utf8)
        let board = try Self.board(directory)
        try board.load(postings: file)
        let app = Application(router: try HezaMatchAPI(board: board, tokens: APITokens([])).router())
        try await app.test(.router) { client in
            // A park of the former Hải Dương, typed without accents with the job: its forklift driver first.
            try await client.execute(uri: "/v1/jobs/search?q=lai+xe+nang+dai+an&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(ids(body) == ["D1", "V1"])
                let understood = try #require(body["understood"] as? [[String: Any]])
                #expect(understood.contains { $0["field"] as? String == "zone" && $0["value"] as? String == "KCN Đại An" })
            }
            // Near a home in the former Hải Dương, within 10 km: only the park's posting, with its distance.
            try await client.execute(uri: "/v1/jobs/search?q=lai+xe+nang&near=Ph%C6%B0%E1%BB%9Dng+Th%C3%A0nh+%C4%90%C3%B4ng&within_km=10&as_of=2026-11-23",
                                     method: .get) { response in
                let body = try object(response)
                #expect(ids(body) == ["D1"])
                let first = try #require((body["results"] as? [[String: Any]])?.first)
                let kilometres = try #require(first["distance_km"] as? Double)
                #expect(kilometres > 2 && kilometres < 10)
                let understood = try #require(body["understood"] as? [[String: Any]])
                #expect(understood.contains { $0["field"] as? String == "near" && ($0["value"] as? String ?? "").hasPrefix("Phường Thành Đông") })
            }
            // Near a home in the old city, no radius: the nearer park first, both listed.
            try await client.execute(uri: "/v1/jobs/search?q=lai+xe+nang&near=xa+quoc+tuan+huyen+an+lao&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(ids(body) == ["V1", "D1"])
            }
            // A ward typed alone: postings within 10 km of it (the one written only by its address).
            try await client.execute(uri: "/v1/jobs/search?q=ph%C6%B0%E1%BB%9Dng+H%E1%BA%A3i+An&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(Set(ids(body)) == ["A1", "V1"])
            }
            // The former province as a filter: postings written with old or new names.
            try await client.execute(uri: "/v1/jobs/search?q=&district=H%E1%BA%A3i+D%C6%B0%C6%A1ng&as_of=2026-11-23", method: .get) { response in
                let body = try object(response)
                #expect(ids(body) == ["D1"])
            }
            try await client.execute(uri: "/v1/jobs/search?q=x&near=Sao+H%E1%BB%8Fa", method: .get) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("unknown_place"))
            }
            try await client.execute(uri: "/v1/jobs/search?q=x&within_km=5", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func jobSuggestHealthAndMetrics() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/jobs/P2", method: .get) { response in
                #expect(response.status == .ok)
                let decoded = try object(response); #expect(decoded["title"] as? String == "Kỹ sư điện tử")
            }
            try await client.execute(uri: "/v1/jobs/NOPE", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/v1/suggest?q=ky%20su", method: .get) { response in
                let decoded = try object(response); #expect(decoded["suggestions"] as? [String] == ["Kỹ sư điện tử"])
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("hezamatch_http_requests_total{route=\"GET /v1/jobs/{id}\",status=\"200\"} 1"), "\(text)")
                #expect(text.contains("hezamatch_index_documents{index=\"postings\"} 3"))
                #expect(text.contains("hezamatch_http_request_duration_seconds_bucket"))
            }
        }
    }

    @Test func protectedEndpointsAnswer401WithoutData() async throws {
        try await app().test(.router) { client in
            for (uri, method) in [("/v1/candidates/C1/matches", HTTPRequest.Method.get), ("/v1/jobs/P1/shortlist", .get),
                                  ("/v1/jobs/P1", .put), ("/v1/jobs/P1", .delete), ("/v1/candidates/C1", .put),
                                  ("/v1/candidates/C1", .delete), ("/v1/import?kind=postings", .post)] {
                for headers: HTTPFields in [[:], [.authorization: "Bearer wrong"], [.authorization: ServerTests.token]] {
                    try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: "{}")) { response in
                        #expect(response.status == .unauthorized, "\(method) \(uri)")
                        let text = String(buffer: response.body)
                        #expect(!text.contains("Trần") && !text.contains("0900"))
                    }
                }
            }
        }
    }

    /// An employer's booth sees its own postings' shortlists and nothing else; every read
    /// of personal data is in the access record, under the token's label.
    @Test func rolesAndTheAccessRecord() async throws {
        let booth: HTTPFields = [.authorization: "Bearer booth-secret"]
        let (app, board) = try appAndBoard()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23", method: .get, headers: booth) { response in
                #expect(response.status == .ok)
                let found = try ids(object(response))
                #expect(found == ["C1"])
            }
            for (uri, method) in [("/v1/jobs/P2/shortlist", HTTPRequest.Method.get), ("/v1/jobs/NOPE/shortlist", .get),
                                  ("/v1/candidates/C1/matches", .get), ("/v1/jobs/P1", .put), ("/v1/jobs/P1", .delete),
                                  ("/v1/candidates/C1", .delete), ("/v1/import?kind=postings", .post)] {
                try await client.execute(uri: uri, method: method, headers: booth, body: ByteBuffer(string: "{}")) { response in
                    #expect(response.status == .forbidden, "\(method) \(uri)")
                    let text = String(buffer: response.body)
                    #expect(!text.contains("Trần") && !text.contains("0900") && !text.contains("Kỹ sư"), "\(text)")
                }
            }
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23&format=csv", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/candidates/C2/matches?as_of=2026-11-23", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
            }
        }
        let records = try board.accessRecords()
        #expect(records.map(\.action) == ["matches", "shortlist.csv", "shortlist"])
        #expect(records.map(\.actor) == ["counsellor-lan", "counsellor-lan", "booth-hh"])
        #expect(records[2].subject == "P1" && records[2].profileIDs == ["C1"])
        #expect(!records.contains { $0.actor.contains("secret") })
    }

    /// A job fair for counsellors: JSON without names, the booklet with them (recorded);
    /// a booth's token is refused; bad parameters are 400s that name them.
    @Test func aJobFairForCounsellors() async throws {
        let (app, board) = try appAndBoard()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/fair?postings=P1,P2,P3&as_of=2026-11-23", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                let fair = try object(response)
                let booths = try #require(fair["booths"] as? [[String: Any]])
                #expect(booths.map { $0["posting"] as? String } == ["P1", "P2", "P3"])
                let sent = booths.map { ($0["candidates"] as! [[String: Any]]).map { $0["id"] as! String } }
                #expect(sent == [["C1"], ["C2"], []])
                let text = String(buffer: response.body)
                #expect(!text.contains("Trần") && !text.contains("0900000001"))
                #expect((fair["summary"] as? [String: Any])?["placed_candidates"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/fair?postings=P1&as_of=2026-11-23&format=html", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("Trần Văn Hùng") && text.contains("Bạn nên ghé các gian: 1"))
            }
            try await client.execute(uri: "/v1/fair?postings=P1", method: .get, headers: [.authorization: "Bearer booth-secret"]) { response in
                #expect(response.status == .forbidden)
            }
            for (uri, status) in [("/v1/fair", HTTPResponse.Status.badRequest), ("/v1/fair?postings=P1&batch=x", .badRequest),
                                  ("/v1/fair?postings=P1&oversubscribe=abc", .badRequest), ("/v1/fair?postings=P1&per_candidate=0", .badRequest),
                                  ("/v1/fair?postings=NOPE", .notFound), ("/v1/fair?batch=1999", .badRequest),
                                  ("/v1/fair?postings=P1&as_of=2027-06-01", .conflict)] {
                try await client.execute(uri: uri, method: .get, headers: auth) { response in
                    #expect(response.status == status, "\(uri)")
                }
            }
        }
        #expect(try board.accessRecords().map(\.action) == ["fair"])
    }

    @Test func limitsAreAnsweredAtOnce() async throws {
        try await app().test(.router) { client in
            let long = String(repeating: "a", count: 9_000)
            try await client.execute(uri: "/v1/jobs/search?q=\(long)", method: .get) { response in
                #expect(response.status == .uriTooLong)
                #expect(String(buffer: response.body).contains("uri_too_long"))
            }
            try await client.execute(uri: "/v1/jobs/search?q=\(String(repeating: "tho%20", count: 200))", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("over 500 characters"))
            }
            try await client.execute(uri: "/v1/jobs/search?q=tho&page=101", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("'page' must be a whole number from 1 to 100"))
            }
            try await client.execute(uri: "/v1/jobs/search?q=tho&page=100&per_page=100", method: .get) { response in
                #expect(response.status == .ok)
            }
            for (uri, status) in [("/v1/jobs/search?as_of=", HTTPResponse.Status.badRequest), ("/v1/jobs/search?as_of=2026-02-30", .badRequest),
                                  ("/v1/suggest?limit=", .badRequest), ("/v1/jobs/search?education=", .badRequest)] {
                try await client.execute(uri: uri, method: .get) { response in #expect(response.status == status, "\(uri)") }
            }
            try await client.execute(uri: "/healthz", method: .trace) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/v1/jobs/P1", method: .post) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, PUT, DELETE")
            }
            // The methods are the router's own: every route, pages included.
            try await client.execute(uri: "/v1/import", method: .get) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/v1/jobs/search", method: .post) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/", method: .delete) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/v1/nothing", method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    @Test func matchesAndShortlistsWithAToken() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/candidates/C1/matches?as_of=2026-11-23", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                let body = try object(response)
                #expect(ids(body) == ["P1"])
                #expect(!String(buffer: response.body).contains("0900000001"))
            }
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23", method: .get, headers: [.authorization: "Bearer employer-2"]) { response in
                let body = try object(response)
                #expect(ids(body) == ["C1"])
                #expect((body["results"] as? [[String: Any]])?.first?["phone"] as? String == "0900000001")
            }
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23&format=csv", method: .get, headers: auth) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(Array(response.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            }
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23&format=html", method: .get, headers: auth) { response in
                #expect(String(buffer: response.body).contains("@page { size: A4"))
            }
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2027-06-01", method: .get, headers: auth) { response in
                #expect(response.status == .conflict)  // closed
            }
        }
    }

    /// `category=` narrows a shortlist (repeated or comma-separated), says so in the answer and on the printout,
    /// and an unknown category is a 400 that lists the known ones.
    @Test(arguments: [
        ("category=discharged_soldier", 200, ["C1"]),
        ("category=graduate", 200, []),
        ("category=graduate&category=discharged_soldier", 200, ["C1"]),
        ("category=graduate,discharged_soldier", 200, ["C1"]),
        ("category=soldier", 400, []),
        ("category=", 400, []),
    ])
    func shortlistNarrowedToCategories(query: String, status: Int, expected: [String]) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23&\(query)", method: .get, headers: auth) { response in
                #expect(Int(response.status.code) == status)
                let body = try object(response)
                if status == 200 {
                    #expect(ids(body) == expected)
                    #expect((body["categories"] as? [String])?.isEmpty == false)
                } else {
                    #expect(String(buffer: response.body).contains("discharged_soldier"))  // the known categories listed
                }
            }
        }
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23&format=html&category=discharged_soldier", method: .get,
                                     headers: auth) { response in
                #expect(String(buffer: response.body).contains("Chỉ bộ đội xuất ngũ"))
            }
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23", method: .get, headers: auth) { response in
                let body = try object(response)
                #expect(body["categories"] == nil)  // every category: the answer as before
            }
        }
    }

    @Test func anUpdateIsVisibleAtOnceAndADeleteToo() async throws {
        try await app().test(.router) { client in
            let body = ByteBuffer(string: #"{"employer":"Công ty TNHH Cơ khí Nam Cầu Kiền","title":"Thợ tiện CNC","skills":["tiện CNC"],"deadline":"2026-12-31"}"#)
            try await client.execute(uri: "/v1/jobs/P9", method: .put, headers: auth, body: body) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/jobs/search?q=tien%20cnc&as_of=2026-11-23", method: .get) { response in
                let found = try ids(object(response)); #expect(found.first == "P9")
            }
            try await client.execute(uri: "/v1/suggest?q=tho%20t", method: .get) { response in
                let decoded = try object(response); #expect(decoded["suggestions"] as? [String] == ["Thợ tiện CNC"])
            }
            try await client.execute(uri: "/v1/jobs/P9", method: .delete, headers: auth) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/v1/jobs/search?q=tien%20cnc&as_of=2026-11-23", method: .get) { response in
                let found = try ids(object(response)); #expect(found.isEmpty)
            }
            try await client.execute(uri: "/v1/jobs/P9", method: .delete, headers: auth) { response in #expect(response.status == .notFound) }
            let candidate = ByteBuffer(string: #"{"name":"Lê Văn Nam","category":"vocational_student","education":"intermediate_vocational","skills":["tiện CNC","hàn điện"]}"#)
            try await client.execute(uri: "/v1/candidates/C3", method: .put, headers: auth, body: candidate) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/v1/jobs/P1/shortlist?as_of=2026-11-23", method: .get, headers: auth) { response in
                let found = try ids(object(response)); #expect(found.contains("C3"))
            }
            try await client.execute(uri: "/v1/candidates/C3", method: .delete, headers: auth) { response in #expect(response.status == .ok) }
        }
    }

    @Test func badInputGets400Or413AndNothingIsHalfWritten() async throws {
        try await app().test(.router) { client in
            let cases: [(String, HTTPRequest.Method, ByteBuffer, HTTPResponse.Status, String)] = [
                ("/v1/jobs/P1", .put, ByteBuffer(string: "{not json"), .badRequest, "not valid JSON"),
                ("/v1/jobs/P1", .put, ByteBuffer(string: "[1]"), .badRequest, "not a JSON object"),
                ("/v1/jobs/P1", .put, ByteBuffer(string: #"{"employer":"X","title":"T","openings":"12"}"#), .badRequest, "field 'openings': expected a whole number"),
                ("/v1/jobs/P1", .put, ByteBuffer(string: #"{"employer":"X","title":"T","education_min":"phd"}"#), .badRequest, "unknown education level 'phd'"),
                ("/v1/jobs/P1", .put, ByteBuffer(string: #"{"employer":"X","title":" \n"}"#), .badRequest, "field 'title': must not be empty"),
                ("/v1/import?kind=postings", .post, ByteBuffer(string: "\n"), .badRequest, "the body is empty"),
                ("/v1/jobs/P1", .put, ByteBuffer(bytes: Array(#"{"employer":"X","title":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)), .badRequest, "not valid UTF-8"),
                ("/v1/import?kind=postings", .post, ByteBuffer(string: #"{"id":"P8","employer":"X","title":"Mới"}"# + "\n" + #"{"id":"P9","title":"no employer"}"#), .badRequest, "request body:2: field 'employer': is required but missing"),
                ("/v1/import?kind=nothing", .post, ByteBuffer(string: ""), .badRequest, "'kind'"),
                ("/v1/import?kind=postings", .post, ByteBuffer(string: String(repeating: "x", count: 5000)), .contentTooLarge, "over 4096 bytes"),
                ("/v1/import?kind=postings&encoding=ebcdic", .post, ByteBuffer(string: "{}"), .badRequest, "unknown encoding 'ebcdic'"),
                ("/v1/import?kind=postings", .post, ByteBuffer(bytes: Array(#"{"id":"P7","employer":"X","title":""#.utf8) + [0xFF, 0xFE, 0xFD] + Array(#""}"#.utf8)),
                 .badRequest, "request body:1: field 'title': is neither UTF-8 nor Vietnamese"),
            ]
            for (uri, method, body, status, message) in cases {
                try await client.execute(uri: uri, method: method, headers: auth, body: body) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(String(buffer: response.body).contains(message), "\(String(buffer: response.body))")
                }
            }
            // P1 is unchanged, P8 (the good line of the refused import) was not stored.
            try await client.execute(uri: "/v1/jobs/P1", method: .get) { response in
                let decoded = try object(response); #expect(decoded["title"] as? String == "Thợ hàn điện")
            }
            try await client.execute(uri: "/v1/jobs/P8", method: .get) { response in #expect(response.status == .notFound) }
            let good = ByteBuffer(string: #"{"id":"P8","employer":"X","title":"Mới","deadline":"2026-12-31"}"#)
            try await client.execute(uri: "/v1/import?kind=postings", method: .post, headers: auth, body: good) { response in
                let decoded = try object(response); #expect(decoded["imported"] as? Int == 1)
            }
            try await client.execute(uri: "/v1/jobs/search?q=moi&as_of=2026-11-23", method: .get) { response in
                let found = try ids(object(response)); #expect(found == ["P8"])
            }
            // A line in TCVN3 (ABC) is read as such, and the answer says so.
            var tcvn3: [UInt8] = Array(#"{"id":"P6","employer":"C"#.utf8)
            tcvn3 += [0xAB]  // ô
            tcvn3 += Array(#"ng ty","title":"Th"#.utf8)
            tcvn3 += [0xEE]  // ợ
            tcvn3 += Array(#" h"#.utf8)
            tcvn3 += [0xB5]  // à
            tcvn3 += Array(#"n","deadline":"2026-12-31"}"#.utf8)
            let old = ByteBuffer(bytes: tcvn3)
            try await client.execute(uri: "/v1/import?kind=postings", method: .post, headers: auth, body: old) { response in
                let decoded = try object(response)
                #expect(decoded["imported"] as? Int == 1)
                #expect((decoded["encoding"] as? String)?.contains("read as TCVN3 (ABC)") == true, "\(decoded)")
            }
            try await client.execute(uri: "/v1/jobs/P6", method: .get) { response in
                let decoded = try object(response); #expect(decoded["title"] as? String == "Thợ hàn" && decoded["employer"] as? String == "Công ty")
            }
        }
    }
}
