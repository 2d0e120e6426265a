import Foundation
import Testing
import SearchIndex
@testable import JobRecords
@testable import JobMatching

/// Reverse matching: which saved searches and profile alerts a new posting is for.
@Suite struct AlertMatchingTests {
    let matcher = JobMatcher(reference: reference)
    let asOf = CalendarDate(year: 2026, month: 12, day: 6)

    private func job(_ id: String, _ title: String, skills: [String] = [], zone: String = "KCN Nam Cầu Kiền", education: String = "lower_secondary",
                     audiences: [String]? = nil, ages: (Int, Int)? = nil, requirements: String? = nil) -> JobPosting {
        var fields: [String] = [#""id":"\#(id)""#, #""employer":"Công ty Thử""#, #""title":"\#(title)""#, #""zone":"\#(zone)""#,
                                #""education_min":"\#(education)""#, #""deadline":"2099-12-31""#]
        if !skills.isEmpty { fields.append(#""skills":[\#(skills.map { "\"\($0)\"" }.joined(separator: ","))]"#) }
        if let audiences { fields.append(#""audiences":[\#(audiences.map { "\"\($0)\"" }.joined(separator: ","))]"#) }
        if let ages { fields.append(#""age_min":\#(ages.0),"age_max":\#(ages.1)"#) }
        if let requirements { fields.append(#""requirements":"\#(requirements)""#) }
        return posting("{" + fields.joined(separator: ",") + "}")
    }

    private func admits(_ saved: SavedSearch, _ posting: JobPosting) throws -> Bool {
        try matcher.criteria(for: saved, postings: nil).admits(PostingFacts(posting: posting, reference: reference))
    }

    /// A saved search sends a posting that has every word (or a synonym) and passes every filter, places and
    /// levels typed in the words included.
    @Test func savedSearchesTruthTable() throws {
        let welder = job("W", "Thợ hàn kết cấu thép", skills: ["hàn điện"])
        let welderDinhVu = job("WD", "Thợ hàn kết cấu thép", skills: ["hàn điện"], zone: "KCN Đình Vũ")
        let solderer = job("S", "Công nhân lắp ráp linh kiện", skills: ["hàn linh kiện"])
        let trucker = job("T", "Tài xế xe tải", skills: ["bằng lái C"])
        let engineer = job("E", "Kỹ sư điện tử", education: "university")
        let soldiersOnly = job("SO", "Bảo vệ", audiences: ["discharged_soldier"])
        let everyone = job("EV", "Bảo vệ")
        let farAway = job("FA", "Thợ hàn", skills: ["hàn điện"], zone: "KCN Đại An")
        let cases: [(SavedSearch, JobPosting, Bool, String)] = [
            (SavedSearch(query: "thợ hàn"), welder, true, "every word"),
            (SavedSearch(query: "thợ hàn"), solderer, false, "`hàn` alone is not the search"),
            (SavedSearch(query: "THO HAN"), welder, true, "capitals, no accents"),
            (SavedSearch(query: "việc làm thợ hàn"), welder, true, "`việc làm` asks for nothing"),
            (SavedSearch(query: "lái xe"), trucker, true, "a synonym (tài xế)"),
            (SavedSearch(query: "lái xe"), welder, false, "another trade"),
            (SavedSearch(query: "thợ hàn", zone: "KCN Đình Vũ"), welder, false, "a zone asked"),
            (SavedSearch(query: "thợ hàn", zone: "KCN Đình Vũ"), welderDinhVu, true, "a zone asked"),
            (SavedSearch(query: "thợ hàn đình vũ"), welderDinhVu, true, "a zone typed with the words filters"),
            (SavedSearch(query: "thợ hàn đình vũ"), welder, false, "a zone typed with the words filters"),
            (SavedSearch(query: "kỹ sư điện tử", education: .upperSecondary), engineer, false, "a posting that asks more schooling"),
            (SavedSearch(query: "kỹ sư điện tử", education: .university), engineer, true, "schooling enough"),
            (SavedSearch(query: "ky su dien tu"), engineer, true, "typed without accents"),
            (SavedSearch(query: "bảo vệ", audience: .graduate), soldiersOnly, false, "a posting for soldiers only"),
            (SavedSearch(query: "bảo vệ", audience: .graduate), everyone, true, "a posting for everyone"),
            (SavedSearch(query: "thợ hàn", near: "KCN Nam Cầu Kiền", withinKilometres: 5), welder, true, "within the radius"),
            (SavedSearch(query: "thợ hàn", near: "KCN Nam Cầu Kiền", withinKilometres: 5), farAway, false, "beyond the radius"),
            (SavedSearch(query: "", zone: "KCN Đình Vũ"), welderDinhVu, true, "a zone alone"),
        ]
        for (saved, posting, expected, why) in cases {
            #expect(try admits(saved, posting) == expected, "\(saved.query) \(saved.zone ?? "") → \(posting.title) \(posting.zone ?? ""): \(why)")
        }
    }

    /// A profile alert: filed under the candidate's trades, with `match`'s eligibility; its points, reasons and a
    /// licence the posting requires weighed when the message is made.
    @Test func profileAlertsTruthTable() throws {
        let welder = profile(#"{"id":"C1","name":"A","category":"vocational_student","desired_titles":["Thợ hàn"],"skills":["hàn điện"],"education":"intermediate_vocational","birth_year":1998}"#)
        let criteria = try #require(matcher.criteria(for: welder, year: 2026))
        let cases: [(JobPosting, Bool, Bool, String)] = [
            (job("W", "Thợ hàn kết cấu", skills: ["hàn điện"]), true, true, "the trade"),
            (job("W2", "Thợ hàn", skills: ["hàn điện"], education: "university"), false, false, "more schooling than the candidate's"),
            (job("W3", "Thợ hàn", skills: ["hàn điện"], ages: (18, 25)), false, false, "28 is over 25"),
            (job("D", "Tài xế xe tải", skills: ["bằng lái C"]), false, false, "another trade"),
            (job("W4", "Thợ hàn", skills: ["hàn điện"], requirements: "Bắt buộc có bằng lái C"), true, false, "a licence the posting requires"),
        ]
        for (posting, decided, sent, why) in cases {
            #expect(criteria.admits(PostingFacts(posting: posting, reference: reference)) == decided, "\(posting.id): \(why)")
            #expect((matcher.alertFit(posting: posting, profile: welder, asOf: asOf) != nil && decided) == sent, "\(posting.id): \(why)")
        }
        #expect(matcher.criteria(for: profile(#"{"id":"C2","name":"B","category":"other","summary":"chưa rõ"}"#), year: 2026) == nil)
    }

    /// The index finds exactly what checking every alert finds, with alerts sharing criteria, and after removals.
    @Test func theIndexFindsWhatAScanFinds() throws {
        let queries = ["thợ hàn", "lái xe", "công nhân", "kỹ sư điện tử", "bảo vệ", "nhân viên kho", "lái xe nâng", "may công nghiệp", "kế toán"]
        let zones = [nil, "KCN Nam Cầu Kiền", "KCN Đình Vũ", "KCN Tràng Duệ"]
        var index = AlertIndex()
        var all: [(String, SavedSearchCriteria)] = []
        var number = 0
        for query in queries {
            for zone in zones {
                for _ in 0..<3 {  // three people saved the same search
                    let criteria = try matcher.criteria(for: SavedSearch(query: query, zone: zone), postings: nil)
                    index.insert(id: "A\(number)", criteria: criteria)
                    all.append(("A\(number)", criteria))
                    number += 1
                }
            }
        }
        for removed in stride(from: 0, to: all.count, by: 7) { index.remove(id: all[removed].0) }
        let kept = all.enumerated().filter { $0.offset % 7 != 0 }.map(\.element)
        #expect(index.count == kept.count)
        #expect(index.distinctCriteria == queries.count * zones.count)
        let postings = try JSONLinesLoader.load(JobPosting.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: corpusDirectory + "/postings.jsonl"))),
                                                file: "postings.jsonl").map(\.value)
        var found = 0
        for posting in postings.prefix(120) {
            let facts = PostingFacts(posting: posting, reference: reference)
            let expected = Set(kept.filter { $0.1.admits(facts) }.map(\.0))
            let got = index.matches(facts).joined().map(\.id)
            #expect(Set(got) == expected, "\(posting.id)")
            #expect(got.count == expected.count, "\(posting.id): an alert found twice")
            found += got.count
        }
        #expect(found > 0)
    }

    /// What a client may ask, and the field named when it cannot be.
    @Test func requestsAreCheckedWhenRead() {
        let cases: [(String, String?)] = [
            (#"{"query":"thợ hàn","deliver":{"email":"a@b.vn"}}"#, nil),
            (#"{"profile":"C-00015","deliver":{"webhook":"https://gw.example.vn/h"},"mode":"daily","digest_hour":8}"#, nil),
            (#"{"query":"thợ hàn"}"#, "deliver"),
            (#"{"query":"thợ hàn","deliver":{"email":"a@b.vn","webhook":"http://x"}}"#, "deliver"),
            (#"{"query":"thợ hàn","deliver":{"email":"not an address"}}"#, "deliver.email"),
            (#"{"query":"thợ hàn","deliver":{"webhook":"file:///etc/passwd"}}"#, "deliver.webhook"),
            (#"{"query":"","deliver":{"email":"a@b.vn"}}"#, "query"),
            (#"{"query":"hàn","within_km":5,"deliver":{"email":"a@b.vn"}}"#, "within_km"),
            (#"{"query":"hàn","near":"Thủy Nguyên","within_km":5000,"deliver":{"email":"a@b.vn"}}"#, "within_km"),
            (#"{"query":"hàn","mode":"hourly","deliver":{"email":"a@b.vn"}}"#, "mode"),
            (#"{"query":"hàn","digest_hour":24,"deliver":{"email":"a@b.vn"}}"#, "digest_hour"),
            (#"{"profile":"C-1","query":"hàn","deliver":{"email":"a@b.vn"}}"#, "query"),
            (#"{"query":"hàn","education":"phd","deliver":{"email":"a@b.vn"}}"#, "education"),
        ]
        for (body, field) in cases {
            switch JobAlert.Request.read(body) {
            case .success: #expect(field == nil, "\(body) should be refused for \(field ?? "")")
            case .failure(let problems): #expect(problems.problems.first?.field == field, "\(body): \(problems)")
            }
        }
    }

    /// A stored alert reads back as it was written (the store keeps it as this JSON).
    @Test func storedAlertsRoundTrip() throws {
        let alerts = [
            JobAlert(id: "A-1", subject: .search(SavedSearch(query: "thợ hàn", zone: "KCN Đình Vũ", education: .college, near: "Thủy Nguyên",
                                                             withinKilometres: 12.5)),
                     delivery: .email("a@b.vn"), mode: .daily, digestHour: 8, status: .pendingConfirmation, createdBy: "public",
                     createdAt: "2026-12-06T10:00:00Z", confirmToken: "c1", unsubscribeToken: "u1"),
            JobAlert(id: "A-2", subject: .profile("C-00015"), delivery: .webhook("https://gw.example.vn/h"), createdBy: "counsellor-lan",
                     createdAt: "2026-12-06T10:00:00Z", unsubscribeToken: "u2"),
        ]
        for alert in alerts {
            #expect(try JobAlert.read(JSONValueEncoder.text(alert)).get() == alert)
        }
    }
}
