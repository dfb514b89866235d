import Aggregator
import HTTPTypes
import Hummingbird
import Moderation
import NIOCore

/// `GET /v2/:site/posts`: the published posts an embed shows (SPEC §3.3), with CORS for
/// browsers, `ETag`/304, and a page cache keyed by the site's change counter.
struct PostsController: Sendable {
    let store: any RoostStore
    let authenticator: Authenticator
    let links: LinkBuilder
    let cache: PageCache

    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let siteUUID = try context.parameters.require("site").lowercased()
        let key = try await authenticator.require(request, site: siteUUID, scope: .read)
        let parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let postsRequest = try PostsRequest(parameters)
        let base = links.base(for: request)
        let rendered = try await page(postsRequest, siteId: key.siteId, siteUUID: siteUUID, base: base)
        var headers: HTTPFields = [.eTag: rendered.etag, .cacheControl: "no-cache"]
        headers.append(contentsOf: CORS.simpleHeaders)
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == rendered.etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: rendered.body))
    }

    /// One rendered page of published posts (cached until the site's posts change); the embed
    /// pages inline their first page through here, so they read exactly what the API answers.
    func page(_ postsRequest: PostsRequest, siteId: Int64, siteUUID: String, base: String) async throws -> PageCache.Page {
        let path = "/v2/\(siteUUID)/posts"
        let cacheKey = postsRequest.cacheKey(siteId: siteId, base: base)
        let counter = store.changeCounter(siteId: siteId)
        if !postsRequest.random, let cached = cache.page(cacheKey, counter: counter) { return cached }
        let store = self.store
        let query = postsRequest.query(siteId: siteId, state: .published)
        let result = try await Blocking.run { try store.posts(query) }
        let parameters = postsRequest.linkParameters()
        let newer = result.newer.map { links.link(base: base, path: path, parameters: parameters, cursor: $0) }
        let older = result.older.map { links.link(base: base, path: path, parameters: parameters, cursor: $0) }
        let body = PostsPageWire.encode(result.posts, newer: newer, older: older,
                                        statsEndpoint: StatsController.endpoint(base: base, siteUUID: siteUUID))
        let page = PageCache.Page(body: ByteBuffer(bytes: body), etag: EntityTag.of(body))
        if !postsRequest.random { cache.store(page, key: cacheKey, counter: counter) }
        return page
    }

    /// The CORS preflight of the read endpoint.
    func preflight(_ request: Request, context: some RequestContext) async throws -> Response {
        Response(status: .noContent, headers: CORS.preflightHeaders)
    }
}

/// Cross-origin access for the read endpoint: embeds call it from any page (SPEC §3.3 is
/// public content; the read key is meant to ship inside pages).
enum CORS {
    static let simpleHeaders: HTTPFields = [
        .accessControlAllowOrigin: "*",
        .accessControlExposeHeaders: "ETag, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After",
    ]
    static let preflightHeaders: HTTPFields = [
        .accessControlAllowOrigin: "*",
        .accessControlAllowMethods: "GET, OPTIONS",
        .accessControlAllowHeaders: "X-FL-API-Key, Authorization, Content-Type, If-None-Match",
        .accessControlMaxAge: "86400",
    ]
}
