import JobRecords

/// A matching request that cannot be answered, with a code and a sentence.
public struct MatchError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unknownPosting = "unknown_posting"
        case unknownProfile = "unknown_profile"
        case postingClosed = "posting_closed"
        /// A page deeper than the results go (page × per_page over the limit).
        case tooDeep = "too_deep"
        /// A job fair without postings, or with rules out of range.
        case invalidFair = "invalid_fair"
        /// A place (`near`, `district`) that the tables cannot read.
        case unknownPlace = "unknown_place"
        /// A parameter out of its range (a search's `within_km`).
        case invalidParameter = "invalid_parameter"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
