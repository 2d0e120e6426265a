import JobRecords
import Testing

/// The referral's state machine, written out by hand: every state × move × party, and what the rules say.
@Suite struct ReferralRulesTests {
    typealias S = Referral.Status

    /// Moves the machine has, by state (the drawing in ``ReferralRules``): anything else is a conflict.
    static let machine: [S: Set<S>] = [
        .referred: [.contacted, .interview, .hired, .refused, .noAnswer],
        .contacted: [.interview, .hired, .refused, .noAnswer],
        .interview: [.interview, .hired, .refused],
        .noAnswer: [.contacted, .interview, .hired, .refused],
        .hired: [],
        .refused: [],
    ]

    enum Expected: Equatable { case allowed, conflict, forbidden }

    /// What one party may do with a move the machine has: answers are for people, closing unanswered for the board.
    static func expected(_ from: S, _ to: S, _ party: ReferralRules.Party) -> Expected {
        guard machine[from]!.contains(to) else { return .conflict }
        switch party {
        case .system: return to == .noAnswer ? .allowed : .forbidden
        case .counsellor, .employer: return to == .noAnswer ? .forbidden : .allowed
        }
    }

    @Test(arguments: S.allCases)
    func everyMoveFromAStateIsDecidedForEveryParty(from: S) {
        for to in S.allCases {
            for party in ReferralRules.Party.allCases {
                let verdict = ReferralRules.verdict(from: from, to: to, by: party)
                let got: Expected
                switch verdict {
                case .allowed: got = .allowed
                case .notAllowed: got = .conflict
                case .notThisParty: got = .forbidden
                }
                #expect(got == Self.expected(from, to, party), "\(from) → \(to) by \(party)")
            }
        }
    }

    /// A few rows spelled out, so that the table above cannot drift with the code unseen.
    @Test func rowsThatMatter() {
        #expect(ReferralRules.verdict(from: .referred, to: .hired, by: .employer) == .allowed)
        #expect(ReferralRules.verdict(from: .interview, to: .interview, by: .employer) == .allowed)  // a new date
        #expect(ReferralRules.verdict(from: .noAnswer, to: .hired, by: .employer) == .allowed)  // a late answer counts
        guard case .notAllowed = ReferralRules.verdict(from: .hired, to: .refused, by: .counsellor) else { Issue.record("hired is final"); return }
        guard case .notAllowed = ReferralRules.verdict(from: .interview, to: .contacted, by: .employer) else { Issue.record("no move back"); return }
        guard case .notAllowed = ReferralRules.verdict(from: .interview, to: .noAnswer, by: .system) else { Issue.record("an interview is an answer"); return }
        guard case .notAllowed = ReferralRules.verdict(from: .contacted, to: .referred, by: .counsellor) else { Issue.record("never back to referred"); return }
        guard case .notThisParty = ReferralRules.verdict(from: .referred, to: .noAnswer, by: .employer) else { Issue.record("only the board closes"); return }
        guard case .notThisParty = ReferralRules.verdict(from: .referred, to: .hired, by: .system) else { Issue.record("the board does not hire"); return }
    }

    /// An answer's fields: a refusal needs its reason, an interview its date; a reason only for a refusal.
    @Test(arguments: [
        (#"{"status":"refused"}"#, "reason"),
        (#"{"status":"refused","reason":"salary"}"#, nil),
        (#"{"status":"refused","reason":"too_old"}"#, "reason"),
        (#"{"status":"hired","reason":"salary"}"#, "reason"),
        (#"{"status":"interview"}"#, "interview_at"),
        (#"{"status":"interview","interview_at":"2026-12-10"}"#, nil),
        (#"{"status":"interview","interview_at":"2026-12-10T09:30"}"#, nil),
        (#"{"status":"interview","interview_at":"2026-12-10T25:00"}"#, "interview_at"),
        (#"{"status":"interview","interview_at":"10/12/2026"}"#, "interview_at"),
        (#"{"status":"contacted","interview_at":"2026-12-10"}"#, "interview_at"),
        (#"{"status":"contacted","note":"gọi lại chiều nay"}"#, nil),
        (#"{"status":"done"}"#, "status"),
        (#"{"status":"hired","salary":9}"#, "salary"),
    ] as [(String, String?)])
    func answersAreCheckedField(json: String, refusedField: String?) throws {
        var text = json
        let fields = try #require(try? text.withUTF8 { JSONFields.object($0) }.get())
        do {
            _ = try Referral.Answer(fields: fields)
            #expect(refusedField == nil, "\(json) was accepted")
        } catch {
            #expect(error.field == refusedField, "\(json): \(error.message)")
        }
    }

    @Test func instantsRoundTrip() {
        for seconds in [0.0, 1_796_533_200, 1_796_619_599, 951_782_400 /* 2000-02-29 */] {
            #expect(Instant.seconds(Instant.text(seconds)) == seconds)
        }
        #expect(Instant.text(1_796_533_200) == "2026-12-06T05:00:00Z")
        #expect(Instant.seconds("2026-12-06T12:00:00+07:00") == 1_796_533_200)
        #expect(Instant.seconds("2026-12-06T05:00:00.5Z") == 1_796_533_200.5)
        #expect(Instant.seconds("2026-13-06T05:00:00Z") == nil)
        #expect(Instant.seconds("2026-12-06 05:00:00Z") == nil)
        #expect(Instant.seconds("2026-12-06T05:00:00") == nil)
    }

    /// The stored line reads back the same; erasure keeps only what is anonymous.
    @Test func aReferralIsStoredAndErased() throws {
        let referral = Referral(id: "R-1", candidate: "C-1", posting: "P-1", employer: "Cơ khí Thử", zone: "KCN Tràng Duệ", occupation: "7212.1",
                                category: .dischargedSoldier, source: .console, rank: 3, score: 12.5, reasons: ["Đúng nghề: hàn"], note: "gọi sáng",
                                history: [.init(status: .referred, at: 1_796_533_200, by: "counsellor-lan"),
                                          .init(status: .refused, at: 1_796_619_600, by: "booth-x", reason: .salary, note: "muốn 12 triệu")])
        let line = try JSONValueEncoder.text(referral)
        let read = try Referral.read(line).get()
        #expect(read == referral)
        #expect(read.refusal == .salary && read.firstAnswer?.status == .refused)
        let erased = try #require(try Referral.anonymizedDocument(line))
        #expect(!erased.contains("C-1") && !erased.contains("gọi sáng") && !erased.contains("12 triệu") && !erased.contains("Đúng nghề"))
        let anonymous = try Referral.read(erased).get()
        #expect(anonymous.candidate == nil && anonymous.erased && anonymous.status == .refused && anonymous.category == .dischargedSoldier)
        #expect(anonymous.rank == 3 && anonymous.refusal == .salary && anonymous.reasons.isEmpty)
    }
}
