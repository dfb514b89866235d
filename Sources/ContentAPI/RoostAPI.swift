import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// What the HTTP API needs from the composition root.
public struct APIConfiguration: Sendable {
    /// The public base URL for absolute links (`ROOST_PUBLIC_URL`), else each request's Host.
    public var publicBaseURL: String?
    /// Keep rendered post pages between requests.
    public var pageCache: Bool
    /// Which URLs feeds may point at.
    public var networkPolicy: NetworkPolicy
    /// The request budgets of SPEC §3.7 (`ROOST_RATE_LIMIT_*`).
    public var rateLimits: RateLimits
    /// Checks connections against their platforms (`POST /v2/:site/connections/:id/verify`).
    public var connectionVerifier: ConnectionVerifier?

    /// Creates a configuration.
    public init(publicBaseURL: String? = nil, pageCache: Bool = true, networkPolicy: NetworkPolicy = NetworkPolicy(),
                rateLimits: RateLimits = RateLimits(), connectionVerifier: ConnectionVerifier? = nil) {
        self.connectionVerifier = connectionVerifier
        self.publicBaseURL = publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.pageCache = pageCache
        self.networkPolicy = networkPolicy
        self.rateLimits = rateLimits
    }
}

/// Builds the whole route table in one place (DESIGN.md). The middlewares, outermost first:
/// security headers, rate limits (which see every response, errors included), idempotency
/// keys of admin `POST`s (which see the final response to keep), the error envelope.
public func buildRouter(store: any RoostStore, configuration: APIConfiguration, webhooks: WebhookDispatcher? = nil,
                        now: @escaping @Sendable () -> Date) -> Router<RoostRequestContext> {
    let router = Router(context: RoostRequestContext.self)
    let authenticator = Authenticator(store: store, now: now)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(now: now), limits: configuration.rateLimits,
                                               authenticator: authenticator))
    router.add(middleware: IdempotencyMiddleware(store: store, authenticator: authenticator, now: now))
    router.add(middleware: ErrorMiddleware())
    let posts = PostsController(store: store, authenticator: authenticator, links: LinkBuilder(publicBaseURL: configuration.publicBaseURL),
                                cache: PageCache(enabled: configuration.pageCache))
    let feeds = FeedsController(store: store, authenticator: authenticator, policy: configuration.networkPolicy, now: now)
    let sections = SectionsController(store: store, authenticator: authenticator, now: now)
    let system = SystemController(store: store)
    let moderation = ModerationController(store: store, authenticator: authenticator,
                                          links: LinkBuilder(publicBaseURL: configuration.publicBaseURL), now: now)
    let rules = RulesController(store: store, moderation: moderation, now: now)
    let connections = ConnectionsController(store: store, authenticator: authenticator, now: now, verifier: configuration.connectionVerifier)
    let changes = ChangesController(store: store, authenticator: authenticator)
    let hooks = WebhooksController(store: store, authenticator: authenticator, policy: configuration.networkPolicy,
                                   dispatcher: webhooks, now: now)
    let apiKeys = APIKeysController(store: store, authenticator: authenticator, now: now)
    let links = LinkBuilder(publicBaseURL: configuration.publicBaseURL)
    let embeds = EmbedsController(store: store, authenticator: authenticator, links: links, now: now)
    let embedPages = EmbedPageController(store: store, posts: posts, links: links)
    let stats = StatsController(store: store, limiter: BeaconLimiter(), now: now)

    router.get("/health", use: system.health)
    router.get("/openapi.json", use: system.openAPI)
    router.get("/v2/:site/posts", use: posts.list)
    router.on("/v2/:site/posts", method: .options, use: posts.preflight)
    router.get("/v2/:site/feeds", use: feeds.list)
    router.post("/v2/:site/feeds", use: feeds.create)
    router.get("/v2/:site/feeds/:feedId", use: feeds.get)
    router.patch("/v2/:site/feeds/:feedId", use: feeds.update)
    router.delete("/v2/:site/feeds/:feedId", use: feeds.delete)
    router.post("/v2/:site/feeds/:feedId/fetch", use: feeds.fetchNow)
    router.get("/v2/:site/sections", use: sections.list)
    router.get("/v2/:site/connections", use: connections.list)
    router.post("/v2/:site/connections", use: connections.create)
    router.get("/v2/:site/connections/:connectionId", use: connections.get)
    router.delete("/v2/:site/connections/:connectionId", use: connections.delete)
    router.post("/v2/:site/connections/:connectionId/verify", use: connections.verify)
    router.post("/v2/:site/sections", use: sections.create)
    router.get("/v2/:site/inbox", use: moderation.inbox)
    router.get("/v2/:site/posts/:flocklerId", use: moderation.post)
    router.patch("/v2/:site/posts/:flocklerId", use: moderation.tags)
    router.post("/v2/:site/posts/:flocklerId/publish", use: moderation.publish)
    router.post("/v2/:site/posts/:flocklerId/hide", use: moderation.hide)
    router.post("/v2/:site/posts/:flocklerId/pin", use: moderation.pin)
    router.post("/v2/:site/posts/:flocklerId/unpin", use: moderation.unpin)
    router.post("/v2/:site/moderation/batch", use: moderation.batch)
    router.get("/v2/:site/moderation/rules", use: rules.get)
    router.put("/v2/:site/moderation/rules", use: rules.put)
    router.post("/v2/:site/moderation/rules/preview", use: rules.preview)
    router.get("/v2/:site/moderation/log", use: rules.log)
    router.get("/v2/:site/changes", use: changes.list)
    router.on("/v2/:site/changes", method: .options, use: posts.preflight)
    router.get("/v2/:site/webhooks", use: hooks.list)
    router.post("/v2/:site/webhooks", use: hooks.create)
    router.get("/v2/:site/webhooks/:webhookId", use: hooks.get)
    router.patch("/v2/:site/webhooks/:webhookId", use: hooks.update)
    router.delete("/v2/:site/webhooks/:webhookId", use: hooks.delete)
    router.get("/v2/:site/webhooks/:webhookId/deliveries", use: hooks.deliveries)
    router.post("/v2/:site/webhooks/:webhookId/test", use: hooks.test)
    router.get("/v2/:site/api-keys", use: apiKeys.list)
    router.post("/v2/:site/api-keys", use: apiKeys.create)
    router.get("/v2/:site/api-keys/:keyId", use: apiKeys.get)
    router.patch("/v2/:site/api-keys/:keyId", use: apiKeys.update)
    router.delete("/v2/:site/api-keys/:keyId", use: apiKeys.delete)
    router.get("/admin", use: system.adminPage)
    router.get("/admin/embeds.js", use: embedPages.adminScript)
    router.get("/v2/:site/embeds", use: embeds.list)
    router.post("/v2/:site/embeds", use: embeds.create)
    router.get("/v2/:site/embeds/:embedId", use: embeds.get)
    router.patch("/v2/:site/embeds/:embedId", use: embeds.update)
    router.delete("/v2/:site/embeds/:embedId", use: embeds.delete)
    router.get("/v2/:site/embeds/:embedId/stats", use: embeds.stats)
    router.get("/embed.js", use: embedPages.script)
    router.get("/embed.css", use: embedPages.style)
    router.get("/embed/:embedUuid", use: embedPages.page)
    router.get("/embed/:embedUuid/config", use: embedPages.config)
    router.post("/stats/:site", use: stats.record)
    return router
}

/// The HTTP server as a service to run.
public func makeApplication(store: any RoostStore, configuration: APIConfiguration, webhooks: WebhookDispatcher? = nil,
                            host: String, port: Int, now: @escaping @Sendable () -> Date, logger: Logger) -> some ApplicationProtocol {
    Application(router: buildRouter(store: store, configuration: configuration, webhooks: webhooks, now: now),
                server: .roostHTTP1(),
                configuration: .init(address: .hostname(host, port: port), serverName: "Roost"),
                logger: logger)
}
