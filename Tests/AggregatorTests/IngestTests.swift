import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import Moderation
import Testing

@Suite("Ingestion against a loopback server", .timeLimit(.minutes(2)))
struct IngestTests {
    /// A store, a feed pointing at `path` on the server, and a scheduler with a test clock.
    struct Rig {
        let fixture: StoreFixture
        let clock: TestClock
        let client: GuardedHTTPClient
        let scheduler: FeedScheduler
        let feed: Feed

        init(base: String, path: String, moderation: ModerationType = .savedToInbox, perHost: Int = 2) throws {
            fixture = try StoreFixture(moderation: moderation)
            clock = TestClock(fixture.start)
            let clock = self.clock
            client = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), now: { clock.now })
            let ingest = IngestFeed(store: fixture.store, transport: client, now: { clock.now }, random: { 0.5 })
            scheduler = FeedScheduler(store: fixture.store, ingest: ingest, workers: 8, perHost: perHost)
            feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: fixture.feed.sectionId, name: "t",
                                                        service: .rss, attributes: ["url": .string(base + path)],
                                                        moderationType: moderation), now: fixture.start)
            // Only the rig's feed is due: the fixture's own feed points nowhere reachable.
            _ = try fixture.store.updateFeed(id: fixture.feed.id, FeedChanges(enabled: false), now: fixture.start)
        }

        func tick() async -> TickSummary { await scheduler.tick(now: clock.now) }
        func current() throws -> Feed? { try fixture.store.feed(siteId: fixture.site.id, idOrUUID: String(feed.id)) }
        func makeDue() throws {
            guard let next = try current()?.fetchState.nextFetchAt else { return }
            clock.advance(next.timeIntervalSince(clock.now) + 1)
        }
        func posts(_ state: ModerationState) throws -> [StoredPost] {
            try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: state, count: 100)).posts
        }
    }

    @Test("A new feed is fetched at once; posts wait in the inbox; the feed is healthy and scheduled ahead")
    func firstFetch() async throws {
        let server = FeedServer()
        server.set("/feed", .init(body: rssDocument([("a", "A"), ("b", "B")])))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed")
            let summary = await rig.tick()
            #expect(summary.fetched == 1 && summary.inserted == 2)
            #expect(try rig.posts(.inbox).count == 2)
            let feed = try #require(try rig.current())
            #expect(feed.health.isHealthy)
            #expect((feed.fetchState.nextFetchAt ?? .distantPast) > rig.clock.now)
            #expect(await rig.tick().feeds == 0)
            await rig.client.shutdown()
        }
    }

    @Test("auto_publish feeds publish at once")
    func autoPublish() async throws {
        let server = FeedServer()
        server.set("/feed", .init(body: rssDocument([("a", "A")])))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed", moderation: .autoPublish)
            _ = await rig.tick()
            #expect(try rig.posts(.published).count == 1)
            await rig.client.shutdown()
        }
    }

    @Test("ai_moderation feeds run the site's rules: posts are decided with the reasons stored")
    func rulesAtIngest() async throws {
        let server = FeedServer()
        server.set("/feed", .init(body: rssDocument([("a", "Launch day"), ("b", "Huge spoiler inside"), ("c", "Weekly notes")])))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed", moderation: .aiModeration)
            let rules = RuleSet(rules: [Rule(id: "no-spoilers", action: .hide, kind: .keywords(["spoiler"])),
                                        Rule(id: "launches", action: .inbox, kind: .keywords(["launch day"]))])
            try rig.fixture.store.saveRuleSet(siteId: rig.fixture.site.id, rules, keyId: nil, now: rig.clock.now)
            _ = await rig.tick()
            let hidden = try #require(try rig.posts(.hidden).first)
            #expect(hidden.post.sourceId == "b")
            #expect(hidden.moderation.decidedBy == .rules)
            #expect(hidden.moderation.reasons == [Reason(rule: "no-spoilers", type: "keywords", detail: "matched 'spoiler' in title")])
            #expect(try rig.posts(.inbox).compactMap(\.post.sourceId) == ["a"])
            #expect(try rig.posts(.published).compactMap(\.post.sourceId) == ["c"])
            let history = try rig.fixture.store.history(siteId: rig.fixture.site.id, flocklerId: hidden.flocklerId)
            #expect(history.map(\.action) == ["decide"])
            await rig.client.shutdown()
        }
    }

    @Test("A conditional GET answered 304 stores nothing new and keeps the feed healthy")
    func notModified() async throws {
        let server = FeedServer()
        server.set("/feed", .init(body: rssDocument([("a", "A")]), etag: "\"v1\""))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed")
            _ = await rig.tick()
            try rig.makeDue()
            let summary = await rig.tick()
            #expect(summary.notModified == 1 && summary.inserted == 0)
            #expect(try rig.current()?.fetchState.etag == "\"v1\"")
            await rig.client.shutdown()
        }
    }

    @Test("A re-fetch updates an edited post, never duplicates, and keeps posts that left the feed")
    func updates() async throws {
        let server = FeedServer()
        server.set("/feed", .init(body: rssDocument([("a", "A"), ("b", "B")])))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed")
            _ = await rig.tick()
            let before = try rig.posts(.inbox)
            server.set("/feed", .init(body: rssDocument([("a", "A edited")])))
            try rig.makeDue()
            let summary = await rig.tick()
            #expect(summary.updated == 1 && summary.inserted == 0)
            let after = try rig.posts(.inbox)
            #expect(after.count == 2)
            let edited = try #require(after.first { $0.post.sourceId == "a" })
            #expect(edited.post.title == "A edited")
            #expect(edited.flocklerId == before.first { $0.post.sourceId == "a" }?.flocklerId)
            await rig.client.shutdown()
        }
    }

    @Test("Failures make the feed unhealthy with a message naming the problem; it recovers by itself")
    func healthAndRecovery() async throws {
        let server = FeedServer()
        server.set("/feed", .init(status: .notFound))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed")
            _ = await rig.tick()
            let failing = try #require(try rig.current())
            #expect(!failing.health.isHealthy)
            #expect(failing.health.errorMessage?.contains("404") == true)
            #expect(failing.health.errorMessage?.contains(base) == true)
            let firstWait = (failing.fetchState.nextFetchAt ?? rig.clock.now).timeIntervalSince(rig.clock.now)
            try rig.makeDue()
            _ = await rig.tick()
            let secondWait = ((try rig.current())?.fetchState.nextFetchAt ?? rig.clock.now).timeIntervalSince(rig.clock.now)
            #expect(secondWait > firstWait)
            server.set("/feed", .init(body: rssDocument([("a", "A")])))
            try rig.makeDue()
            _ = await rig.tick()
            let recovered = try #require(try rig.current())
            #expect(recovered.health.isHealthy && recovered.health.errorMessage == nil)
            await rig.client.shutdown()
        }
    }

    @Test("A document that is not a feed says so in the feed's health")
    func notAFeed() async throws {
        let server = FeedServer()
        server.set("/page", .init(body: "<html><body>hello</body></html>", headers: [.contentType: "text/html"]))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/page")
            _ = await rig.tick()
            #expect(try rig.current()?.health.errorMessage?.contains("not a feed") == true)
            await rig.client.shutdown()
        }
    }

    @Test("410 Gone stops the feed with a clear message")
    func gone() async throws {
        let server = FeedServer()
        server.set("/feed", .init(status: .gone))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed")
            _ = await rig.tick()
            let feed = try #require(try rig.current())
            #expect(!feed.enabled && !feed.health.isHealthy)
            #expect(feed.health.errorMessage?.contains("410") == true)
            await rig.client.shutdown()
        }
    }

    @Test("A permanent redirect seen three fetches in a row moves the stored URL")
    func permanentRedirect() async throws {
        let server = FeedServer()
        server.set("/new", .init(body: rssDocument([("a", "A")])))
        try await server.run { base in
            server.set("/old", .init(status: .movedPermanently, headers: [.location: base + "/new"]))
            let rig = try Rig(base: base, path: "/old")
            for _ in 0..<3 {
                _ = await rig.tick()
                try rig.makeDue()
            }
            #expect(try rig.current()?.attributes["url"] == .string(base + "/new"))
            #expect(try rig.posts(.inbox).count == 1)
            await rig.client.shutdown()
        }
    }

    @Test("Retry-After on 429 is honoured and the feed stays healthy")
    func retryAfter() async throws {
        let server = FeedServer()
        server.set("/feed", .init(status: .tooManyRequests, headers: [.retryAfter: "7200"]))
        try await server.run { base in
            let rig = try Rig(base: base, path: "/feed")
            _ = await rig.tick()
            let feed = try #require(try rig.current())
            #expect(feed.health.isHealthy)
            #expect((feed.fetchState.nextFetchAt ?? .distantPast).timeIntervalSince(rig.clock.now) >= 7200 * 0.9)
            await rig.client.shutdown()
        }
    }

    @Test("No more than the per-host limit of requests go to one server at once")
    func perHostLimit() async throws {
        let server = FeedServer()
        try await server.run { base in
            let rig = try Rig(base: base, path: "/f0", perHost: 2)
            for index in 0..<6 {
                server.set("/f\(index)", .init(body: rssDocument([("p\(index)", "P")]), delay: .milliseconds(150)))
                if index > 0 {
                    _ = try rig.fixture.store.createFeed(NewFeed(siteId: rig.fixture.site.id, sectionId: rig.feed.sectionId, name: nil,
                                                                 service: .rss, attributes: ["url": .string(base + "/f\(index)")],
                                                                 moderationType: .savedToInbox), now: rig.fixture.start)
                }
            }
            let summary = await rig.tick()
            #expect(summary.fetched == 6)
            #expect(server.peakConcurrency <= 2)
            await rig.client.shutdown()
        }
    }
}

