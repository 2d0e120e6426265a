/// A referral that cannot be made or moved, with a code and a sentence (the API's 404, 409, 403, 400).
public struct ReferralError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No referral of that id (or not one this employer may see): 404.
        case unknownReferral = "unknown_referral"
        /// The candidate is already referred to the posting and waiting for an answer: 409.
        case alreadyReferred = "already_referred"
        /// The state machine has no such move from the referral's state: 409.
        case moveNotAllowed = "move_not_allowed"
        /// The move exists, but not for who asked: 403.
        case notThisParty = "not_this_party"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
