import FeedFetchers
import Foundation
import Logging
import Moderation

/// One fetch of one feed, from the HTTP request to the stored posts and the feed's new
/// health and schedule: `IngestFeed` → fetcher → `Moderator` → store (DESIGN.md).
public struct IngestFeed: Sendable {
    let store: any RoostStore
    let transport: any HTTPTransport
    let schedule: FetchSchedule
    let now: @Sendable () -> Date
    let random: @Sendable () -> Double
    let logger: Logger
    let platforms: PlatformRuntime

    /// Permanent redirects to the same place seen in a row before the stored URL changes.
    static let redirectsBeforeMove = 3

    /// Creates the step; `random` returns numbers in 0..<1 for jitter.
    public init(store: any RoostStore, transport: any HTTPTransport, schedule: FetchSchedule = FetchSchedule(),
                now: @escaping @Sendable () -> Date, random: @escaping @Sendable () -> Double,
                logger: Logger = Logger(label: "roost.ingest"), platforms: PlatformRuntime = PlatformRuntime()) {
        self.platforms = platforms
        self.store = store
        self.transport = transport
        self.schedule = schedule
        self.now = now
        self.random = random
        self.logger = logger
    }

    /// Fetches, parses and stores one feed, and records how it went. Never throws: every
    /// failure becomes the feed's health and a later retry.
    public func run(_ feed: Feed) async -> IngestOutcome {
        guard feed.service == .rss else { return await runPlatform(feed) }
        guard let url = feed.attributes["url"]?.stringValue else {
            return record(feed, .failed(message: "the feed has no url attribute; set one with PATCH /v2/:site/feeds/:id"))
        }
        let request = FetchRequest(url: url, etag: feed.fetchState.etag, lastModified: feed.fetchState.lastModified)
        let response: FetchResponse
        do {
            response = try await transport.fetch(request)
        } catch {
            return record(feed, .failed(message: error.description))
        }
        return record(feed, interpret(response, feed: feed, url: url), response: response)
    }

    /// What an HTTP answer means for the feed.
    private func interpret(_ response: FetchResponse, feed: Feed, url: String) -> IngestOutcome.Result {
        switch response.status {
        case 304:
            return .notModified
        case 200..<300:
            do {
                let parsed = try FeedParser.parse(response.body, url: response.finalURL, contentType: response.contentType)
                let posts = parsed.posts
                let summary = try storePosts(posts, feed: feed)
                return .fetched(summary, dates: posts.compactMap(\.publishedAt), ttl: parsed.info.ttlMinutes)
            } catch let error as FeedParseError {
                return .failed(message: "\(response.finalURL) did not answer with a feed: \(error.description)")
            } catch {
                return .failed(message: "the posts of \(url) could not be stored: \(error)")
            }
        case 410:
            return .gone(message: "\(response.finalURL) answered 410 Gone: the feed was removed, so Roost stopped fetching it. Give the feed a new url, or enable it again, to resume")
        case 429, 503:
            return .throttled(message: "\(response.finalURL) answered \(response.status) \(Self.reason(response.status))")
        default:
            return .failed(message: "\(response.finalURL) answered \(response.status) \(Self.reason(response.status))")
        }
    }

    /// Stores a fetch's posts: new ones through moderation with the site's rules, known ones updated.
    func storePosts(_ posts: [Post], feed: Feed) throws -> UpsertSummary {
        let rules = try store.ruleSet(siteId: feed.siteId)
        var context = try ModerationService(store: store).contextForNewPosts(siteId: feed.siteId, ruleSet: rules)
        return try store.upsertPosts(posts, feed: feed, now: now()) { post in
            let decision = Moderator.decide(post, feedMode: feed.moderationType, ruleSet: rules, context: context)
            // Posts of one batch count as recent for each other's near-duplicate check; the
            // reason names a post of this batch by its link, having no Flockler id yet.
            if rules.needsRecentPosts {
                context.remember(id: "'\(post.sourceUrl ?? post.sourceId ?? post.title ?? "")' of \(post.channel)", post: post)
            }
            return decision
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized: the feed needs credentials"
        case 403: return "Forbidden: the server refuses Roost"
        case 404: return "Not Found: check the feed's address"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return status >= 500 ? "(a server error)" : "(a client error)"
        }
    }
}

/// How one ingest went.
public struct IngestOutcome: Sendable, Equatable {
    /// What happened.
    public enum Result: Sendable, Equatable {
        case fetched(UpsertSummary, dates: [Date], ttl: Int?)
        case notModified
        case throttled(message: String)
        case gone(message: String)
        case failed(message: String)
        /// A failure the platform is known to have now and then: unhealthy only after several in a row.
        case unavailable(message: String)
    }

    public var feedId: Int64
    public var result: Result
    /// The feed's health after this fetch.
    public var health: FeedHealth
    /// When it is fetched next (nil: never, the feed was stopped).
    public var nextFetchAt: Date?
}
