import Foundation

/// X's answers to `GET /2/tweets?ids=…` (docs.x.com, "Posts lookup"): the posts that exist in
/// `data`, and one `errors[]` entry per id that does not (`Not Found Error`, type
/// `…/problems/resource-not-found`, `resource_id` the id).
struct TwitterLookupResponse: Decodable {
    /// A found post: only its id matters here.
    struct Found: Decodable, Sendable {
        var id: String?
    }

    /// One lookup error.
    struct Problem: Decodable, Sendable {
        var title: String?
        var detail: String?
        var type: String?
        var resourceId: String?
        var value: String?

        enum CodingKeys: String, CodingKey {
            case title, detail, type, value
            case resourceId = "resource_id"
        }

        /// Whether X says the post does not exist (deleted), not that it may not be shown.
        var isNotFound: Bool {
            type?.hasSuffix("/resource-not-found") == true || title == "Not Found Error"
        }
    }

    @LossyList var data: [Found]?
    @LossyList var errors: [Problem]?
}

extension TwitterAdapter: SourceChecking, ConnectionVerifying {
    /// Posts lookup takes up to 100 ids; a smaller batch keeps each re-check cheap.
    public var sourceCheckBatchSize: Int { 50 }

    /// The ids X answers "Not Found Error" for; a suspended or protected author's posts
    /// ("Authorization Error") are not counted as deleted.
    public func deletedSourceIds(_ sourceIds: [String], feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> Set<String> {
        guard !sourceIds.isEmpty else { return [] }
        guard let token = feed.credential("bearer_token") ?? feed.credential("access_token") else {
            throw .misconfigured("The X feed has no bearer token: connect an X account (app-only bearer token) to the site")
        }
        let answer = try await lookup(sourceIds, token: token, client: client)
        let asked = Set(sourceIds)
        return Set((answer.errors ?? []).filter(\.isNotFound).compactMap { $0.resourceId ?? $0.value }.filter(asked.contains))
    }

    /// Looks up one long-standing public post (id 20): X answers it only for a bearer token it accepts.
    public func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        guard let token = feed.credential("bearer_token") ?? feed.credential("access_token") else {
            return ConnectionVerification(valid: false, message: "The X connection has no bearer token: add one (an app-only bearer token from the X developer portal)")
        }
        do {
            _ = try await lookup([Self.verificationPostId], token: token, client: client)
        } catch {
            if let refused = ConnectionVerification.refused(error) { return refused }
            throw error
        }
        return ConnectionVerification(valid: true, message: "X accepted the bearer token for posts lookup; X does not say when app-only tokens expire (they last until revoked)")
    }

    /// The post the verification looks up: X's first, public since 2006.
    static let verificationPostId = "20"

    /// `GET /2/tweets?ids=…&tweet.fields=id`, with X's errors classified as for search.
    private func lookup(_ ids: [String], token: String, client: PlatformClient) async throws(PlatformError) -> TwitterLookupResponse {
        let url = client.url(Self.base, "/2/tweets", query: [("ids", ids.joined(separator: ",")), ("tweet.fields", "id")])
        let response = try await client.get(url, headers: [("Authorization", "Bearer " + token)])
        switch response.status {
        case 200..<300:
            return try client.decode(TwitterLookupResponse.self, from: response, "a posts lookup")
        case 401:
            let said = client.decodeIfPossible(TwitterProblem.self, from: response).map(Self.describe) ?? "status 401"
            throw .reconnect("X refused the bearer token (\(said)); reconnect the X account or enter a new bearer token")
        case 403:
            let said = client.decodeIfPossible(TwitterProblem.self, from: response).map(Self.describe) ?? "status 403"
            throw .misconfigured("X does not allow this app to look up posts (\(said)); check the X developer project's access level")
        case 429:
            let reset = RateLimitHeaders(response.headers, now: client.now()).resetAt
            throw await client.throttled(response, until: reset, "X rate limit reached for posts lookup")
        case 500...:
            throw .unavailable("X answered \(response.status) to a posts lookup; Roost tries again later")
        default:
            throw .failed("X answered \(response.status) to a posts lookup")
        }
    }
}
