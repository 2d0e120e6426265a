import Foundation
import SearchIndex
import Testing
@testable import JobRecords
import JobStorage
@testable import JobMatching
import MatchRendering
import HezaMatchCore

@Suite struct MatchingTests {
    let asOf = CalendarDate("2026-11-23")!
    let postings = [
        posting(#"{"id":"weld","employer":"Cơ khí Nam Cầu Kiền","zone":"KCN Nam Cầu Kiền","title":"Thợ hàn","skills":["hàn điện","hàn TIG"],"education_min":"elementary_vocational","audiences":["discharged_soldier"],"age_min":18,"age_max":40,"salary_max":14000000,"housing":true,"deadline":"2026-12-31"}"#),
        posting(#"{"id":"weld-closed","employer":"Thép Đồ Sơn","zone":"KCN Đồ Sơn","title":"Welder","skills":["hàn điện"],"deadline":"2026-11-01"}"#),
        posting(#"{"id":"engineer","employer":"LG Display","zone":"KCN Tràng Duệ","title":"Kỹ sư điện tử","skills":["PCB"],"education_min":"university","deadline":"2027-01-31"}"#),
        posting(#"{"id":"young","employer":"Pegatron","zone":"KKT Đình Vũ - Cát Hải","title":"Production Operator","skills":["hàn linh kiện"],"age_min":18,"age_max":25}"#),
        posting(#"{"id":"driver","employer":"Cảng Lạch Huyện","zone":"KCN Cảng cửa ngõ quốc tế Hải Phòng","title":"Tài xế xe tải","skills":["bằng lái C"]}"#),
    ]
    let soldier = profile(#"{"id":"C1","name":"Trần Văn Hùng","phone":"0900000001","category":"discharged_soldier","education":"intermediate_vocational","skills":["hàn điện","lái xe"],"birth_year":1998,"district":"Yên Bái","needs_housing":true,"desired_salary":12000000}"#)

    private func index() throws -> SearchIndex { try MatchIndexes.postingIndex(postings, reference: reference) }

    @Test func hardEligibilityIsNeverViolated() throws {
        let matcher = JobMatcher(reference: reference)
        let ranked = try matcher.match(profile: soldier, asOf: asOf, limit: 10, postings: try index())
        let ids = ranked.map(\.posting.id)
        #expect(!ids.contains("weld-closed"))  // deadline passed
        #expect(!ids.contains("engineer"))     // needs a university degree
        #expect(!ids.contains("young"))        // 28 is above 25
        #expect(ids.first == "weld")
    }

    @Test func reasonsAreReadAloudInVietnamese() throws {
        let matcher = JobMatcher(reference: reference)
        let best = try matcher.match(profile: soldier, asOf: asOf, limit: 1, postings: try index())[0]
        #expect(best.reasons[0] == "Đúng nghề: hàn điện")
        #expect(best.explanation.contains("đủ trình độ (trung cấp ≥ sơ cấp)"))
        #expect(best.explanation.contains("tuổi 28 (yêu cầu 18–40)"))
        #expect(best.explanation.contains("doanh nghiệp ưu tiên bộ đội xuất ngũ"))
        #expect(best.explanation.contains("có ký túc xá"))
        #expect(best.explanation.contains("lương tới 14 triệu đạt mong muốn 12 triệu"))
        #expect(best.explanation.range(of: #"cách nhà \d+ km"#, options: .regularExpression) != nil)
    }

    @Test func synonymsFindTheOtherWordForAJob() throws {
        let matcher = JobMatcher(reference: reference)
        let ranked = try matcher.match(profile: soldier, asOf: asOf, limit: 10, postings: try index())
        let driver = try #require(ranked.first { $0.posting.id == "driver" })
        #expect(driver.reasons[0] == "Đúng nghề: lái xe")  // the posting says "tài xế"
    }

    @Test func searchTypedWithoutAccents() throws {
        let matcher = JobMatcher(reference: reference)
        var search = JobMatcher.Search(text: "tho han", asOf: asOf)
        search.limit = 5
        let page = try matcher.search(search, postings: try index())
        #expect(page.hits.first?.posting.id == "weld")
        #expect(!page.hits.map(\.posting.id).contains("weld-closed"))
        search.text = "ky su dien tu"
        #expect(try matcher.search(search, postings: try index()).hits.first?.posting.id == "engineer")
        search.education = .college  // the engineer posting needs university: gone; "hàn điện" still matches "dien"
        #expect(!(try matcher.search(search, postings: try index()).hits.map(\.posting.id).contains("engineer")))
    }

    @Test func shortlistRespectsEligibilityAndRefusesClosedPostings() throws {
        let profiles = [
            soldier,
            profile(#"{"id":"C2","name":"Lê Thị Lan","category":"graduate","education":"university","skills":["hàn điện"],"birth_year":1980}"#),
            profile(#"{"id":"C3","name":"Phạm Minh Đức","category":"other","skills":["hàn điện"],"birth_year":2000}"#),
            profile(#"{"id":"C4","name":"Vũ Văn Nam","category":"vocational_student","education":"intermediate_vocational","skills":["hàn TIG"]}"#),
        ]
        let index = try MatchIndexes.profileIndex(profiles, reference: reference)
        let matcher = JobMatcher(reference: reference)
        let list = try matcher.shortlist(posting: postings[0], asOf: asOf, limit: 10, profiles: index)
        #expect(list.map(\.profile.id) == ["C1", "C4"])  // C2 is 46 (> 40); C3 has no vocational certificate
        #expect(list[1].explanation.contains("chưa rõ tuổi"))
        #expect(throws: MatchError.self) {
            _ = try matcher.shortlist(posting: postings[1], asOf: asOf, limit: 10, profiles: index)
        }
    }

    /// A shortlist asked for categories lists only their candidates, in the whole list's order, and
    /// reaches candidates the whole list ranks past its limit.
    @Test(arguments: [
        ([CandidateCategory](), ["C1", "C6", "C5", "C4"]),
        ([.dischargedSoldier], ["C1", "C6"]),
        ([.vocationalStudent], ["C5", "C4"]),
        ([.dischargedSoldier, .vocationalStudent], ["C1", "C6", "C5", "C4"]),
        ([.graduate], []),
        ([.other], []),
    ])
    func shortlistNarrowedToCategories(categories: [CandidateCategory], expected: [String]) throws {
        let profiles = [
            soldier,
            profile(#"{"id":"C4","name":"Vũ Văn Nam","category":"vocational_student","education":"intermediate_vocational","skills":["hàn TIG"]}"#),
            profile(#"{"id":"C5","name":"Ngô Văn Tú","category":"vocational_student","education":"intermediate_vocational","skills":["hàn điện","hàn TIG"],"desired_titles":["Thợ hàn"],"birth_year":2001}"#),
            profile(#"{"id":"C6","name":"Đỗ Văn Long","category":"discharged_soldier","education":"elementary_vocational","skills":["hàn điện"],"birth_year":1999}"#),
            profile(#"{"id":"C7","name":"Hà Thị Mai","category":"graduate","education":"university","skills":["kế toán"],"birth_year":2000}"#),
        ]
        let index = try MatchIndexes.profileIndex(profiles, reference: reference)
        let matcher = JobMatcher(reference: reference)
        let whole = try matcher.shortlist(posting: postings[0], asOf: asOf, limit: 10, profiles: index).map(\.profile.id)
        #expect(whole == ["C1", "C6", "C5", "C4"])  // the posting invites discharged soldiers; C7 has no trade of it
        let narrowed = try matcher.shortlist(posting: postings[0], asOf: asOf, limit: 10, profiles: index, categories: categories)
        #expect(narrowed.map(\.profile.id) == expected)
        #expect(narrowed.map(\.profile.id) == whole.filter { id in categories.isEmpty || expected.contains(id) })
        // The first of the category, though the whole list's first would fill the limit.
        let first = try matcher.shortlist(posting: postings[0], asOf: asOf, limit: 1, profiles: index, categories: categories)
        #expect(first.map(\.profile.id) == Array(expected.prefix(1)))
    }

    /// A shortlist with fewer candidates than asked also asks for those who share a synonym group or occupation of the
    /// posting's trade, however common it is among all the profiles: `điện tử` is in 12 of these 14, so the first search
    /// only adds it to candidates another word brought, and the electronics engineer among the "other" candidates, who
    /// shares nothing else with an assembly line, would be missing from the list narrowed to them.
    @Test(arguments: [
        ([CandidateCategory.other], 10, ["solderer", "engineer"]),
        ([.other], 1, ["solderer"]),          // as many as asked: no second search
        ([.dischargedSoldier], 10, ["soldier"]),
    ])
    func aShortListAsksByTheTradesGroupsToo(categories: [CandidateCategory], limit: Int, expected: [String]) throws {
        let assembly = posting(#"{"id":"as","employer":"E","title":"Công nhân lắp ráp linh kiện điện tử","skills":["hàn linh kiện"]}"#)
        var profiles = (0..<11).map { n in
            profile(#"{"id":"technician\#(n)","name":"A","category":"graduate","education":"college","desired_titles":["Kỹ thuật viên điện tử"]}"#)
        }
        profiles += [
            profile(#"{"id":"engineer","name":"B","category":"other","desired_titles":["Kỹ sư điện tử"]}"#),
            profile(#"{"id":"solderer","name":"C","category":"other","skills":["hàn linh kiện"]}"#),
            profile(#"{"id":"soldier","name":"D","category":"discharged_soldier","skills":["lái xe"],"major":"Điện tử"}"#),
        ]
        let index = try MatchIndexes.profileIndex(profiles, reference: reference)
        let list = try JobMatcher(reference: reference).shortlist(posting: assembly, asOf: asOf, limit: limit, profiles: index, categories: categories)
        #expect(list.map(\.profile.id) == expected, "\(list.map { ($0.profile.id, $0.explanation) })")
        if let engineer = list.first(where: { $0.profile.id == "engineer" }) { #expect(engineer.reasons.first == "cùng lĩnh vực: điện tử") }
    }

    @Test func theBundledCorpusNeverBreaksEligibility() throws {
        let postings = try JSONLinesLoader.load(JobPosting.self, from: Array(try String(contentsOfFile: corpusDirectory + "/postings.jsonl", encoding: .utf8).utf8), file: "postings.jsonl").map(\.value)
        let profiles = try JSONLinesLoader.load(CandidateProfile.self, from: Array(try String(contentsOfFile: corpusDirectory + "/profiles.jsonl", encoding: .utf8).utf8), file: "profiles.jsonl").map(\.value)
        #expect(postings.count >= 300 && profiles.count >= 2000)
        let index = try MatchIndexes.postingIndex(postings, reference: reference)
        let matcher = JobMatcher(reference: reference)
        for profile in profiles.prefix(60) {
            for ranked in try matcher.match(profile: profile, asOf: asOf, limit: 20, postings: index) {
                let job = ranked.posting
                #expect(profile.educationLevel >= (job.educationMin ?? .none), "\(profile.id) \(job.id)")
                if let deadline = job.deadline { #expect(deadline >= asOf) }
                if let age = profile.age(on: asOf) {
                    if let minimum = job.ageMin { #expect(age >= minimum) }
                    if let maximum = job.ageMax { #expect(age <= maximum) }
                }
            }
        }
    }
}
