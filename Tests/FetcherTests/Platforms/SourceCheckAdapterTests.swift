import Foundation
import Testing
@testable import FeedFetchers

/// The adapters' source re-checks and connection checks (issue 12), against the replays.
@Suite struct SourceCheckAdapterTests {
    @Test("X: only the id answered Not Found Error is deleted; a revoked token throws reconnect, a 503 unavailable")
    func twitter() async throws {
        let harness = try AdapterHarness(TwitterAdapter())
        let ids = ["2099539197949436956", "2099062003597660564", "2098476667503044817"]
        let feed = PlatformFeed(attributes: [:], credentials: ["bearer_token": "AAAA"], now: AdapterHarness.recordedAt)
        try await harness.run { client in
            let deleted = try await TwitterAdapter().deletedSourceIds(ids, feed: feed, client: client)
            #expect(deleted == ["2099062003597660564"])
            // An id X reports missing that was not asked about is not taken.
            let notAsked = try await TwitterAdapter().deletedSourceIds([ids[0]], feed: feed, client: client)
            #expect(notAsked.isEmpty)
            harness.replay.prefer("posts lookup with a revoked bearer token")
            await #expect(throws: PlatformError.self) { try await TwitterAdapter().deletedSourceIds(ids, feed: feed, client: client) }
            harness.replay.prefer("posts lookup: X over capacity")
            let outcome = await Self.failure { () async throws(PlatformError) in _ = try await TwitterAdapter().deletedSourceIds(ids, feed: feed, client: client) }
            #expect(outcome.map { if case .unavailable = $0 { true } else { false } } == true)
        }
    }

    @Test("Meta: 100/33 is deleted, a missing permission is skipped, a transient code 2 throws")
    func facebook() async throws {
        let harness = try AdapterHarness(FacebookAdapter())
        let feed = PlatformFeed(attributes: [:], credentials: ["access_token": "EAAPAGE"], now: AdapterHarness.recordedAt)
        let ids = ["104512398765432_122866837248508519", "104512398765432_122934984040071691"]
        try await harness.run { client in
            let deleted = try await FacebookAdapter().deletedSourceIds(ids, feed: feed, client: client)
            #expect(deleted == [ids[1]])
            harness.replay.prefer("source re-check: a temporary Graph error (code 2)")
            await #expect(throws: PlatformError.self) { try await FacebookAdapter().deletedSourceIds(ids, feed: feed, client: client) }
        }
    }

    @Test("Bluesky: the URIs getPosts leaves out are deleted")
    func bluesky() async throws {
        let harness = try AdapterHarness(BlueskyAdapter())
        let uris = [
            "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvikiq4li22b",
            "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvfak2cac22b",
        ]
        let feed = PlatformFeed(attributes: [:], now: AdapterHarness.recordedAt)
        try await harness.run { client in
            let deleted = try await BlueskyAdapter().deletedSourceIds(uris, feed: feed, client: client)
            #expect(deleted == [uris[1]])
        }
    }

    /// The error `body` ends with; nil when it succeeds.
    static func failure(_ body: () async throws(PlatformError) -> Void) async -> PlatformError? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }

    @Test("A reserve leaves part of the window to fetches, by the local count and by what the platform says is left")
    func budgetReserve() async {
        let budgets = RateBudgets()
        let policy = RatePolicy(requests: 10, per: 60)
        let now = AdapterHarness.recordedAt
        for _ in 0..<5 { #expect(await budgets.admit("k", policy: policy, now: now, reserve: 0.5) == nil) }
        #expect(await budgets.admit("k", policy: policy, now: now, reserve: 0.5) == now.addingTimeInterval(60))
        #expect(await budgets.admit("k", policy: policy, now: now) == nil)
        await budgets.observe("p", remaining: 4, resetAt: now.addingTimeInterval(30), now: now)
        #expect(await budgets.admit("p", policy: policy, now: now, reserve: 0.5) == now.addingTimeInterval(30))
        #expect(await budgets.admit("p", policy: policy, now: now) == nil)
    }
}
