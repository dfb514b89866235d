import Foundation

extension BlueskyAdapter {
    /// The pages of one fetch: the author feed (public) or the hashtag search (logged in),
    /// followed by cursor, with Bluesky's errors classified.
    struct Pages: Sendable {
        let client: PlatformClient
        let feed: PlatformFeed
        let source: Source
        /// The login of a hashtag feed, once opened.
        var session: Session

        /// Starts the pages of `feed`.
        init(client: PlatformClient, feed: PlatformFeed, source: Source) {
            self.client = client
            self.feed = feed
            self.source = source
            session = Session(client: client, feed: feed)
        }

        /// Reads pages until enough posts, a known one, the last page or `maxPages`.
        mutating func collect() async throws(PlatformError) -> [Post] {
            var posts: [Post] = []
            var seen: Set<String> = []
            var cursor: String?
            for page in 0..<max(1, feed.maxPages) {
                do {
                    let (views, next) = try await self.page(cursor: cursor)
                    var ids: [String] = []
                    for view in views {
                        guard let post = BlueskyMapping.post(view, now: feed.now), let id = post.sourceId, seen.insert(id).inserted else { continue }
                        posts.append(post)
                        ids.append(id)
                    }
                    if posts.count >= feed.maxPosts || ids.contains(where: feed.isKnown) { break }
                    guard let next = SocialText.nonEmpty(next), next != cursor else { break }
                    cursor = next
                } catch {
                    // Later pages only add older posts: keep what the first pages gave.
                    if page == 0 || posts.isEmpty { throw error }
                    break
                }
            }
            return posts
        }

        /// One page's post views (reposts and replies dropped unless the feed wants them) and the next cursor.
        private mutating func page(cursor: String?) async throws(PlatformError) -> ([BlueskyPostView], String?) {
            switch source {
            case .actor(let actor):
                var query = [("actor", actor), ("filter", feed.flag("include_replies") ? "posts_with_replies" : "posts_no_replies"),
                             ("limit", BlueskyAdapter.pageSize), ("includePins", "false")]
                if let cursor { query.append(("cursor", cursor)) }
                let response = try await client.get(client.url(BlueskyAdapter.appView, "/xrpc/app.bsky.feed.getAuthorFeed", query: query))
                guard (200..<300).contains(response.status) else { throw await error(response) }
                let result = try client.decode(BlueskyAuthorFeed.self, from: response, "an author feed")
                let items = (result.feed ?? []).filter { feed.flag("include_reposts") || $0.reason?.type != "app.bsky.feed.defs#reasonRepost" }
                return (items.compactMap(\.post), result.cursor)
            case .hashtag(let tag):
                var query = [("q", "#" + tag), ("sort", "latest"), ("limit", BlueskyAdapter.pageSize)]
                if let cursor { query.append(("cursor", cursor)) }
                let url = client.url(BlueskyAdapter.entryway, "/xrpc/app.bsky.feed.searchPosts", query: query)
                let subject = self.subject
                let response = try await session.get(url, subject: subject)
                guard (200..<300).contains(response.status) else { throw await error(response) }
                let result = try client.decode(BlueskySearchResult.self, from: response, "a search result")
                return ((result.posts ?? []).filter { feed.flag("include_replies") || $0.record?.reply == nil }, result.cursor)
            }
        }

        /// What the feed reads, for messages.
        private var subject: String {
            switch source {
            case .actor(let actor): return "the posts of \(actor)"
            case .hashtag(let tag): return "hashtag #\(tag)"
            }
        }

        /// An XRPC error classified: unknown profile, rate limit, refused session, bad request.
        private func error(_ response: FetchResponse) async -> PlatformError {
            let body = client.decodeIfPossible(BlueskyErrorBody.self, from: response)
            let name = body?.error ?? ""
            let said = body?.message.flatMap(SocialText.nonEmpty).map { " (Bluesky said: \($0))" } ?? ""
            if response.status == 429 || name == "RateLimitExceeded" {
                return await client.throttled(response, "Bluesky's rate limit was reached while reading \(subject)")
            }
            if case .actor(let actor) = source {
                if name == "ActorNotFound" || body?.message?.lowercased() == "profile not found" || response.status == 404 {
                    return .notFound("Bluesky profile \(actor) was not found; check the feed's handle or did")
                }
                if ["AccountTakedown", "AccountDeactivated", "BlockedActor", "BlockedByActor"].contains(name) {
                    return .notFound("Bluesky account \(actor) is suspended, deactivated or blocked\(said)")
                }
            }
            switch response.status {
            case 401:
                return .reconnect("Bluesky refused the session\(said): reconnect the Bluesky account with a new app password")
            case 400, 403:
                return .misconfigured("Bluesky refused the request for \(subject)\(said)")
            case 404:
                return .notFound("Bluesky found nothing for \(subject)\(said)")
            default:
                return .failed("Bluesky answered HTTP \(response.status) for \(subject)\(said)")
            }
        }
    }
}
