import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HummingbirdTesting
import Moderation
import PlatformReplay
import Synchronization
import Testing

/// The slow platform services of issue 12 over a replay of one platform's fixtures: the
/// source re-check, the connection verifier behind the API, with a shared rate budget and a
/// clock the test moves.
struct PlatformServicesRun {
    let fixture: APIFixture
    let replay: PlatformReplay
    let service: String
    let clock: TestClock
    let budgets = RateBudgets()

    init(_ service: String) throws {
        fixture = try APIFixture()
        replay = try PlatformReplay(service: service)
        self.service = service
        clock = TestClock(fixture.now)
    }

    /// What a test gets: the API client (with a verifier) and the source re-check service.
    struct Services: Sendable {
        let client: any TestClientProtocol
        let sourceChecks: SourceCheckService
    }

    /// Runs `body` with the services wired to the replay server.
    func run(_ body: @Sendable (Services) async throws -> Void) async throws {
        let fixture = self.fixture, service = self.service, clock = self.clock, budgets = self.budgets
        let transport = GuardedHTTPClient(policy: NetworkPolicy(), now: { clock.now })
        let trusted = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), now: { clock.now })
        do {
            try await replay.run { base in
                let runtime = PlatformRuntime(endpoints: PlatformEndpoints(overrides: [service: base]), trustedTransport: trusted, budgets: budgets)
                let checks = SourceCheckService(store: fixture.store, transport: transport, platforms: runtime, now: { clock.now })
                let verifier = ConnectionVerifier(store: fixture.store, transport: transport, platforms: runtime, now: { clock.now })
                try await fixture.withClient(pageCache: false, connectionVerifier: verifier) { client in
                    try await body(Services(client: client, sourceChecks: checks))
                }
            }
        } catch {
            await transport.shutdown()
            await trusted.shutdown()
            throw error
        }
        await transport.shutdown()
        await trusted.shutdown()
    }

    /// A connection of the site for this service.
    func connect(_ credentials: [String: String]) throws -> Connection {
        let kind = try #require(FeedService(rawValue: service))
        return try fixture.store.createConnection(NewConnection(siteId: fixture.site.id, service: kind, name: "Brand", credentials: credentials),
                                                  now: fixture.now)
    }

    /// A feed of this service whose posts with `sourceIds` (newest first, an hour apart) are published.
    func feed(_ attributes: [String: FeedAttribute], sourceIds: [String]) throws -> Feed {
        let kind = try #require(FeedService(rawValue: service))
        let section = try fixture.store.section(siteId: fixture.site.id, named: "default", now: fixture.now)
        let feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: section.id, name: service, service: kind,
                                                        attributes: attributes, moderationType: .autoPublish), now: fixture.now)
        let posts = sourceIds.enumerated().map { index, id in
            Post(channel: kind.channel, sourceId: id, sourceUrl: "https://example.com/\(index)", title: "Post \(index)",
                 publishedAt: fixture.now.addingTimeInterval(-Double(index + 1) * 3600))
        }
        try fixture.store.upsertPosts(posts, feed: feed, now: fixture.now) { _ in Decision(state: .published, decidedBy: .auto) }
        return feed
    }

    /// The source ids of the site's published posts.
    func published() throws -> Set<String> {
        Set(try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: .published, count: 100)).posts.compactMap(\.post.sourceId))
    }
}
