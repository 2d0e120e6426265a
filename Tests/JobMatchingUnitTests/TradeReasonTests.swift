import Testing
@testable import JobRecords
@testable import JobMatching
import SearchIndex

/// The reasons say true things: a trade is a trade (not a generic skill), matched inside
/// one skill or field, counted once; licences ranked by what they allow.
@Suite struct TradeReasonTests {
    let asOf = CalendarDate("2026-11-23")!

    private func shortlist(_ posting: JobPosting, _ profiles: [CandidateProfile]) throws -> [RankedCandidate] {
        let index = try MatchIndexes.profileIndex(profiles, reference: reference)
        return try JobMatcher(reference: reference).shortlist(posting: posting, asOf: asOf, limit: 10, profiles: index)
    }

    @Test func aGenericSkillIsNeverTheTrade() throws {
        let port = posting(#"{"id":"port","employer":"Cảng","title":"Công nhân bốc xếp","skills":["bốc xếp hàng hóa","an toàn lao động"]}"#)
        let driver = profile(#"{"id":"D","name":"A","category":"discharged_soldier","skills":["lái xe","an toàn lao động"]}"#)
        let docker = profile(#"{"id":"S","name":"B","category":"discharged_soldier","skills":["bốc xếp","an toàn lao động"]}"#)
        let ranked = try shortlist(port, [driver, docker])
        #expect(ranked.map(\.profile.id) == ["S", "D"])
        let driverReasons = try #require(ranked.last).reasons
        #expect(!driverReasons.contains { $0.hasPrefix("Đúng nghề") && $0.contains("an toàn lao động") })
        #expect(driverReasons.contains("cùng kỹ năng chung: an toàn lao động"))
    }

    /// The job a candidate asks for is their occupation; one read only from a skill counts half, and is said when nothing
    /// the candidate asks for is as close (a related occupation asked for, 0.5, is said before the same one read from a skill).
    @Test func theDesiredTitleIsTheOccupation() throws {
        let candidate = profile(#"{"id":"M","name":"A","category":"vocational_student","desired_titles":["Kỹ thuật viên bảo trì"],"skills":["điện công nghiệp"]}"#)
        let maintenance = posting(#"{"id":"maint","employer":"E","title":"Kỹ thuật viên bảo trì","skills":["điện công nghiệp"]}"#)
        let electrician = posting(#"{"id":"elec","employer":"E","title":"Thợ điện công nghiệp","skills":["điện công nghiệp","bảo trì máy"]}"#)
        let lines = posting(#"{"id":"line","employer":"E","title":"Thợ đường dây điện","skills":["điện công nghiệp"]}"#)
        let index = try MatchIndexes.postingIndex([electrician, maintenance, lines], reference: reference)
        let ranked = try JobMatcher(reference: reference).match(profile: candidate, asOf: asOf, limit: 10, postings: index)
        #expect(ranked.map(\.posting.id) == ["maint", "elec", "line"])
        #expect(ranked[0].reasons.contains { $0.hasPrefix("cùng nghề kỹ thuật viên bảo trì") && !$0.contains("theo kỹ năng") })
        #expect(ranked[1].reasons.contains("nghề gần: kỹ thuật viên bảo trì → thợ điện công nghiệp"), "\(ranked[1].reasons)")
        // Power lines: unrelated to maintenance, but the candidate's skill is an industrial electrician's, related 0.6.
        #expect(ranked[2].reasons.contains("nghề gần: thợ điện công nghiệp → thợ đường dây điện"), "\(ranked[2].reasons)")
    }

    @Test func noPhraseAcrossTwoSkills() {
        // "hàn" ending one skill and "điện" beginning the next are not "hàn điện".
        let trades = CandidateTrades(profile(#"{"id":"W","name":"A","category":"other","skills":["hàn điện"]}"#), synonyms: reference.synonyms)
        let split = posting(#"{"id":"x","employer":"E","title":"Nhân viên","skills":["tiếng Hàn","điện thoại viên"]}"#)
        #expect(trades.shared(with: split, synonyms: reference.synonyms).trades.isEmpty)
        let whole = posting(#"{"id":"y","employer":"E","title":"Thợ hàn","skills":["hàn điện"]}"#)
        #expect(trades.shared(with: whole, synonyms: reference.synonyms).trades == ["hàn điện"])
    }

    /// When no open posting names the candidate's trade (issue 29): a related occupation first, then postings that
    /// only share words, even when those score higher.
    @Test func withNoPostingOfTheTradeARelatedOneComesFirst() throws {
        let craneOperator = profile(#"{"id":"K","name":"A","category":"discharged_soldier","skills":["vận hành cần cẩu","an toàn lao động"],"desired_titles":["Vận hành cần cẩu"]}"#)
        let forklift = posting(#"{"id":"fork","employer":"E","title":"Lái xe nâng","skills":["lái xe nâng"],"deadline":"2026-12-31"}"#)
        let words = posting(#"{"id":"words","employer":"E","title":"Nhân viên bảo vệ","skills":["tuần tra","an toàn lao động","vận hành camera"],"audiences":["discharged_soldier"],"deadline":"2026-12-31"}"#)
        let index = try MatchIndexes.postingIndex([forklift, words], reference: reference)
        let ranked = try JobMatcher(reference: reference).match(profile: craneOperator, asOf: asOf, limit: 10, postings: index)
        #expect(ranked.map(\.posting.id) == ["fork", "words"], "\(ranked.map { ($0.posting.id, $0.score) })")
        #expect(ranked.first?.reasons.contains { $0.hasPrefix("nghề gần: ") } == true)
        // The order is the tier's, not the score's: the posting that shares only words scores higher.
        #expect((ranked.last?.score ?? 0) > (ranked.first?.score ?? 0), "\(ranked.map { ($0.posting.id, $0.score) })")
    }

    /// With no posting of the trade or a related one open (issue 29's fallback): general work the candidate is
    /// eligible for (production lines, loading, packing), said so, before postings that share only words; not for
    /// someone whose schooling it is far below, and not while the trade has postings enough.
    @Test func thenGeneralWorkWithItsReason() throws {
        let line = posting(#"{"id":"line","employer":"E","title":"Công nhân sản xuất","skills":["làm ca"],"deadline":"2026-12-31"}"#)
        let packing = posting(#"{"id":"pack","employer":"E","title":"Lao động phổ thông","skills":["đóng gói"],"deadline":"2026-12-31"}"#)
        let store = posting(#"{"id":"store","employer":"E","title":"Nhân viên kho","skills":["nhập xuất kho","an toàn lao động"],"deadline":"2026-12-31"}"#)
        let crane = posting(#"{"id":"crane","employer":"E","title":"Lái cần cẩu","skills":["chứng chỉ cẩu trục"],"deadline":"2026-12-31"}"#)
        let carpentry = posting(#"{"id":"wood","employer":"E","title":"Thợ mộc","skills":["đóng đồ gỗ"],"deadline":"2026-12-31"}"#)
        let matcher = JobMatcher(reference: reference)
        let index = try MatchIndexes.postingIndex([line, packing, store, crane], reference: reference)
        let carpenter = profile(#"{"id":"K","name":"A","category":"discharged_soldier","education":"lower_secondary","desired_titles":["Thợ mộc"],"skills":["an toàn lao động"]}"#)
        let ranked = try matcher.match(profile: carpenter, asOf: asOf, limit: 10, postings: index)
        #expect(Set(ranked.prefix(2).map(\.posting.id)) == ["line", "pack"], "\(ranked.map { ($0.posting.id, $0.explanation) })")
        #expect(ranked.map(\.posting.id).last == "store")   // words in common (a generic skill) only: last
        #expect(!ranked.contains { $0.posting.id == "crane" })  // neither a fit nor a word in common
        #expect(ranked.prefix(2).allSatisfy { $0.reasons.first == "Việc phổ thông, không cần nghề" })
        // A skill in common with general work (`làm ca`) is said after it, not as the trade.
        let shifts = profile(#"{"id":"S","name":"C","category":"other","education":"lower_secondary","desired_titles":["Thợ mộc"],"skills":["làm ca"]}"#)
        let onTheLine = try #require(try matcher.match(profile: shifts, asOf: asOf, limit: 10, postings: index).first { $0.posting.id == "line" })
        #expect(onTheLine.reasons.prefix(2) == ["Việc phổ thông, không cần nghề", "cùng kỹ năng: làm ca"], "\(onTheLine.reasons)")
        // An engineer: production lines are far below a university degree; only postings with words in common are listed
        // (`lao động` of his `an toàn lao động` is in the packing posting's title), as words in common.
        let engineer = profile(#"{"id":"E","name":"B","category":"graduate","education":"university","desired_titles":["Kỹ sư môi trường"],"skills":["an toàn lao động"]}"#)
        let engineers = try matcher.match(profile: engineer, asOf: asOf, limit: 10, postings: index)
        #expect(Set(engineers.map(\.posting.id)) == ["store", "pack"], "\(engineers.map { ($0.posting.id, $0.explanation) })")
        #expect(!engineers.contains { $0.reasons.contains("Việc phổ thông, không cần nghề") })
        // A posting of the trade open, and one asked for: no general work is looked for.
        let withTrade = try MatchIndexes.postingIndex([line, packing, store, crane, carpentry], reference: reference)
        #expect(try matcher.match(profile: carpenter, asOf: asOf, limit: 1, postings: withTrade).map(\.posting.id) == ["wood"])
        #expect(try matcher.match(profile: carpenter, asOf: asOf, limit: 10, postings: withTrade).map(\.posting.id).first == "wood")
    }

    /// A production line's shortlist with few candidates of its trade or a related one (issue 29's fallback): then those
    /// whose own occupation is general work, said so, though they share no word with the posting.
    @Test func aProductionLineShortlistThenTakesGeneralWorkers() throws {
        let line = posting(#"{"id":"line","employer":"E","title":"Công nhân sản xuất","skills":["làm ca"],"deadline":"2026-12-31"}"#)
        let worker = profile(#"{"id":"P","name":"A","category":"other","education":"upper_secondary","desired_titles":["Công nhân sản xuất"]}"#)
        let helper = profile(#"{"id":"H","name":"B","category":"other","education":"lower_secondary","desired_titles":["Phụ bếp"]}"#)
        let engineer = profile(#"{"id":"E","name":"C","category":"graduate","education":"university","desired_titles":["Kỹ sư môi trường"]}"#)
        let ranked = try shortlist(line, [worker, helper, engineer])
        #expect(ranked.map(\.profile.id) == ["P", "H"], "\(ranked.map { ($0.profile.id, $0.explanation) })")
        #expect(ranked.last?.reasons.first == "Việc phổ thông, không cần nghề")
        // Not for a posting that is a trade: a welder's shortlist does not look for kitchen helpers.
        let welding = posting(#"{"id":"weld","employer":"E","title":"Thợ hàn","skills":["hàn điện"],"deadline":"2026-12-31"}"#)
        #expect(try shortlist(welding, [worker, helper, engineer]).isEmpty)
    }

    /// A skill both name is not the trade when the occupations say otherwise (issue 29): for a quality inspector's
    /// posting asking `đọc bản vẽ`, a mechanical engineer or a welder who reads drawings shares a skill, not the trade,
    /// and comes after the inspectors and the related occupations; where nothing says who the candidate is, or the
    /// skill is a licence, or the occupations are of one ISCO minor group, a trade in common is still the trade.
    @Test func aSkillInCommonIsNotTheTradeAcrossUnrelatedOccupations() throws {
        let inspection = posting(#"{"id":"qc","employer":"E","title":"Nhân viên kiểm tra chất lượng","skills":["đọc bản vẽ","thước cặp"]}"#)
        let cases: [(profile: String, tier: Int, reason: String)] = [
            (#""desired_titles":["Nhân viên QC"],"skills":["thước cặp"]"#, 0, "Đúng nghề: thước cặp, Nhân viên QC"),
            (#""skills":["đọc bản vẽ"]"#, 0, "Đúng nghề: đọc bản vẽ"),                                  // no occupation known
            (#""desired_titles":["Công nhân sản xuất"],"skills":["đọc bản vẽ"]"#, 0, "Đúng nghề: đọc bản vẽ"), // related (0.5)
            (#""desired_titles":["Kỹ sư cơ khí"],"skills":["đọc bản vẽ"]"#, 3, "cùng kỹ năng: đọc bản vẽ"),
            (#""desired_titles":["Thợ hàn"],"skills":["đọc bản vẽ","thước cặp"]"#, 3, "cùng kỹ năng: đọc bản vẽ, thước cặp"),
            (#""major":"Kiểm tra chất lượng","desired_titles":["Thợ hàn"],"skills":["đọc bản vẽ"]"#, 0, "Đúng nghề: đọc bản vẽ, Kiểm tra chất lượng"),
        ]
        let trades = PostingTrades(inspection, synonyms: reference.synonyms, occupations: reference.occupations)
        for (index, item) in cases.enumerated() {
            let candidate = profile(#"{"id":"C\#(index)","name":"A","category":"other",\#(item.profile)}"#)
            let signals = MatchSignals.evaluate(posting: inspection, postingTrades: trades, profile: candidate,
                                                trades: CandidateTrades(candidate, synonyms: reference.synonyms, occupations: reference.occupations),
                                                textScore: 5, asOf: asOf, reference: reference)
            #expect(signals.tier == item.tier, "\(item.profile): \(signals.reasons)")
            #expect(signals.reasons.first == item.reason, "\(item.profile): \(signals.reasons)")
            #expect(signals.sharesTrade == (item.tier == 0), "\(item.profile)")
        }
        // A licence is the trade's own; drivers of one minor group (833: buses, trucks) are not strangers.
        let container = posting(#"{"id":"fc","employer":"E","title":"Tài xế container","requirements":"Có bằng lái FC"}"#)
        let busDriver = profile(#"{"id":"B","name":"A","category":"other","desired_titles":["Lái xe đưa đón công nhân"],"skills":["bằng lái FC"]}"#)
        let signals = MatchSignals.evaluate(posting: container, postingTrades: PostingTrades(container, synonyms: reference.synonyms, occupations: reference.occupations),
                                            profile: busDriver, trades: CandidateTrades(busDriver, synonyms: reference.synonyms, occupations: reference.occupations),
                                            textScore: 5, asOf: asOf, reference: reference)
        #expect(signals.sharesTrade && signals.tier == 0, "\(signals.reasons)")
        // In a shortlist: the inspector, the related production worker, then the engineer (who scores higher on words).
        let inspector = profile(#"{"id":"Q","name":"A","category":"other","desired_titles":["Nhân viên QC"]}"#)
        let worker = profile(#"{"id":"W","name":"B","category":"other","desired_titles":["Công nhân sản xuất"]}"#)
        let engineer = profile(#"{"id":"M","name":"C","category":"other","desired_titles":["Kỹ sư cơ khí"],"skills":["đọc bản vẽ","thước cặp","AutoCAD"]}"#)
        let ranked = try shortlist(inspection, [engineer, worker, inspector])
        #expect(ranked.map(\.profile.id) == ["Q", "W", "M"], "\(ranked.map { ($0.profile.id, $0.score, $0.explanation) })")
        #expect(ranked.last?.explanation.contains("Đúng nghề") == false)
    }

    /// A desired title the posting names only by a synonym group found inside it is a field in common, not the trade
    /// (issue 29): an electronics engineer at an assembly line of `linh kiện điện tử` shares `điện tử` with it, and
    /// ranks as a related occupation where it is one. The trade stays where the posting names the title whole, or by a
    /// group the title or the major is a name of.
    @Test func aFieldInsideADesiredTitleIsNotTheTrade() throws {
        let assembly = posting(#"{"id":"as","employer":"E","title":"Công nhân lắp ráp linh kiện điện tử","skills":["hàn linh kiện"]}"#)
        let engineering = posting(#"{"id":"en","employer":"E","title":"Kỹ sư điện tử","skills":["thiết kế mạch"]}"#)
        let technician = posting(#"{"id":"te","employer":"E","title":"Kỹ thuật viên điện tử","skills":["sửa chữa mạch"]}"#)
        let warehouse = posting(#"{"id":"wh","employer":"E","title":"Nhân viên kho","skills":["lái xe nâng","quản lý kho"]}"#)
        let electrical = posting(#"{"id":"el","employer":"E","title":"Industrial Electrician","skills":["điện công nghiệp","PLC"]}"#)
        let cases: [(posting: JobPosting, profile: String, tier: Int, reason: String)] = [
            (assembly, #""desired_titles":["Kỹ sư điện tử"]"#, 3, "cùng lĩnh vực: điện tử"),
            // A skill the posting names is the trade; the title beside it is not said.
            (assembly, #""desired_titles":["Kỹ sư điện tử"],"skills":["hàn linh kiện"]"#, 0, "Đúng nghề: hàn linh kiện"),
            // Unless the title's own occupation is the posting's: a warehouse keeper at a warehouse job.
            (warehouse, #""desired_titles":["Warehouse Keeper"],"skills":["lái xe nâng"]"#, 0, "Đúng nghề: lái xe nâng, Warehouse Keeper"),
            (assembly, #""desired_titles":["Công nhân điện tử"]"#, 0, "Đúng nghề: Công nhân điện tử"),  // a name of the assembler
            (engineering, #""desired_titles":["Kỹ sư điện tử"]"#, 0, "Đúng nghề: Kỹ sư điện tử"),       // named whole
            (technician, #""desired_titles":["Kỹ sư điện tử"]"#, 1, "cùng lĩnh vực: điện tử"),          // a related occupation (0.6)
            // An assembler's skill makes the occupations related, and the title is still no trade named.
            (assembly, #""desired_titles":["Kỹ sư điện tử"],"skills":["SMT"]"#, 1, "cùng lĩnh vực: điện tử"),
            (assembly, #""major":"Điện tử viễn thông""#, 0, "Đúng nghề: Điện tử viễn thông"),          // no occupation known
            // The major names the group whole, though the title, before it, counted the group: the major is said.
            (assembly, #""desired_titles":["Kỹ sư điện tử"],"major":"Điện tử viễn thông""#, 0, "Đúng nghề: Điện tử viễn thông"),
            // A role word and another phrase of the group: `thợ` + `điện công nghiệp` (`thợ điện` is found first).
            (electrical, #""desired_titles":["Thợ điện công nghiệp"],"major":"Điện dân dụng""#, 0, "Đúng nghề: Thợ điện công nghiệp"),
            // Mechatronics (`cơ điện tử`) is no electronics: a mechanical engineer's major.
            (assembly, #""desired_titles":["Kỹ sư cơ khí"],"major":"Cơ điện tử""#, 3, "cùng lĩnh vực: điện tử"),
        ]
        for (index, item) in cases.enumerated() {
            let candidate = profile(#"{"id":"C\#(index)","name":"A","category":"other",\#(item.profile)}"#)
            let signals = MatchSignals.evaluate(posting: item.posting,
                                                postingTrades: PostingTrades(item.posting, synonyms: reference.synonyms, occupations: reference.occupations),
                                                profile: candidate,
                                                trades: CandidateTrades(candidate, synonyms: reference.synonyms, occupations: reference.occupations),
                                                textScore: 5, asOf: asOf, reference: reference)
            #expect(signals.tier == item.tier, "\(item.posting.id) \(item.profile): \(signals.reasons)")
            #expect(signals.reasons.first == item.reason, "\(item.posting.id) \(item.profile): \(signals.reasons)")
        }
        let names: [([String], String, Bool)] = [
            (["dien tu"], "dien tu", true), (["qc"], "nhan vien qc", true), (["import export"], "import export staff", true),
            (["lap rap"], "cong nhan lap rap", true), (["tho dien", "dien cong nghiep"], "tho dien cong nghiep", true),
            (["ban dan", "vi mach"], "cong nghe vi mach ban dan", true), (["dien tu"], "ky su dien tu", false),
            (["dien tu"], "co dien tu", false), (["dien tu"], "ky thuat vien dien tu", false), (["dien tu"], "electronics engineer", false),
        ]
        for (phrases, trade, expected) in names { #expect(CandidateTrades.names(phrases, trade) == expected, "\(phrases) in \(trade)") }
        #expect(CandidateTrades.words("dien tu", of: "Kỹ sư điện tử", folded: "ky su dien tu") == "điện tử")
        #expect(CandidateTrades.words("dien tu", of: "Kỹ sư  điện-tử", folded: "ky su dien tu") == "dien tu")
    }

    /// A trade of several syllables is found where it is whole words (issue 29): not the electrician's `điện` inside
    /// `điện tử`, nor the driver's `lái xe` inside `lái xe nâng`; a truth table, then the reasons of a shortlist.
    @Test func aTradeIsFoundOnlyAsWholeWords() {
        let words = reference.synonyms.twoSyllableWords
        #expect(words.contains("dien tu") && words.contains("xe nang") && words.contains("kho van"))
        let cases: [(String, String, Bool)] = [
            ("ky thuat vien dien", "ky thuat vien dien tu", false),
            ("ky thuat vien dien", "ky thuat vien dien cong nghiep", true),
            ("tho dien", "tho dien tu", false),
            ("tho dien", "tho dien lanh", false),
            ("tho dien", "tuyen tho dien", true),
            ("lai xe", "lai xe nang hang", false),
            ("lai xe", "lai xe tai", true),
            ("lai xe", "lai xe nang lai xe tai", true),   // the second occurrence is whole
            ("nhan vien kho", "nhan vien kho van", false),
        ]
        for (phrase, item, expected) in cases {
            #expect(CandidateTrades.occursAsWholeWords(" \(phrase) ", in: " \(item) ", words: words) == expected, "\(phrase) in \(item)")
        }
        let electrician = CandidateTrades(profile(#"{"id":"E","name":"A","category":"vocational_student","desired_titles":["Kỹ thuật viên điện"],"skills":["thợ điện"]}"#),
                                          synonyms: reference.synonyms)
        let electronics = posting(#"{"id":"x","employer":"E","title":"Kỹ thuật viên điện tử","skills":["sửa chữa mạch điện tử"]}"#)
        #expect(electrician.shared(with: electronics, synonyms: reference.synonyms).trades.isEmpty)
        let electrical = posting(#"{"id":"y","employer":"E","title":"Kỹ thuật viên điện","skills":["thợ điện công nghiệp"]}"#)
        #expect(Set(electrician.shared(with: electrical, synonyms: reference.synonyms).trades) == ["Kỹ thuật viên điện", "thợ điện"])
    }

    /// `may` (sewing) and `máy` (a machine) fold alike: written with accents on both sides, they must agree; written
    /// without on either side, the folded words decide.
    @Test func sewingIsNoMachine() {
        let trades: [(String, String, String, Bool)] = [
            // candidate's trade, posting's title, posting's skill, shares a trade
            ("công nhân may", "Công nhân may", "may công nghiệp", true),
            ("công nhân may", "Công nhân vận hành máy", "vận hành máy dập", false),
            ("vận hành máy", "Công nhân vận hành máy", "vận hành máy dập", true),
            ("vận hành máy", "Công nhân may", "may công nghiệp", false),
            ("cong nhan may", "Công nhân may", "may", true),                    // typed without accents: folded
            ("cong nhan may", "Công nhân máy", "máy", true),                    // (either reading)
            ("công nhân may", "CONG NHAN MAY", "may", true),
            ("Thợ máy", "Thợ may", "may mặc", false),                          // not through the tailors' synonym group either
            ("Thợ may", "Công nhân may", "may công nghiệp", true),              // through it
        ]
        for (trade, title, skill, expected) in trades {
            let candidate = CandidateTrades(profile(#"{"id":"C","name":"A","category":"other","skills":["\#(trade)"]}"#), synonyms: reference.synonyms)
            let job = posting(#"{"id":"x","employer":"E","title":"\#(title)","skills":["\#(skill)"]}"#)
            #expect(candidate.shared(with: job, synonyms: reference.synonyms).trades.isEmpty == !expected, "\(trade) → \(title) / \(skill)")
        }
    }

    @Test func aOneSyllableTradeNamesOnlyAWholeItem() {
        // A major written `Hàn` (welding) is not the soldering of `hàn linh kiện`.
        let welder = CandidateTrades(profile(#"{"id":"W","name":"A","category":"other","major":"Hàn"}"#), synonyms: reference.synonyms)
        let soldering = posting(#"{"id":"x","employer":"E","title":"Công nhân lắp ráp","skills":["hàn linh kiện"]}"#)
        #expect(welder.shared(with: soldering, synonyms: reference.synonyms).trades.isEmpty)
        let named = posting(#"{"id":"y","employer":"E","title":"Công nhân","skills":["hàn"]}"#)
        #expect(welder.shared(with: named, synonyms: reference.synonyms).trades == ["Hàn"])
    }

    @Test func aLevelIsNoTrade() {
        // Technician, engineer: words of a level; sharing only them is sharing no trade.
        let cleanroom = CandidateTrades(profile(#"{"id":"T","name":"A","category":"other","desired_titles":["Cleanroom Technician"]}"#), synonyms: reference.synonyms)
        let refrigeration = posting(#"{"id":"x","employer":"E","title":"Kỹ thuật viên điện lạnh","skills":["điện lạnh"]}"#)
        #expect(cleanroom.shared(with: refrigeration, synonyms: reference.synonyms).trades.isEmpty)
        let electronics = CandidateTrades(profile(#"{"id":"E","name":"B","category":"graduate","desired_titles":["Electronics Engineer"]}"#), synonyms: reference.synonyms)
        let mechanical = posting(#"{"id":"y","employer":"E","title":"Kỹ sư cơ khí bảo trì","skills":["bảo trì"]}"#)
        #expect(electronics.shared(with: mechanical, synonyms: reference.synonyms).trades.isEmpty)
        // The trade itself still counts.
        let hvac = CandidateTrades(profile(#"{"id":"H","name":"C","category":"other","desired_titles":["HVAC technician"]}"#), synonyms: reference.synonyms)
        #expect(!hvac.shared(with: refrigeration, synonyms: reference.synonyms).trades.isEmpty)
    }

    @Test func aTradeNamedTwiceCountsOnce() {
        // lái xe, tài xế, Lái Xe: one synonym group, one trade.
        let trades = CandidateTrades(profile(#"{"id":"D","name":"A","category":"other","skills":["lái xe","tài xế","Lái Xe"]}"#), synonyms: reference.synonyms)
        let job = posting(#"{"id":"x","employer":"E","title":"Tài xế","skills":["lái xe"]}"#)
        #expect(trades.shared(with: job, synonyms: reference.synonyms).trades == ["lái xe"])
    }

    @Test func aTruckJobRanksTheHoldersOfItsClassFirst() throws {
        let truck = posting(#"{"id":"truck","employer":"Logistics","title":"Tài xế xe tải","requirements":"Có bằng lái C; sức khỏe tốt"}"#)
        let car = profile(#"{"id":"B2","name":"A","category":"discharged_soldier","skills":["lái xe","bằng lái B2"]}"#)
        let trucker = profile(#"{"id":"C","name":"B","category":"other","skills":["lái xe","bằng lái C"]}"#)
        let coach = profile(#"{"id":"D","name":"C","category":"other","skills":["tài xế","GPLX hạng D"]}"#)
        let unknown = profile(#"{"id":"N","name":"D","category":"discharged_soldier","skills":["lái xe"]}"#)
        let ranked = try shortlist(truck, [car, trucker, coach, unknown])
        // The holders of C or of a class covering it first, then the one who did not say, the car driver last.
        #expect(Set(ranked.prefix(2).map(\.profile.id)) == ["C", "D"])
        #expect(ranked.suffix(2).map(\.profile.id) == ["N", "B2"])
        let reasons = Dictionary(uniqueKeysWithValues: ranked.map { ($0.profile.id, $0.explanation) })
        #expect(reasons["C"]!.contains("có bằng lái C"))
        #expect(reasons["D"]!.contains("có bằng lái D (yêu cầu C)"))
        #expect(reasons["B2"]!.contains("bằng lái B2, chưa đủ: yêu cầu bằng lái C"))
        #expect(reasons["N"]!.contains("hồ sơ chưa ghi bằng lái C, cần hỏi"))
    }

    @Test func aRequiredLicenceExcludesOnlyWhereThePostingSaysSo() throws {
        let required = posting(#"{"id":"r","employer":"E","title":"Tài xế xe tải","requirements":"Bắt buộc có bằng lái C"}"#)
        let car = profile(#"{"id":"B2","name":"A","category":"other","skills":["lái xe","bằng lái B2"]}"#)
        let trucker = profile(#"{"id":"C","name":"B","category":"other","skills":["lái xe","bằng FC"]}"#)
        #expect(try shortlist(required, [car, trucker]).map(\.profile.id) == ["C"])
    }

    @Test func theLevelATitleSays() {
        let cases: [(String, JobLevel?)] = [
            ("Công nhân sản xuất", .worker), ("CONG NHAN HAN TIG", .worker), ("Production Operator", .worker), ("Tài xế container", .worker),
            ("Thợ hàn", .skilled), ("Kỹ thuật viên điện", .skilled), ("Maintenance Technician", .skilled),
            ("Kỹ sư cơ khí", .professional), ("Hardware Engineer", .professional), ("Kế toán kho", .professional),
            ("Trưởng ca sản xuất", .manager), ("Production Supervisor", .manager),
            ("Nhân viên kho", nil), ("Nhân viên QC", nil),
        ]
        for (title, level) in cases { #expect(JobLevel(title: title) == level, "\(title)") }
    }

    @Test func anEngineerIsNotFirstForAnOperatorsJob() throws {
        let job = posting(#"{"id":"op","employer":"Pegatron","title":"Công nhân lắp ráp điện tử","skills":["lắp ráp linh kiện"]}"#)
        let engineer = profile(#"{"id":"E","name":"A","category":"graduate","education":"university","skills":["lắp ráp linh kiện"],"desired_titles":["Kỹ sư điện tử"]}"#)
        let worker = profile(#"{"id":"W","name":"B","category":"other","education":"upper_secondary","skills":["lắp ráp linh kiện"]}"#)
        let willing = profile(#"{"id":"G","name":"C","category":"graduate","education":"university","skills":["lắp ráp linh kiện"],"desired_titles":["Công nhân lắp ráp"]}"#)
        let ranked = try shortlist(job, [engineer, worker, willing])
        #expect(ranked.last?.profile.id == "E", "\(ranked.map { ($0.profile.id, $0.score, $0.explanation) })")
        #expect(ranked.last?.explanation.contains("việc dưới trình độ (đại học, việc công nhân)") == true)
        #expect(!(ranked.first { $0.profile.id == "G" }?.explanation.contains("dưới trình độ") ?? true))  // asked for such work
    }
}
