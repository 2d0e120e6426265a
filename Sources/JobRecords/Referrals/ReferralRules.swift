/// The referral's state machine: which moves each party may make from each state.
///
/// ```
/// referred ──┬─> contacted ──┬─> interview ──┬─> hired    (final)
///            │               │      │ └─> interview (a new date)
///            ├───────────────┴──────┴──────> refused  (final, with a reason)
///            └─(no answer in N days)─> no_answer ─> contacted | interview | hired | refused (a late answer)
/// ```
///
/// - An employer (its booth's token, for its own postings) and a counsellor (recording what an employer
///   said on the phone) make the answers: `contacted`, `interview`, `hired`, `refused`.
/// - Only the board itself closes an unanswered referral (`no_answer`), from `referred` or `contacted`: an
///   interview set is an answer.
/// - Nobody moves a referral back, nor to `referred` (that is how one is made), nor out of `hired` or `refused`.
///
/// A move the machine does not allow is a conflict (HTTP 409); a move it allows but not to this party is
/// forbidden (403). The truth table of every state × move × party is in the tests (`ReferralRulesTests`).
public enum ReferralRules {
    /// Who makes a move.
    public enum Party: String, Sendable, Hashable, CaseIterable {
        case counsellor, employer
        /// The board closing referrals left without an answer.
        case system
    }

    /// The machine's answer to a move.
    public enum Verdict: Sendable, Hashable {
        case allowed
        /// The machine has no such move from this state (409).
        case notAllowed(String)
        /// The move exists but not for this party (403).
        case notThisParty(String)
    }

    /// Whether `party` may move a referral in `from` to `to`.
    ///
    /// - Complexity: O(1).
    public static func verdict(from: Referral.Status, to: Referral.Status, by party: Party) -> Verdict {
        guard moves(from: from).contains(to) else {
            let why: String
            if to == .referred { why = "a referral is made referred; nothing moves one back to it" }
            else if from.isFinal { why = "\(from.rawValue) is final" }
            else if to == .noAnswer { why = "only a referral still waiting (referred or contacted) closes without an answer" }
            else { why = "\(from.rawValue) cannot move to \(to.rawValue)" }
            return .notAllowed(why)
        }
        switch (to, party) {
        case (.noAnswer, .system): return .allowed
        case (.noAnswer, _): return .notThisParty("a referral closes without an answer by itself, after the days allowed")
        case (_, .system): return .notThisParty("the board only closes unanswered referrals")
        default: return .allowed
        }
    }

    /// The states `from` can move to, whoever moves it.
    public static func moves(from: Referral.Status) -> Set<Referral.Status> {
        switch from {
        case .referred: [.contacted, .interview, .hired, .refused, .noAnswer]
        case .contacted: [.interview, .hired, .refused, .noAnswer]
        case .interview: [.interview, .hired, .refused]
        case .noAnswer: [.contacted, .interview, .hired, .refused]
        case .hired, .refused: []
        }
    }
}
