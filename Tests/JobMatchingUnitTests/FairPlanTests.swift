import Testing
@testable import JobRecords
@testable import JobMatching
import SearchIndex

/// A job fair's plan: eligibility and trade kept, capacities kept, gaps said.
@Suite struct FairPlanTests {
    let asOf = CalendarDate("2026-11-23")!

    private func plan(_ postings: [JobPosting], _ profiles: [CandidateProfile], perCandidate: Int = 3,
                      oversubscribe: Double = 1, minimum: Int = 0) throws -> FairPlan {
        let index = try MatchIndexes.profileIndex(profiles, reference: reference)
        var request = FairRequest(postings: postings, asOf: asOf)
        request.perCandidate = perCandidate
        request.oversubscribe = oversubscribe
        request.minimum = minimum
        return try JobMatcher(reference: reference).planFair(request, profiles: index)
    }

    private let welder = posting(#"{"id":"W","employer":"Cơ khí A","title":"Thợ hàn","skills":["hàn điện","chứng chỉ hàn 3G"],"openings":2,"education_min":"lower_secondary"}"#)
    private let forklift = posting(#"{"id":"F","employer":"Kho B","title":"Nhân viên lái xe nâng","skills":["lái xe nâng","chứng chỉ xe nâng"],"openings":1}"#)

    @Test func onlyEligibleCandidatesOfTheTradeAreSent() throws {
        let candidates = [
            profile(#"{"id":"C1","name":"A","category":"vocational_student","education":"intermediate_vocational","skills":["hàn điện","chứng chỉ hàn 3G"]}"#),
            profile(#"{"id":"C2","name":"B","category":"other","education":"none","skills":["hàn điện"]}"#),          // below the schooling asked
            profile(#"{"id":"C3","name":"C","category":"discharged_soldier","education":"upper_secondary","skills":["lái xe nâng"]}"#),
            profile(#"{"id":"C4","name":"D","category":"other","education":"upper_secondary","skills":["kế toán"]}"#),     // no trade of the fair
        ]
        let fair = try plan([welder, forklift], candidates)
        #expect(fair.booths.map(\.number) == [1, 2])
        #expect(fair.booths[0].candidates.map(\.profile.id) == ["C1"])
        #expect(fair.booths[1].candidates.map(\.profile.id) == ["C3"])
        #expect(fair.summary.eligibleCandidates == 2 && fair.summary.placedCandidates == 2 && fair.unplaced.isEmpty)
        #expect(fair.summary.openings == 3 && fair.summary.places == 3 && fair.summary.filled == 2 && fair.summary.openingsCovered == 2)
        // The forklift driver who does not say he holds the certificate: a gap to ask about.
        let gap = try #require(fair.gaps.first { $0.course.name == "chứng chỉ vận hành xe nâng" })
        #expect(gap.candidates == ["C3"] && gap.employers == ["Kho B"] && gap.postings == ["F"])
        #expect(gap.sentence.hasPrefix("1 ứng viên thiếu chứng chỉ xe nâng cho 1 doanh nghiệp"))
        #expect(fair.booths[1].candidates[0].training.first?.sentence.hasPrefix("học thêm (nếu chưa có): chứng chỉ vận hành xe nâng") == true)
    }

    @Test func capacitiesSpreadCandidatesAndSayWhen() throws {
        // Six forklift drivers, three booths of one opening each (2 places with 2×), two booths a candidate.
        let booths = (1...3).map { n in
            posting(#"{"id":"F\#(n)","employer":"Kho \#(n)","title":"Nhân viên lái xe nâng","skills":["lái xe nâng"],"openings":1}"#)
        }
        let drivers = (1...6).map { n in
            profile(#"{"id":"D\#(n)","name":"N\#(n)","category":"other","education":"upper_secondary","skills":["lái xe nâng"]}"#)
        }
        let fair = try plan(booths, drivers, perCandidate: 2, oversubscribe: 2)
        #expect(fair.booths.allSatisfy { $0.candidates.count == 2 && $0.capacity == 2 })
        #expect(fair.summary.placedCandidates == 6)  // everyone placed once rather than three placed twice
        // Each candidate's booths at different times; each time a half-hour from 08:00.
        var times: [String: [String]] = [:]
        for booth in fair.booths { for (id, time) in booth.times { times[id, default: []].append(time) } }
        #expect(times.values.allSatisfy { Set($0).count == $0.count })
        #expect(times.values.joined().allSatisfy { ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"].contains($0) })
    }

    /// Places left at a production line (general work) after the trade and related passes go to candidates placed
    /// nowhere (issue 29): a security guard the one security booth could not take, a carpenter with no booth of his
    /// trade; not an engineer, for whom the line is far below his schooling.
    @Test func aProductionLineTakesThoseWithNoBoothOfTheirTrade() throws {
        let line = posting(#"{"id":"L","employer":"Điện tử C","title":"Công nhân sản xuất","skills":["làm ca"],"openings":3}"#)
        let guards = posting(#"{"id":"G","employer":"Nhà máy D","title":"Bảo vệ nhà máy","skills":["tuần tra","an toàn lao động"],"openings":1}"#)
        let candidates = [
            profile(#"{"id":"P","name":"A","category":"other","education":"upper_secondary","desired_titles":["Công nhân sản xuất"]}"#),
            profile(#"{"id":"S1","name":"B","category":"discharged_soldier","education":"upper_secondary","desired_titles":["Bảo vệ"],"skills":["tuần tra","an toàn lao động"]}"#),
            profile(#"{"id":"S2","name":"C","category":"discharged_soldier","education":"upper_secondary","desired_titles":["Bảo vệ"],"skills":["tuần tra"]}"#),
            profile(#"{"id":"K","name":"D","category":"other","education":"lower_secondary","desired_titles":["Thợ mộc"],"skills":["an toàn lao động"]}"#),
            profile(#"{"id":"E","name":"E","category":"graduate","education":"university","desired_titles":["Kỹ sư môi trường"],"skills":["an toàn lao động"]}"#),
        ]
        let fair = try plan([line, guards], candidates)
        let lineBooth = fair.booths[0], guardBooth = fair.booths[1]
        #expect(lineBooth.capacity == 3 && guardBooth.capacity == 1)
        #expect(guardBooth.candidates.map(\.profile.id) == ["S1"], "\(guardBooth.candidates.map { ($0.profile.id, $0.explanation) })")
        #expect(lineBooth.candidates.first?.profile.id == "P")   // the trade first
        #expect(Set(lineBooth.candidates.dropFirst().map(\.profile.id)) == ["S2", "K"], "\(lineBooth.candidates.map { ($0.profile.id, $0.explanation) })")
        // The carpenter has no booth of his trade; the guard's is full, and his reason says so.
        let reasons = Dictionary(uniqueKeysWithValues: lineBooth.candidates.map { ($0.profile.id, Array($0.reasons.prefix(2))) })
        #expect(reasons["K"] == ["Không có gian đúng nghề", "Việc phổ thông, không cần nghề"])
        #expect(reasons["S2"] == ["Gian đúng nghề đã đủ chỗ", "Việc phổ thông, không cần nghề"])
        #expect(!fair.booths.contains { $0.candidates.contains { $0.profile.id == "E" } })
        #expect(fair.summary.placedCandidates == 4 && fair.summary.filled == 4 && fair.unplaced.isEmpty)
    }

    /// A second visit comes after everyone who fits a booth (issue 29): a line worker of both production lines visits
    /// one, and the guard the security booth cannot take has the other; with the places to spare, both lines again.
    @Test func aSecondVisitNeverTakesThePlaceOfSomeonePlacedNowhere() throws {
        let lines = (1...2).map { n in
            posting(#"{"id":"L\#(n)","employer":"Điện tử \#(n)","title":"Công nhân sản xuất","skills":["làm ca"],"openings":1}"#)
        }
        let guards = posting(#"{"id":"G","employer":"Nhà máy D","title":"Bảo vệ nhà máy","skills":["tuần tra"],"openings":1}"#)
        let candidates = [
            profile(#"{"id":"P","name":"A","category":"other","education":"upper_secondary","desired_titles":["Công nhân sản xuất"],"skills":["làm ca"]}"#),
            profile(#"{"id":"S1","name":"B","category":"discharged_soldier","education":"upper_secondary","desired_titles":["Bảo vệ"],"skills":["tuần tra"]}"#),
            profile(#"{"id":"S2","name":"C","category":"discharged_soldier","education":"upper_secondary","desired_titles":["Bảo vệ"]}"#),
        ]
        let fair = try plan(lines + [guards], candidates)
        let visits = fair.booths.map { Set($0.candidates.map(\.profile.id)) }
        #expect(visits[2] == ["S1"] && visits[0].union(visits[1]) == ["P", "S2"], "\(visits)")
        #expect(fair.summary.placedCandidates == 3 && fair.summary.eligibleCandidates == 3 && fair.unplaced.isEmpty)
        let guardAtALine = try #require(fair.booths.prefix(2).flatMap(\.candidates).first { $0.profile.id == "S2" })
        #expect(guardAtALine.reasons.prefix(2) == ["Gian đúng nghề đã đủ chỗ", "Việc phổ thông, không cần nghề"])
        // Two places a booth: both guards at theirs, and the line worker at both lines.
        let roomy = try plan(lines + [guards], candidates, oversubscribe: 2)
        #expect(roomy.booths.map { Set($0.candidates.map(\.profile.id)) } == [["P"], ["P"], ["S1", "S2"]], "\(roomy.booths.map { $0.candidates.map(\.profile.id) })")
        #expect(roomy.summary.filled == 4 && roomy.summary.placedCandidates == 3)
    }

    /// General work needs no word in common: a carpenter whose profile shares none with the fair's booths is still sent
    /// to its production line, and a bookkeeper too young for it is not.
    @Test func generalWorkNeedsNoWordInCommon() throws {
        let line = posting(#"{"id":"L","employer":"Điện tử C","title":"Công nhân sản xuất","skills":["làm ca"],"openings":2,"age_min":18}"#)
        let candidates = [
            profile(#"{"id":"K","name":"A","category":"other","education":"lower_secondary","birth_year":1990,"desired_titles":["Thợ mộc"],"skills":["đóng tủ"]}"#),
            profile(#"{"id":"Y","name":"B","category":"other","education":"lower_secondary","birth_year":2012,"desired_titles":["Thợ mộc"],"skills":["đóng tủ"]}"#),
        ]
        let fair = try plan([line], candidates)
        #expect(fair.booths[0].candidates.map(\.profile.id) == ["K"])
        #expect(fair.booths[0].candidates.first?.reasons.prefix(2) == ["Không có gian đúng nghề", "Việc phổ thông, không cần nghề"])
        #expect(fair.summary.eligibleCandidates == 1 && fair.unplaced.isEmpty)
    }

    /// Where those of the trade fill every place, the others still count as fitting a booth, and are listed unplaced.
    @Test func whenTheTradeFillsEveryPlaceTheOthersAreUnplaced() throws {
        let line = posting(#"{"id":"L","employer":"Điện tử C","title":"Công nhân sản xuất","skills":["làm ca"],"openings":1}"#)
        let candidates = [
            profile(#"{"id":"P","name":"A","category":"other","education":"upper_secondary","desired_titles":["Công nhân sản xuất"],"skills":["làm ca"]}"#),
            profile(#"{"id":"K","name":"B","category":"other","education":"lower_secondary","desired_titles":["Thợ mộc"],"skills":["đóng tủ"]}"#),
        ]
        let fair = try plan([line], candidates)
        #expect(fair.booths[0].candidates.map(\.profile.id) == ["P"])
        #expect(fair.summary.eligibleCandidates == 2 && fair.summary.placedCandidates == 1 && fair.unplaced == ["K"])
        #expect(fair.summary.pairs == 2 && fair.summary.filled == 1)
    }

    @Test func aMinimumAndAnOversubscriptionMakeTheCapacity() {
        var request = FairRequest(postings: [], asOf: asOf)
        let cases: [(openings: Int?, oversubscribe: Double, minimum: Int, capacity: Int)] = [
            (131, 2, 10, 262), (3, 2, 10, 10), (nil, 2, 0, 2), (5, 1.5, 0, 8), (0, 2, 0, 2),
        ]
        for item in cases {
            request.oversubscribe = item.oversubscribe
            request.minimum = item.minimum
            var job = forklift
            job.openings = item.openings
            #expect(request.capacity(of: job) == item.capacity, "\(item)")
        }
    }

    @Test func aFairRefusesClosedPostingsAndBadRules() throws {
        var closed = forklift
        closed.deadline = CalendarDate("2026-11-01")
        #expect(throws: MatchError.self) { try plan([closed], []) }
        #expect(throws: MatchError.self) { try plan([], []) }
        #expect(throws: MatchError.self) { try plan([forklift], [], perCandidate: 0) }
        #expect(throws: MatchError.self) { try plan([forklift], [], oversubscribe: 0) }
    }
}

/// What to learn: the reviewed table and the gaps between a posting and a candidate.
@Suite struct TrainingTests {
    private func gaps(_ posting: JobPosting, _ profile: CandidateProfile) -> [String] {
        TrainingSuggestion.gaps(posting: PostingTrades(posting, synonyms: reference.synonyms),
                                candidate: CandidateTrades(profile, synonyms: reference.synonyms), reference: reference).map(\.sentence)
    }

    /// posting skills × candidate skills → what the sentence starts with.
    @Test func gapsTruthTable() {
        let truck = posting(#"{"id":"T","employer":"E","title":"Thợ hàn","skills":["hàn điện","chứng chỉ hàn 6G"]}"#)
        let forklift = posting(#"{"id":"F","employer":"E","title":"Nhân viên kho","skills":["quản lý kho","lái xe nâng","chứng chỉ xe nâng"]}"#)
        let cases: [(posting: JobPosting, skills: String, expected: [String])] = [
            (truck, #"["hàn điện","chứng chỉ hàn 3G"]"#, ["học thêm: chứng chỉ thợ hàn 6G"]),          // held too low: sure
            (truck, #"["hàn điện"]"#, ["học thêm (nếu chưa có): chứng chỉ thợ hàn 6G"]),              // not said: ask
            (truck, #"["hàn điện","hàn 6G"]"#, []),                                                    // holds it
            (forklift, #"["quản lý kho"]"#, ["học thêm (nếu chưa có): chứng chỉ vận hành xe nâng"]),  // one course for the skill and the certificate
            (forklift, #"["quản lý kho","forklift","chứng chỉ xe nâng"]"#, []),                        // a synonym of the skill
        ]
        for item in cases {
            let candidate = profile(#"{"id":"X","name":"A","category":"other","skills":\#(item.skills)}"#)
            let found = gaps(item.posting, candidate)
            #expect(found.count == item.expected.count, "\(item.skills): \(found)")
            for (sentence, start) in zip(found, item.expected) { #expect(sentence.hasPrefix(start), "\(item.skills): \(sentence)") }
        }
    }

    @Test func theResolutionIsSaidAsIllustrative() throws {
        let course = try #require(reference.training.course(for: Licence(.forklift)))
        #expect(course.supported && course.support.contains("cần đối chiếu danh mục nghề"))
        let safety = try #require(reference.training.course(forFoldedSkill: "an toan lao dong"))
        #expect(!safety.supported && safety.support.hasPrefix("không thuộc"))
        #expect(reference.training.course(for: Licence(.driving, "C"))?.name == "bằng lái xe hạng C (nâng hạng)")
    }

    @Test func aBadTableIsRefusedWithLineAndField() {
        let table = "# comment\nlicence:forklift\tcourse\t1 tháng\tcó thể\nlicence:boat\tX\t1\tcó thể\nhàn điện\tnghề hàn\t2 tháng\tmaybe\nonly\ttwo\n"
        do {
            _ = try TrainingCatalogue(tsv: table, file: "training.tsv")
            Issue.record("a bad table was read")
        } catch let failure as LoadFailure {
            #expect(failure.problems.map(\.line) == [3, 4, 5])
            #expect(failure.problems.map(\.field) == ["key", "support", nil])
            #expect(failure.problems.allSatisfy { $0.file == "training.tsv" })
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
