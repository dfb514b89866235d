import Aggregator
import FeedFetchers
import Foundation
import Moderation
import Synchronization
import Testing

/// A platform adapter whose answers a test scripts: it exercises the ingest pipeline around
/// adapters (credentials, state, refreshed tokens, error → health), not any platform.
final class ScriptedAdapter: PlatformAdapter, Sendable {
    let service = "vimeo"
    let attributeNames: Set<String> = ["user"]
    let credentialFields = [CredentialField("access_token")]
    let minimumInterval: TimeInterval = 15 * 60
    let ratePolicy = RatePolicy(requests: 100, per: 60)
    /// What the next fetch does.
    let next = Mutex<Result<PlatformResult, PlatformError>>(.success(PlatformResult(posts: [], state: PlatformState())))
    /// The inputs seen.
    let seen = Mutex<[PlatformFeed]>([])

    func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] { [] }

    func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        seen.withLock { $0.append(feed) }
        return try next.withLock { $0 }.get()
    }
}

@Suite("Platform feeds through the ingest step")
struct PlatformIngestTests {
    struct Rig {
        let fixture: StoreFixture
        let adapter = ScriptedAdapter()
        let ingest: IngestFeed
        let feed: Feed
        let now: Date

        init(connect: Bool = true) throws {
            fixture = try StoreFixture(moderation: .autoPublish)
            let now = fixture.start
            self.now = now
            let client = GuardedHTTPClient(policy: NetworkPolicy(), now: { now })
            ingest = IngestFeed(store: fixture.store, transport: client, now: { now }, random: { 0.1 },
                                platforms: PlatformRuntime(adapters: [adapter]))
            feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: fixture.feed.sectionId, name: "v",
                                                        service: .vimeo, attributes: ["user": .string("kettleandcrow")],
                                                        moderationType: .autoPublish), now: now)
            if connect {
                _ = try fixture.store.createConnection(NewConnection(siteId: fixture.site.id, service: .vimeo, name: nil,
                                                                     credentials: ["access_token": "token-1"]), now: now)
            }
        }

        func current() throws -> Feed {
            try #require(try fixture.store.feed(siteId: fixture.site.id, idOrUUID: String(feed.id)))
        }
    }

    static func video(_ id: String, minutes: Int, start: Date) -> Post {
        Post(channel: "vimeo", sourceId: id, sourceUrl: "https://vimeo.com/\(id)", title: "Video \(id)",
             publishedAt: start.addingTimeInterval(Double(minutes) * 60),
             videos: [PostVideo(type: .iframe, url: "https://player.vimeo.com/video/\(id)")], kind: .video)
    }

    @Test("Posts are stored through moderation, the state is kept and the credentials come from the connection")
    func storesPostsAndState() async throws {
        let rig = try Rig()
        rig.adapter.next.withLock {
            $0 = .success(PlatformResult(posts: [Self.video("2", minutes: 2, start: rig.now), Self.video("1", minutes: 1, start: rig.now)],
                                         state: PlatformState(["page_cursor": "abc"])))
        }
        let outcome = await rig.ingest.run(rig.feed)
        #expect(outcome.health.isHealthy)
        let feed = try rig.current()
        #expect(PlatformState(encoded: feed.fetchState.cursor)["page_cursor"] == "abc")
        let next = try #require(feed.fetchState.nextFetchAt)
        #expect(next.timeIntervalSince(rig.now) >= 15 * 60 * 0.9)
        let posts = try rig.fixture.store.posts(PostQuery(siteId: rig.fixture.site.id, state: .published, count: 10)).posts
        #expect(posts.map(\.post.sourceId) == ["2", "1"])
        #expect(posts.first?.post.postType == .video)

        // The second fetch sees the stored ids, the kept state and the connection's token.
        _ = await rig.ingest.run(feed)
        let input = try #require(rig.adapter.seen.withLock { $0.last })
        #expect(input.knownSourceIds == ["1", "2"])
        #expect(input.state["page_cursor"] == "abc")
        #expect(input.credentials["access_token"] == "token-1")
        #expect(input.credentials["connected_at"] != nil)
    }

    @Test("A refreshed token is stored in the connection, never in the feed")
    func storesRefreshedCredentials() async throws {
        let rig = try Rig()
        rig.adapter.next.withLock {
            $0 = .success(PlatformResult(posts: [], state: PlatformState(), refreshedCredentials: ["access_token": "token-2"]))
        }
        _ = await rig.ingest.run(rig.feed)
        let connection = try #require(try rig.fixture.store.connections(siteId: rig.fixture.site.id).first)
        #expect(connection.credentials["access_token"] == "token-2")
        #expect(try rig.current().attributes["access_token"] == nil)
    }

    @Test("Without a connection the feed is unhealthy and says how to add one")
    func missingConnection() async throws {
        let rig = try Rig(connect: false)
        let outcome = await rig.ingest.run(rig.feed)
        #expect(!outcome.health.isHealthy)
        #expect(outcome.health.errorMessage?.contains("POST /v2/:site/connections") == true)
        #expect(rig.adapter.seen.withLock { $0.isEmpty })
    }

    @Test("An expired token makes the feed unhealthy with the platform's reason; a later success heals it")
    func reconnect() async throws {
        let rig = try Rig()
        rig.adapter.next.withLock { $0 = .failure(.reconnect("Vimeo refused the access token; reconnect the Vimeo account")) }
        var outcome = await rig.ingest.run(rig.feed)
        #expect(!outcome.health.isHealthy)
        #expect(outcome.health.errorMessage == "Vimeo refused the access token; reconnect the Vimeo account")
        rig.adapter.next.withLock { $0 = .success(PlatformResult(posts: [], state: PlatformState())) }
        outcome = await rig.ingest.run(try rig.current())
        #expect(outcome.health.isHealthy)
        #expect(outcome.health.errorMessage == nil)
    }

    @Test("Feed health never shows a credential, whatever the adapter's message quoted")
    func redactsCredentials() async throws {
        let rig = try Rig()
        rig.adapter.next.withLock { $0 = .failure(.unavailable("could not connect to https://api.example/v1?token=token-1")) }
        var feed = rig.feed
        for _ in 1...4 { _ = await rig.ingest.run(feed); feed = try rig.current() }
        let message = try #require(feed.health.errorMessage)
        #expect(!message.contains("token-1"))
        #expect(message.contains("token=…"))
    }

    @Test("Server-level credentials from configuration stand in for a connection")
    func serverCredentials() async throws {
        let fixture = try StoreFixture(moderation: .autoPublish)
        let now = fixture.start
        let adapter = ScriptedAdapter()
        let client = GuardedHTTPClient(policy: NetworkPolicy(), now: { now })
        let ingest = IngestFeed(store: fixture.store, transport: client, now: { now }, random: { 0.5 },
                                platforms: PlatformRuntime(adapters: [adapter], serverCredentials: ["vimeo": ["access_token": "from-config"]]))
        let feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: fixture.feed.sectionId, name: "v", service: .vimeo,
                                                        attributes: ["user": .string("x")], moderationType: .autoPublish), now: now)
        let outcome = await ingest.run(feed)
        #expect(outcome.health.isHealthy)
        #expect(adapter.seen.withLock { $0.last?.credentials["access_token"] } == "from-config")
        await client.shutdown()
    }

    @Test("Rate limited: the feed stays healthy and waits until the reset the platform gave")
    func rateLimited() async throws {
        let rig = try Rig()
        let reset = rig.now.addingTimeInterval(3_600)
        rig.adapter.next.withLock { $0 = .failure(.rateLimited(until: reset, "Vimeo rate limit reached")) }
        let outcome = await rig.ingest.run(rig.feed)
        #expect(outcome.health.isHealthy)
        let next = try #require(outcome.nextFetchAt)
        #expect(next >= reset && next <= reset.addingTimeInterval(360))
    }

    @Test("Not found makes the feed unhealthy at once, naming what was missing")
    func notFound() async throws {
        let rig = try Rig()
        rig.adapter.next.withLock { $0 = .failure(.notFound("the Vimeo user kettleandcrow was not found")) }
        let outcome = await rig.ingest.run(rig.feed)
        #expect(!outcome.health.isHealthy)
        #expect(outcome.health.errorMessage == "the Vimeo user kettleandcrow was not found")
    }

    @Test("Intermittent unavailability turns the feed unhealthy only after several failures in a row")
    func unavailable() async throws {
        let rig = try Rig()
        rig.adapter.next.withLock { $0 = .failure(.unavailable("the feed answered 404 Not Found")) }
        var feed = rig.feed
        for attempt in 1...4 {
            let outcome = await rig.ingest.run(feed)
            #expect(outcome.health.isHealthy == (attempt < 4), "attempt \(attempt)")
            feed = try rig.current()
        }
        #expect(feed.health.errorMessage?.contains("4 failed fetches in a row") == true)
    }
}

@Suite("Connection credentials at rest")
struct ConnectionStorageTests {
    @Test("Credentials are sealed in the database file and read back with the key file beside it")
    func sealedAtRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roost-seal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("roost.sqlite").path
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let siteUUID: String
        do {
            let store = try SQLiteStore(path: path)
            let site = try store.createSite(name: "s", now: now).site
            siteUUID = site.uuid
            _ = try store.createConnection(NewConnection(siteId: site.id, service: .vimeo, name: nil,
                                                         credentials: ["access_token": "very-secret-token-123"]), now: now)
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        #expect(bytes.range(of: Data("very-secret-token-123".utf8)) == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: path + ".key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let reopened = try SQLiteStore(path: path)
        let site = try #require(try reopened.site(uuid: siteUUID))
        #expect(try reopened.connections(siteId: site.id).first?.credentials["access_token"] == "very-secret-token-123")
    }

    @Test("A wrong ROOST_SECRET_KEY is refused with a message naming it")
    func badKey() throws {
        #expect(throws: (any Error).self) { try SQLiteStore(path: "/tmp/never-\(UUID().uuidString).sqlite", secretKey: "abc") }
    }
}
