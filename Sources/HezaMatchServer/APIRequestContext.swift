import HezaMatchCore
import Hummingbird

/// The request context of the Heza Works API: who is calling (set by
/// ``BearerTokenMiddleware``), and the one JSON writer for every answer.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token holder, when the request carried a valid bearer token (or a console session).
    public var caller: APICaller?
    /// The console session, on the console's pages.
    var session: ConsoleSession?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var responseEncoder: SortedJSONResponseEncoder { SortedJSONResponseEncoder() }
}

/// Who holds the token of a request: its label from the tokens file (never the
/// token), and what it may do.
public struct APICaller: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// Every endpoint.
        case counsellor
        /// Only the shortlists of this employer's postings.
        case employer(String)
    }

    public var label: String
    public var role: Role

    var isEmployer: Bool { if case .employer = role { true } else { false } }

    /// The access record's name for the caller.
    var requester: Requester { Requester(label: label) }
}

extension APIRequestContext {
    /// The caller, who must be a counsellor: 403 for an employer's token.
    func counsellor() throws -> APICaller {
        guard let caller else { throw APIError.unauthorized }
        guard case .counsellor = caller.role else { throw APIError.forbidden }
        return caller
    }
}
