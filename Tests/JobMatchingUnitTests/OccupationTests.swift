import Testing
@testable import JobRecords
@testable import JobMatching

/// The occupation taxonomy: the reviewed table, and what records are classified as.
@Suite struct OccupationTests {
    let taxonomy = reference.occupations

    @Test func theTableIsWhole() {
        #expect(taxonomy.occupations.count >= 150)
        // Every ISCO major group the zones hire from, 1 to 9.
        #expect(Set(taxonomy.occupations.values.map { $0.isco.prefix(1) }) == ["1", "2", "3", "4", "5", "7", "8", "9"])
        #expect(taxonomy.occupations["8344.1"]?.licences == [Licence(.forklift)])
        #expect(taxonomy.occupations["8332.2"]?.licences == [Licence(.driving, "FC")])
        #expect(taxonomy.closeness("7212.1", "7212.2") == 0.7 && taxonomy.closeness("7212.2", "7212.1") == 0.7)
        #expect(taxonomy.closeness("7212.1", "2643.1") == 0)
    }

    /// title → occupation: accents or none, English or Vietnamese, the longest name.
    @Test func postingsTruthTable() {
        let cases: [(String, String)] = [
            ("Thợ hàn điện", "7212.1"), ("THO HAN", "7212.1"), ("Welder", "7212.1"),
            ("Nhân viên lái xe nâng hàng", "8344.1"), ("Industrial Electrician", "7412.1"), ("Korean Interpreter", "2643.1"),
            ("Công nhân lắp ráp linh kiện điện tử", "8212.1"), ("Electronics Assembly Operator", "8212.1"),
            ("Kỹ thuật viên điện lạnh", "7127.1"), ("Kỹ thuật viên điện", "3113.1"), ("Tài xế container", "8332.2"),
            ("Nhân viên QC", "7543.1"), ("Bảo vệ nhà máy", "5414.1"), ("Kế toán trưởng", "2411.2"), ("Kế toán", "2411.1"),
            ("Vận hành cần cẩu giàn", "8343.2"), ("Cleanroom Technician", "3119.1"), ("Production Operator", "8219.2"),
        ]
        for (title, code) in cases {
            let found = taxonomy.occupations(of: posting(#"{"id":"x","employer":"E","title":"\#(title)"}"#))
            #expect(found.first?.code == code, "\(title): \(found)")
            #expect(found.first?.evidence == "title: \(title)")
        }
        // No title named: the skills.
        let skills = taxonomy.occupations(of: posting(#"{"id":"x","employer":"E","title":"Nhân viên","skills":["lái xe nâng"]}"#))
        #expect(skills.map(\.code) == ["8344.1"] && skills[0].evidence == "skills: lái xe nâng")
    }

    /// What a search adds to its words: the occupation named and its close kin of the same ISCO
    /// unit group (≥ 0.7); not the engineers of another field, not the kin of another group.
    @Test func aSearchFindsTheOccupationAndItsCloseKin() {
        #expect(taxonomy.tokens(inQuery: "crane operator") == ["hzocc8343x1", "hzocc8343x2"])
        #expect(taxonomy.tokens(inQuery: "vận hành cần cẩu giàn") == ["hzocc8343x2", "hzocc8343x1"])
        #expect(taxonomy.tokens(inQuery: "công nhân điện tử").first == "hzocc8212x1")
        #expect(!taxonomy.tokens(inQuery: "kỹ sư điện tử").contains("hzocc2144x1"))   // not mechanical engineers
        #expect(!taxonomy.tokens(inQuery: "crane operator").contains("hzocc8344x1"))  // forklifts: related, another group
        #expect(taxonomy.tokens(inQuery: "làm ca đêm xyz").isEmpty)
        #expect(taxonomy.occupation(ofToken: "hzocc8343x2")?.english == "gantry crane operator")
        #expect(taxonomy.occupation(ofToken: "hanoi") == nil)
    }

    /// When two occupations have nothing to do with each other (a skill in common is then no trade).
    @Test func unrelatedOccupationsTruthTable() {
        let cases: [(String, String, Bool)] = [
            ("2144.1", "7543.1", true),    // mechanical engineer, quality inspector
            ("7212.1", "7543.1", true),    // welder, quality inspector
            ("8219.2", "7543.1", false),   // production worker, inspector: related 0.5
            ("7543.1", "8219.2", false),   // read either way
            ("8331.1", "8332.2", false),   // bus and container drivers: one minor group (833), no relation in the table
            ("8343.2", "9333.1", false),   // gantry crane operator and freight handler: one terminal (0.5)
            ("2643.1", "2643.2", false),   // interpreters: related 0.4, but one minor group
            ("2152.1", "8212.1", true),    // electronics engineer, assembly worker
            ("7543.1", "7543.1", false),
            ("7543.1", "9999.9", false),   // unknown: never unrelated
        ]
        for (a, b, expected) in cases { #expect(taxonomy.unrelated(a, b) == expected, "\(a) \(b)") }
    }

    /// General work: ISCO skill level 1 and the production lines (8219, 8189), nothing else.
    @Test func generalWorkTruthTable() {
        let cases: [(String, Bool)] = [
            ("9329.1", true), ("9333.1", true), ("9321.1", true),      // general labour, freight handling, packing by hand
            ("8219.2", true), ("8219.1", true), ("8189.1", true),      // production and assembly lines, machine minders
            ("8212.1", false), ("8344.1", false), ("7212.1", false),   // electronics assembly, forklift, welding: a trade
            ("5414.1", false), ("2144.1", false), ("9999.9", false),
        ]
        for (code, expected) in cases { #expect(taxonomy.isGeneralWork(code) == expected, "\(code)") }
        #expect(taxonomy.generalWorkTokens.contains("hzocc8219x2") && !taxonomy.generalWorkTokens.contains("hzocc8212x1"))
        #expect(taxonomy.generalWorkTokens == taxonomy.generalWorkTokens.sorted())
        #expect(OccupationTaxonomy().generalWorkTokens.isEmpty)
    }

    /// What a match or a shortlist adds: the occupations and those related at least 0.5, read either way.
    @Test func aMatchFindsRelatedOccupations() {
        let crane = [OccupationTaxonomy.Found(code: "8343.1", evidence: "title: Lái cần cẩu")]
        let tokens = taxonomy.tokens(of: crane)
        #expect(tokens.first == "hzocc8343x1")
        #expect(tokens.contains("hzocc8344x1") && tokens.contains("hzocc7215x1"))  // forklift 0.5, rigger 0.6
        #expect(!tokens.contains("hzocc2643x1"))
        #expect(taxonomy.tokens(of: crane, closeness: 0.9) == ["hzocc8343x1"])
    }

    @Test func profilesFromDesiredTitlesMajorAndSkills() {
        let candidate = profile(#"{"id":"C","name":"A","category":"other","desired_titles":["Welder"],"major":"Điện công nghiệp","skills":["lái xe nâng"]}"#)
        #expect(taxonomy.occupations(of: candidate).map(\.code) == ["7212.1", "7412.1", "8344.1"])
    }

    /// The reasons say the occupation, the same or a related one, and it counts.
    @Test func theOccupationIsAReason() throws {
        let job = posting(#"{"id":"m","employer":"E","title":"Kỹ sư bảo trì","skills":["bảo trì thiết bị"]}"#)
        let mechanical = profile(#"{"id":"M","name":"A","category":"graduate","education":"university","desired_titles":["Kỹ sư cơ khí"],"skills":["bảo trì thiết bị"]}"#)
        let electronics = profile(#"{"id":"E","name":"B","category":"graduate","education":"university","desired_titles":["Kỹ sư điện tử"],"skills":["bảo trì thiết bị"]}"#)
        let same = profile(#"{"id":"S","name":"C","category":"graduate","education":"university","desired_titles":["Kỹ sư bảo trì"],"skills":["bảo trì thiết bị"]}"#)
        let index = try MatchIndexes.profileIndex([mechanical, electronics, same], reference: ReferenceData(places: reference.places, synonyms: reference.synonyms, occupations: taxonomy))
        let ranked = try JobMatcher(reference: reference).shortlist(posting: job, asOf: CalendarDate("2026-11-23")!, limit: 10, profiles: index)
        #expect(ranked.map(\.profile.id) == ["S", "M", "E"])
        #expect(ranked[0].reasons.contains("cùng nghề kỹ sư bảo trì (ISCO 2144)"))
        #expect(ranked[1].reasons.contains("nghề gần: kỹ sư cơ khí → kỹ sư bảo trì"))
        #expect(!ranked[2].reasons.contains { $0.hasPrefix("cùng nghề") || $0.hasPrefix("nghề gần") })
    }

    /// A search naming an occupation in any of its names finds the postings classified under it:
    /// `crane operator` finds `Vận hành cần cẩu giàn` before `Production Operator`.
    @Test func aSearchFindsTheOccupation() throws {
        let postings = [posting(#"{"id":"C","employer":"Cảng","title":"Vận hành cần cẩu giàn"}"#),
                        posting(#"{"id":"P","employer":"LG","title":"Production Operator"}"#),
                        posting(#"{"id":"Q","employer":"USI","title":"Production Operator"}"#),
                        posting(#"{"id":"W","employer":"Cơ khí","title":"Thợ hàn"}"#)]
        let index = try MatchIndexes.postingIndex(postings, reference: ReferenceData(places: reference.places, synonyms: reference.synonyms, occupations: taxonomy))
        let page = try JobMatcher(reference: reference).search(JobMatcher.Search(text: "crane operator", asOf: CalendarDate("2026-11-23")!), postings: index)
        #expect(page.hits.first?.posting.id == "C", "\(page.hits.map { "\($0.posting.id) \($0.score)" })")
    }

    @Test func aBadTableIsRefusedWithLineAndField() {
        let table = """
            # comment
            7212.1\t7212\t2\tthợ hàn\twelder\thàn điện\t9999.1:0.5\twelding
            7212.1\t7212\t2\tthợ hàn\twelder\t\t\t
            8344.1\t834\t2\tlái xe nâng\tforklift driver\t\t\t
            8344.1\t8344\t7\tlái xe nâng\tforklift driver\t\t\t
            8343.1\t8343\t2\tcần cẩu\tcrane\thàn điện\t\tboat
            """
        do {
            _ = try OccupationTaxonomy(tsv: table, file: "occupations.tsv")
            Issue.record("a bad table was read")
        } catch let failure as LoadFailure {
            #expect(failure.problems.map(\.line) == [3, 4, 5, 6, 2], "\(failure.problems)")
            #expect(failure.problems.map(\.field) == ["code", "isco08", "level", "licences", "related"], "\(failure.problems)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
