import Foundation

/// The answer of `app.bsky.feed.getPosts` (docs.bsky.app): the posts that still exist; a
/// deleted post (or one whose account is gone) is left out, without an error.
struct BlueskyPostsLookup: Decodable, Sendable {
    /// A found post: only its URI matters here.
    struct Found: Decodable, Sendable {
        var uri: String?
    }
    @LossyList var posts: [Found]?
}

extension BlueskyAdapter: SourceChecking, ConnectionVerifying {
    /// `getPosts` takes up to 25 URIs.
    var sourceCheckBatchSize: Int { 25 }

    /// The URIs the public AppView no longer returns. An answer without a `posts` list says
    /// nothing, so nothing is counted as deleted then.
    func deletedSourceIds(_ sourceIds: [String], feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> Set<String> {
        let uris = sourceIds.filter { $0.hasPrefix("at://") }
        guard !uris.isEmpty else { return [] }
        let url = client.url(Self.appView, "/xrpc/app.bsky.feed.getPosts", query: uris.map { ("uris", $0) })
        let response = try await client.get(url, headers: [("Accept", "application/json")])
        switch response.status {
        case 200..<300:
            let answer = try client.decode(BlueskyPostsLookup.self, from: response, "a posts lookup")
            guard let found = answer.posts else { return [] }
            return Set(uris).subtracting(found.compactMap(\.uri))
        case 429:
            throw await client.throttled(response, "Bluesky rate limit reached while re-checking posts")
        case 500...:
            throw .unavailable("Bluesky answered \(response.status) while re-checking posts; Roost tries again later")
        default:
            let said = client.decodeIfPossible(BlueskyErrorBody.self, from: response)?.message.flatMap(SocialText.nonEmpty).map { " (\($0))" } ?? ""
            throw .failed("Bluesky answered \(response.status) while re-checking posts\(said)")
        }
    }

    /// Logs in with the identifier and app password (`com.atproto.server.createSession`).
    func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        guard feed.credential("identifier") != nil, feed.credential("app_password") != nil else {
            return ConnectionVerification(valid: false, message: "The Bluesky connection needs an identifier and an app password: reconnect the Bluesky account with both")
        }
        var session = Session(client: client, feed: PlatformFeed(attributes: [:], credentials: credentials.filter { !["access_jwt", "refresh_jwt"].contains($0.key) }, now: now))
        do {
            try await session.logInForCheck()
        } catch {
            if let refused = ConnectionVerification.refused(error) { return refused }
            throw error
        }
        let account = session.handle ?? feed.credential("identifier")
        return ConnectionVerification(valid: true, account: account,
                                      message: "Bluesky accepted the app password of \(account ?? "the account"); app passwords last until revoked")
    }
}
