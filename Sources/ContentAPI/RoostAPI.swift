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
    /// Checks connections against their platforms (`POST /v2/:site/connections/:id/verify`).
    public var connectionVerifier: ConnectionVerifier?

    /// Creates a configuration.
    public init(publicBaseURL: String? = nil, pageCache: Bool = true, networkPolicy: NetworkPolicy = NetworkPolicy(),
                connectionVerifier: ConnectionVerifier? = nil) {
        self.connectionVerifier = connectionVerifier
        self.publicBaseURL = publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.pageCache = pageCache
        self.networkPolicy = networkPolicy
    }
}

/// Builds the whole route table in one place (DESIGN.md).
public func buildRouter(store: any RoostStore, configuration: APIConfiguration,
                        now: @escaping @Sendable () -> Date) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    let authenticator = Authenticator(store: store)
    let posts = PostsController(store: store, authenticator: authenticator, links: LinkBuilder(publicBaseURL: configuration.publicBaseURL),
                                cache: PageCache(enabled: configuration.pageCache))
    let feeds = FeedsController(store: store, authenticator: authenticator, policy: configuration.networkPolicy, now: now)
    let sections = SectionsController(store: store, authenticator: authenticator, now: now)
    let system = SystemController(store: store)
    let moderation = ModerationController(store: store, authenticator: authenticator,
                                          links: LinkBuilder(publicBaseURL: configuration.publicBaseURL), now: now)
    let rules = RulesController(store: store, moderation: moderation, now: now)
    let connections = ConnectionsController(store: store, authenticator: authenticator, now: now, verifier: configuration.connectionVerifier)

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
    router.get("/admin", use: system.adminPage)
    return router
}

/// The HTTP server as a service to run.
public func makeApplication(store: any RoostStore, configuration: APIConfiguration, host: String, port: Int,
                            now: @escaping @Sendable () -> Date, logger: Logger) -> some ApplicationProtocol {
    Application(router: buildRouter(store: store, configuration: configuration, now: now),
                server: .roostHTTP1(),
                configuration: .init(address: .hostname(host, port: port), serverName: "Roost"),
                logger: logger)
}
