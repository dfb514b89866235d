import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HummingbirdTesting
import PlatformReplay
import Testing

/// Runs a platform feed end to end: created through the API, fetched by the ingest step
/// from a replay of the platform's fixtures (its base replaced, as `ROOST_PLATFORM_BASE_<SERVICE>`
/// does), and read back through the Content API.
struct PlatformRun {
    let fixture: APIFixture
    let replay: PlatformReplay
    let service: String

    init(_ service: String, fixtures: String? = nil) throws {
        fixture = try APIFixture()
        replay = try PlatformReplay(service: fixtures ?? service)
        self.service = service
    }

    /// Runs `body` with the API client and a function that fetches a feed (by id) once.
    func run(_ body: @Sendable (any TestClientProtocol, @Sendable (Int64) async throws -> IngestOutcome) async throws -> Void) async throws {
        let fixture = self.fixture
        let service = self.service
        let now = fixture.now
        let transport = GuardedHTTPClient(policy: NetworkPolicy(), now: { now })
        let trusted = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), now: { now })
        do {
            try await replay.run { base in
                let runtime = PlatformRuntime(endpoints: PlatformEndpoints(overrides: [service: base]), trustedTransport: trusted)
                let ingest = IngestFeed(store: fixture.store, transport: transport, now: { now }, random: { 0.5 }, platforms: runtime)
                try await fixture.withClient(pageCache: false) { client in
                    try await body(client) { id in
                        let feed = try #require(try fixture.store.feed(siteId: fixture.site.id, idOrUUID: String(id)))
                        return await ingest.run(feed)
                    }
                }
            }
        } catch {
            // The clients must be shut down whatever happened, or their deinit traps.
            await transport.shutdown()
            await trusted.shutdown()
            throw error
        }
        await transport.shutdown()
        await trusted.shutdown()
    }
}

extension TestClientProtocol {
    /// Creates a feed through the API and returns its id.
    func createFeed(_ fixture: APIFixture, _ body: String) async throws -> Int64 {
        let response = try await send(.post, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey, json: body)
        #expect(response.status == .created, "\(String(buffer: response.body))")
        let data = try #require((try json(response)["result"] as? [String: Any])?["data"] as? [String: Any])
        return try #require(((data["feed"] as? [String: Any])?["id"] as? NSNumber)?.int64Value)
    }

    /// The feed as the API shows it.
    func feedData(_ fixture: APIFixture, _ id: Int64) async throws -> [String: Any] {
        let response = try await get("/v2/\(fixture.site.uuid)/feeds/\(id)", key: fixture.adminKey)
        let data = try #require((try json(response)["result"] as? [String: Any])?["data"] as? [String: Any])
        return try #require(data["feed"] as? [String: Any])
    }

    /// The published posts as the Content API serves them.
    func publishedPosts(_ fixture: APIFixture) async throws -> [[String: Any]] {
        let response = try await get("/v2/\(fixture.site.uuid)/posts?count=100", key: fixture.readKey)
        #expect(response.status == .ok)
        return try #require(try json(response)["posts"] as? [[String: Any]])
    }
}
