import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import Moderation
import Synchronization
import Testing

@Suite("The running scheduler", .timeLimit(.minutes(2)))
struct SchedulerTests {
    @Test("A 429 leaves the feed healthy, saying it is rate limited and when it is tried again")
    func rateLimitedSaysSo() async throws {
        let server = FeedServer()
        server.set("/feed", .init(status: .tooManyRequests, headers: [.retryAfter: "7200"]))
        try await server.run { base in
            let rig = try IngestTests.Rig(base: base, path: "/feed")
            _ = await rig.tick()
            let feed = try #require(try rig.current())
            #expect(feed.health.isHealthy)
            let message = try #require(feed.health.errorMessage)
            #expect(message.contains("429") && message.contains("rate limited"))
            let next = try #require(feed.fetchState.nextFetchAt)
            #expect(message.contains(FeedDate.isoString(next)))
            await rig.client.shutdown()
        }
    }

    @Test("After a fetch now answered 304, the feed keeps at least the minimum interval")
    func notModifiedAfterFetchNow() async throws {
        let server = FeedServer()
        server.set("/feed", .init(body: rssDocument([("a", "A")]), etag: "\"v1\""))
        try await server.run { base in
            let rig = try IngestTests.Rig(base: base, path: "/feed")
            _ = await rig.tick()
            // An operator's "fetch now" three seconds later: due at once.
            rig.clock.advance(3)
            _ = try rig.fixture.store.requestFetch(feedId: rig.feed.id, siteId: nil, now: rig.clock.now)
            rig.clock.advance(0.5)
            let summary = await rig.tick()
            #expect(summary.notModified == 1)
            let feed = try #require(try rig.current())
            let gap = try #require(feed.fetchState.nextFetchAt).timeIntervalSince(rig.clock.now)
            #expect(gap >= FetchSchedule().minimum * 0.9, "the next fetch is only \(gap) s away")
            await rig.client.shutdown()
        }
    }

    @Test("A slow origin never holds a feed on another host: it is fetched while the slow one still runs")
    func slowOriginDoesNotHoldOthers() async throws {
        let slow = FeedServer()
        let fast = FeedServer()
        slow.set("/slow", .init(body: rssDocument([("s", "Slow")]), delay: .seconds(6)))
        fast.set("/fast", .init(body: rssDocument([("f", "Fast")])))
        try await slow.run { slowBase in
            try await fast.run { fastBase in
                let rig = try IngestTests.Rig(base: slowBase, path: "/slow", moderation: .autoPublish)
                let stop = Atomic<Bool>(false)
                let scheduler = rig.scheduler
                let clock = rig.clock
                let running = Task { await scheduler.run(now: { clock.now }, pollInterval: .milliseconds(100), shouldStop: { stop.load(ordering: .relaxed) }) }
                // Wait until the slow fetch is under way, then add a feed on another host.
                while slow.hitCount("/slow") == 0 { try await Task.sleep(for: .milliseconds(20)) }
                let other = try rig.fixture.store.createFeed(NewFeed(siteId: rig.fixture.site.id, sectionId: rig.feed.sectionId, name: "fast",
                                                                     service: .rss, attributes: ["url": .string(fastBase + "/fast")],
                                                                     moderationType: .autoPublish), now: clock.now)
                var fetchedWhileSlowRan = false
                for _ in 0..<100 {
                    let feed = try rig.fixture.store.feed(siteId: rig.fixture.site.id, idOrUUID: String(other.id))
                    let slowFeed = try rig.current()
                    if feed?.fetchState.lastFetchedAt != nil {
                        fetchedWhileSlowRan = slowFeed?.fetchState.lastFetchedAt == nil
                        break
                    }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(fetchedWhileSlowRan, "the new feed waited for the slow origin")
                stop.store(true, ordering: .relaxed)
                await running.value
                // The slow fetch was finished and saved before run returned.
                #expect(try rig.current()?.fetchState.lastFetchedAt != nil)
                await rig.client.shutdown()
            }
        }
    }
}