@Suite("Fetch schedule")
struct FetchScheduleTests {
    let schedule = FetchSchedule()
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("Busy feeds are read within minutes, quiet ones within hours, unknown ones hourly")
    func rhythm() {
        let busy = (0..<10).map { now.addingTimeInterval(Double(-$0) * 600) }
        let quiet = (0..<10).map { now.addingTimeInterval(Double(-$0) * 86_400 * 3) }
        #expect(schedule.interval(publishedAt: busy, now: now, ttlMinutes: nil, maxAge: nil, retryAfter: nil) == 300)
        #expect(schedule.interval(publishedAt: quiet, now: now, ttlMinutes: nil, maxAge: nil, retryAfter: nil) == 6 * 3600)
        #expect(schedule.interval(publishedAt: [], now: now, ttlMinutes: nil, maxAge: nil, retryAfter: nil) == 3600)
    }

    @Test("ttl, max-age and Retry-After stretch the interval")
    func hints() {
        #expect(schedule.interval(publishedAt: [], now: now, ttlMinutes: 120, maxAge: nil, retryAfter: nil) == 7200)
        #expect(schedule.interval(publishedAt: [], now: now, ttlMinutes: nil, maxAge: 10_800, retryAfter: nil) == 10_800)
        #expect(schedule.interval(publishedAt: [], now: now, ttlMinutes: nil, maxAge: nil, retryAfter: 14_400) == 14_400)
    }

    @Test("Back-off doubles and is capped, never infinite", arguments: [(1, 300.0), (2, 600.0), (3, 1200.0), (20, 43_200.0), (1000, 43_200.0)])
    func backoff(failures: Int, expected: Double) {
        #expect(schedule.backoff(failures: failures, retryAfter: nil) == expected)
    }

    @Test("Jitter stays within ten per cent")
    func jitter() {
        #expect(schedule.jittered(1000, unit: 0) == 900)
        #expect(schedule.jittered(1000, unit: 0.5) == 1000)
        #expect(abs(schedule.jittered(1000, unit: 0.999_999) - 1100) < 0.01)
    }
}
