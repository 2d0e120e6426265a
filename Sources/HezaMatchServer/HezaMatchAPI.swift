import Hummingbird
import HezaMatchCore
import MatchRendering

/// The Heza Works API (see `Sources/HezaMatchServer/openapi.yaml`) over a ``JobBoard``.
///
/// Public: job search with highlights and facets, a job, title suggestions, health,
/// metrics. With a bearer token: a candidate's matches, a job's shortlist, and every
/// write. Personal data (names, phones) is only in shortlists, behind a token.
/// Nothing here logs requests, bodies or tokens.
///
/// Middleware, outermost first: metrics (every request, by route template and
/// status), error translation (library errors → JSON errors), request limits, and on
/// the protected routes the bearer token (and its role: a counsellor, or an employer's
/// booth that sees only its own postings' shortlists).
public struct HezaMatchAPI: Sendable {
    public let board: JobBoard
    public let tokens: APITokens
    /// The largest request body accepted; larger ones get 413.
    public var maximumBodyBytes: Int
    /// What one client may ask and how long it may take (``RequestGuard``), when served by ``ConnectionLimits/server``.
    public let limits: ConnectionLimits
    /// Origins whose pages may call the API from a browser (CORS); none by default.
    public var allowedOrigins: Set<String> = []
    /// Job alerts (``AlertKeeper``: SQLite and PostgreSQL stores keep them); `nil`: the alert endpoints answer 503.
    public var alerts: AlertKeeper? = nil
    /// The hosts a counsellor's webhook may name (`--webhook-allow`).
    public var webhookPolicy = WebhookPolicy(allowedHosts: [])
    let metrics = ServerMetrics()
    let sessions = ConsoleSessions()

    public init(board: JobBoard, tokens: APITokens, maximumBodyBytes: Int = 16 << 20, limits: ConnectionLimits = ConnectionLimits()) {
        self.board = board
        self.tokens = tokens
        self.maximumBodyBytes = maximumBodyBytes
        var limits = limits
        limits.maximumBodyBytes = maximumBodyBytes
        self.limits = limits
    }

    /// The API's routes and the web pages.
    ///
    /// - Throws: ``TemplateError`` when a page's or a printed document's template is broken: the server does not start
    ///   without its pages and printouts.
    public func router() throws -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        if !allowedOrigins.isEmpty { router.add(middleware: CORSForAllowedOriginsMiddleware(origins: allowedOrigins)) }
        let routes = RouteMethods()
        router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
        router.add(middleware: ErrorTranslationMiddleware())
        router.add(middleware: RequestLimitsMiddleware())
        router.add(middleware: PublicCacheMiddleware(board: board))
        let open = router.group().add(middleware: BearerTokenMiddleware(tokens: tokens, required: false))
        let protected = router.group().add(middleware: BearerTokenMiddleware(tokens: tokens, required: true))
        addOperationsRoutes(to: open)
        addSearchRoutes(to: open)
        addJobRoutes(public: open, protected: protected)
        addCandidateRoutes(to: protected)
        addFairRoutes(to: protected)
        addImportRoutes(to: protected)
        addReferralRoutes(to: protected)
        let pages = try PageRenderer.load()
        try DocumentTemplates.check()
        addAlertRoutes(open: open, protected: protected, pages: pages)
        let web = router.group()
        addPublicPages(to: web, pages: pages)
        addConsolePages(open: web, pages: pages, sessions: sessions)
        addEmployerPages(open: web, pages: pages, sessions: sessions)
        routes.record(router.routes)
        return router
    }
}
