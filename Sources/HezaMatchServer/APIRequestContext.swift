import Hummingbird

/// The request context of the Heza Works API: who is calling (set by
/// ``BearerTokenMiddleware``), and the one JSON writer for every answer.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token holder, when the request carried a valid bearer token.
    public var caller: APICaller?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var responseEncoder: SortedJSONResponseEncoder { SortedJSONResponseEncoder() }
}

/// Who holds the token of a request: its label from the tokens file (never the token).
public struct APICaller: Sendable, Hashable {
    public var label: String
}
