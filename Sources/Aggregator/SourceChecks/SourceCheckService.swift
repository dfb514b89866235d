import FeedFetchers
import Foundation
import Logging

/// Re-checks the recent posts of platform feeds and unpublishes those the platform says are
/// gone (issue 12, SPEC §3.8: deleted at the source). Each feed is re-checked on a slow rhythm
/// (every 6 hours), its posts of the last 7 days newest first, in the platform's small batches,
/// through the same per-credential rate budgets as fetching but leaving half of each window to
/// fetches. Only a definite "gone" unpublishes: a 5xx, a 429, a timeout or a refused token ends
/// the feed's round with nothing changed; a pause or an outage is tried again at the next round,
/// a refused token at the next rhythm.
public struct SourceCheckService: Sendable {
    let store: any RoostStore & SourceCheckStore
    let transport: any HTTPTransport
    let platforms: PlatformRuntime
    let settings: Settings
    let now: @Sendable () -> Date
    let logger: Logger

    /// How often and how much is re-checked.
    public struct Settings: Sendable {
        /// The shortest time between two re-checks of one feed.
        public var interval: TimeInterval = 6 * 3600
        /// How far back posts are re-checked (by published date, else stored date).
        public var window: TimeInterval = 7 * 86_400
        /// Most posts of one feed re-checked per round.
        public var postsPerFeed = 100
        /// Most feeds re-checked per round.
        public var feedsPerRound = 20
        /// The part of each rate-limit window left to fetches.
        public var reserve = 0.5
        /// How often `run` looks for feeds due.
        public var pollInterval: Duration = .seconds(600)

        /// The defaults.
        public init() {}
    }

    /// What one round did.
    public struct Summary: Sendable, Equatable {
        public var feeds = 0
        public var checkedPosts = 0
        public var unpublished = 0
        /// Feeds whose round ended early (rate limits, server errors, refused tokens).
        public var interrupted = 0
    }

    /// Creates the service.
    public init(store: any RoostStore & SourceCheckStore, transport: any HTTPTransport, platforms: PlatformRuntime,
                settings: Settings = Settings(), now: @escaping @Sendable () -> Date, logger: Logger = Logger(label: "roost.sourcecheck")) {
        self.store = store
        self.transport = transport
        self.platforms = platforms
        self.settings = settings
        self.now = now
        self.logger = logger
    }

    /// Runs rounds every `pollInterval` until `shouldStop` answers true.
    public func run(shouldStop: @escaping @Sendable () -> Bool) async {
        while !shouldStop() {
            let summary = await round()
            if summary.unpublished > 0 || summary.interrupted > 0 {
                logger.info("re-checked \(summary.feeds) feeds at their sources: \(summary.unpublished) posts deleted at the source unpublished, \(summary.interrupted) checks to retry")
            }
            // Short sleeps, so that a shutdown is not held up by a long pause.
            var slept: Duration = .zero
            while slept < settings.pollInterval, !shouldStop() {
                try? await Task.sleep(for: .seconds(1))
                slept += .seconds(1)
            }
        }
    }

    /// Re-checks every feed that is due now.
    public func round() async -> Summary {
        let checking = platforms.adapters.values.filter { $0 is any SourceChecking }.compactMap { FeedService(rawValue: $0.service) }
        let current = now()
        let due: [Feed]
        do {
            due = try store.feedsDueForSourceCheck(services: checking, checkedBefore: current.addingTimeInterval(-settings.interval),
                                                   limit: settings.feedsPerRound)
        } catch {
            logger.error("could not read the feeds due for a source re-check: \(error)")
            return Summary()
        }
        var summary = Summary()
        for feed in due {
            await check(feed, into: &summary)
        }
        return summary
    }

    /// Re-checks one feed's recent posts, batch by batch; marks it checked when every batch answered.
    func check(_ feed: Feed, into summary: inout Summary) async {
        guard let adapter = platforms.adapters[feed.service.rawValue] as? any SourceChecking else { return }
        summary.feeds += 1
        do {
            let connection = try store.connection(for: feed)
            let credentials = platforms.credentials(service: feed.service.rawValue, connection: connection)
            if connection == nil, adapter.needsCredentials(feed.attributes), credentials.isEmpty {
                // Nothing to check with: the feed's own health already asks for a connection.
                try store.markSourceChecked(feedId: feed.id, now: now())
                return
            }
            var client = platforms.client(for: feed, adapter: adapter, connection: connection, transport: transport, now: now)
            client.reserve = settings.reserve
            let posts = try store.recentSourcePosts(feedId: feed.id, since: now().addingTimeInterval(-settings.window), limit: settings.postsPerFeed)
            let input = PlatformFeed(attributes: feed.attributes, credentials: credentials, now: now())
            var start = 0
            while start < posts.count {
                let batch = posts[start..<min(start + max(1, adapter.sourceCheckBatchSize), posts.count)].map(\.sourceId)
                start += batch.count
                let gone: Set<String>
                do {
                    gone = try await adapter.deletedSourceIds(batch, feed: input, client: client)
                } catch {
                    summary.interrupted += 1
                    let visible = adapter.visibleCredentialNames.union(["connected_at"])
                    let secrets = Array(credentials.filter { !visible.contains($0.key) }.values)
                    logger.info("source re-check of feed \(feed.id) stopped: \(error.redacting(secrets).description)")
                    // A pause or an outage: the next round tries again. A refused token or a
                    // setup problem: not before the next rhythm (the feed's health says why).
                    switch error {
                    case .rateLimited, .unavailable: break
                    default: try store.markSourceChecked(feedId: feed.id, now: now())
                    }
                    return
                }
                summary.checkedPosts += batch.count
                summary.unpublished += try store.unpublishDeletedAtSource(feedId: feed.id, sourceIds: gone.intersection(batch), now: now())
            }
            try store.markSourceChecked(feedId: feed.id, now: now())
        } catch {
            summary.interrupted += 1
            logger.error("source re-check of feed \(feed.id) could not use the store: \(error)")
        }
    }
}
