import FeedFetchers
import Foundation

extension IngestFeed {
    /// Stored source ids a platform fetch is told about: enough to recognise the newest page.
    static let knownSourceIdLimit = 500

    /// Fetches one platform feed through its adapter (SPEC §3.6): credentials from the
    /// site's connection, state from the last fetch, posts through moderation into the store,
    /// and the platform's errors as feed health.
    func runPlatform(_ feed: Feed) async -> IngestOutcome {
        guard let adapter = platforms.adapters[feed.service.rawValue] else {
            return record(feed, .failed(message: feed.service == .instagramBasicDisplay
                ? "Instagram Basic Display was discontinued by Meta on 4 December 2024; reconnect this account as an Instagram business or creator account and create an instagram_graph_api feed"
                : "\(feed.service.rawValue) feeds cannot be fetched by this Roost build"))
        }
        let connection: Connection?
        let known: Set<String>
        do {
            connection = try store.connection(for: feed)
            known = try store.sourceIds(feedId: feed.id, limit: Self.knownSourceIdLimit)
        } catch {
            return record(feed, .failed(message: "the feed's connection could not be read: \(error)"))
        }
        var credentials = platforms.serverCredentials[feed.service.rawValue] ?? [:]
        if let connection {
            credentials.merge(connection.credentials) { _, own in own }
            credentials["connected_at"] = FeedDate.isoString(connection.updatedAt)
        } else if adapter.needsCredentials(feed.attributes), credentials.isEmpty {
            return record(feed, .failed(message: "this \(feed.service.rawValue) feed needs a connection to the account it reads, and the site has none: add one with POST /v2/:site/connections {\"service\": \"\(feed.service.rawValue)\", \"credentials\": {...}}"))
        }
        let client = platforms.client(for: feed, adapter: adapter, connection: connection, transport: transport, now: now)
        let input = PlatformFeed(attributes: feed.attributes, credentials: credentials,
                                 state: PlatformState(encoded: feed.fetchState.cursor), knownSourceIds: known, now: now())
        let result: PlatformResult
        do {
            result = try await adapter.fetch(input, client: client)
        } catch {
            // Whatever an adapter said, feed health never shows a credential.
            let visible = adapter.visibleCredentialNames.union(["connected_at"])
            let secrets = Array(credentials.filter { !visible.contains($0.key) }.values)
            var error = error.redacting(secrets)
            if case .reconnect(let message) = error, let expiresAt = connection?.expiresAt, expiresAt <= now() {
                // Roost knew when the token would end (issue 12): say so, with what to do.
                error = .reconnect("\(message) (the connection's token expired at \(FeedDate.isoString(expiresAt)))")
            }
            return record(feed, Self.outcome(of: error), platform: PlatformRecord(minimumInterval: adapter.minimumInterval, resumeAt: Self.resume(error)))
        }
        if let connection, !result.refreshedCredentials.isEmpty {
            do {
                try store.updateCredentials(connectionId: connection.id, merging: result.refreshedCredentials, now: now())
            } catch {
                logger.error("could not store the refreshed credentials of connection \(connection.id): \(error)")
            }
        }
        let platform = PlatformRecord(cursor: result.state.encoded, minimumInterval: adapter.minimumInterval)
        if result.notModified { return record(feed, .notModified, platform: platform) }
        do {
            let summary = try storePosts(result.posts, feed: feed)
            return record(feed, .fetched(summary, dates: result.posts.compactMap(\.publishedAt), ttl: nil), platform: platform)
        } catch {
            return record(feed, .failed(message: "the posts of this \(feed.service.rawValue) feed could not be stored: \(error)"))
        }
    }

    /// How a platform error shows in the feed's health (issue 6).
    static func outcome(of error: PlatformError) -> IngestOutcome.Result {
        switch error {
        case .rateLimited(_, let message): return .throttled(message: message)
        case .unavailable(let message): return .unavailable(message: message)
        case .reconnect(let message), .notFound(let message), .misconfigured(let message), .failed(let message):
            return .failed(message: message)
        }
    }

    private static func resume(_ error: PlatformError) -> Date? {
        if case .rateLimited(let until, _) = error { return until }
        return nil
    }
}

/// What a platform fetch adds to the record of a fetch.
struct PlatformRecord {
    /// The adapter's state for the next fetch; nil keeps none.
    var cursor: String?
    /// The adapter's shortest polling interval.
    var minimumInterval: TimeInterval
    /// When a rate-limited platform allows the next request.
    var resumeAt: Date?

    init(cursor: String? = nil, minimumInterval: TimeInterval, resumeAt: Date? = nil) {
        self.cursor = cursor
        self.minimumInterval = minimumInterval
        self.resumeAt = resumeAt
    }
}
