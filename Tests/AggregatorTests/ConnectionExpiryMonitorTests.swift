import Aggregator
import FeedFetchers
import Foundation
import Synchronization
import Testing

/// Events a test monitor emitted.
final class EmittedEvents: Sendable {
    struct Event: Sendable, Equatable {
        var siteId: Int64
        var type: String
        var data: [String: String]
    }

    private let events = Mutex<[Event]>([])

    /// Everything emitted so far, in order.
    var all: [Event] { events.withLock { $0 } }

    /// The closure a monitor calls.
    var emit: ConnectionExpiryMonitor.Emit {
        { siteId, type, data in self.events.withLock { $0.append(Event(siteId: siteId, type: type, data: data)) } }
    }
}

/// A clock a test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func set(_ date: Date) { current.withLock { $0 = date } }
}

@Suite("Connection expiry")
struct ConnectionExpiryMonitorTests {
    let fixture: StoreFixture
    let clock: ManualClock
    let events = EmittedEvents()

    init() throws {
        fixture = try StoreFixture()
        clock = ManualClock(fixture.start)
    }

    func monitor() -> ConnectionExpiryMonitor {
        let clock = self.clock
        return ConnectionExpiryMonitor(store: fixture.store, now: { clock.now }, emit: events.emit)
    }

    func connect(_ service: FeedService, _ credentials: [String: String]) throws -> Connection {
        try fixture.store.createConnection(NewConnection(siteId: fixture.site.id, service: service, name: "Brand", credentials: credentials),
                                           now: fixture.start)
    }

    @Test("Each threshold is emitted once per connection, also across a restart (a new monitor over the same store)")
    func onceAcrossRestart() async throws {
        let expiry = fixture.start.addingTimeInterval(10 * 86_400)
        let connection = try connect(.facebook, ["access_token": "EAAPAGE", "expires_at": FeedDate.isoString(expiry)])
        #expect(connection.expiresAt == expiry)
        #expect(await monitor().run() == 0)

        clock.set(expiry.addingTimeInterval(-6.5 * 86_400))
        #expect(await monitor().run() == 1)
        #expect(await monitor().run() == 0)
        let first = try #require(events.all.first)
        #expect(first.siteId == fixture.site.id && first.type == "connection.expiring")
        #expect(first.data == ["connection_id": String(connection.id), "uuid": connection.uuid, "service": "facebook", "name": "Brand",
                               "expires_at": FeedDate.isoString(expiry), "days_left": "6"])

        clock.set(expiry.addingTimeInterval(-12 * 3600))
        #expect(await monitor().run() == 1)
        #expect(events.all.last?.type == "connection.expiring" && events.all.last?.data["days_left"] == "0")

        clock.set(expiry.addingTimeInterval(60))
        let restarted = monitor()
        #expect(await restarted.run() == 1)
        #expect(await restarted.run() == 0)
        #expect(await monitor().run() == 0)
        #expect(events.all.map(\.type) == ["connection.expiring", "connection.expiring", "connection.expired"])
    }

    @Test("A connection found already expired gets only connection.expired; a refresh with a new expiry starts afresh")
    func expiredAndRefreshed() async throws {
        let expiry = fixture.start.addingTimeInterval(86_400)
        let connection = try connect(.instagramGraphAPI, ["access_token": "IGQ", "expires_at": FeedDate.isoString(expiry)])
        clock.set(expiry.addingTimeInterval(3600))
        #expect(await monitor().run() == 1)
        #expect(events.all.map(\.type) == ["connection.expired"])

        // Instagram Login's refresh answered a new expires_in: the connection's known expiry moves.
        let renewed = expiry.addingTimeInterval(60 * 86_400)
        try fixture.store.updateCredentials(connectionId: connection.id, merging: ["expires_at": FeedDate.isoString(renewed)], now: clock.now)
        let stored = try #require(try fixture.store.connection(siteId: fixture.site.id, idOrUUID: connection.uuid))
        #expect(stored.expiresAt == renewed)
        #expect(await monitor().run() == 0)
        clock.set(renewed.addingTimeInterval(-3 * 86_400))
        #expect(await monitor().run() == 1)
        #expect(events.all.last?.type == "connection.expiring" && events.all.last?.data["days_left"] == "3")
    }

    @Test("The connection's end: TikTok's and LinkedIn's refresh tokens, Meta's expires_at, unknown otherwise")
    func knownExpiry() {
        let date = "2026-01-01T00:00:00Z"
        let at = FeedDate.parse(date)
        #expect(ConnectionExpiry.known(service: .tiktok, credentials: ["refresh_token": "r", "expires_at": "2025-01-01T00:00:00Z", "refresh_expires_at": date]) == at)
        #expect(ConnectionExpiry.known(service: .tiktok, credentials: ["refresh_token": "r", "expires_at": date]) == nil)
        #expect(ConnectionExpiry.known(service: .tiktok, credentials: ["expires_at": date]) == at)
        #expect(ConnectionExpiry.known(service: .linkedin, credentials: ["refresh_token": "r", "refresh_token_expires_at": date, "expires_at": "2025-01-01T00:00:00Z"]) == at)
        #expect(ConnectionExpiry.known(service: .facebook, credentials: ["expires_at": date]) == at)
        #expect(ConnectionExpiry.known(service: .googleReview, credentials: ["refresh_token_expires_at": date]) == at)
        #expect(ConnectionExpiry.known(service: .twitterV2, credentials: ["bearer_token": "b"]) == nil)
    }

    @Test("A feed whose connection's token expired is unhealthy, saying to reconnect and since when")
    func expiredFeedHealth() async throws {
        let expiry = fixture.start.addingTimeInterval(-3600)
        let adapter = ScriptedAdapter()
        adapter.next.withLock { $0 = .failure(.reconnect("Vimeo refused the access token; reconnect the Vimeo account")) }
        _ = try connect(.vimeo, ["access_token": "old", "expires_at": FeedDate.isoString(expiry)])
        let feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: fixture.feed.sectionId, name: "v", service: .vimeo,
                                                        attributes: ["user": .string("kettleandcrow")], moderationType: .autoPublish),
                                                now: fixture.start)
        let start = fixture.start
        let transport = GuardedHTTPClient(policy: NetworkPolicy(), now: { start })
        let ingest = IngestFeed(store: fixture.store, transport: transport, now: { start },
                                random: { 0.5 }, platforms: PlatformRuntime(adapters: [adapter]))
        let outcome = await ingest.run(feed)
        await transport.shutdown()
        #expect(!outcome.health.isHealthy)
        let message = try #require(outcome.health.errorMessage)
        #expect(message.contains("reconnect the Vimeo account") && message.contains("expired at \(FeedDate.isoString(expiry))"))
    }
}
