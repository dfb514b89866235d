import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import PlatformReplay
import Testing

private let xIds = ["2099539197949436956", "2099062003597660564", "2098476667503044817"]
private let xFeed: [String: FeedAttribute] = ["author": .string("kettleandcrow"), "hashtag_or_keyword": .string("#LatteArt")]
private let blueskyUris = [
    "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvikiq4li22b",
    "at://did:plc:k7vq3m2xw5lrt4ez6hyc2npa/app.bsky.feed.post/3mvfak2cac22b",
    "at://did:plc:w6yjq3fh5n2ctdx7kzm4ulab/app.bsky.feed.post/3mvched4ek22b",
]

/// Deleted at the source (issue 12): recent posts of platform feeds are re-checked and those
/// the platform says are gone are unpublished, through the shared rate budgets.
@Suite("Source re-checks")
struct SourceCheckTests {
    @Test("X: the post answered Not Found Error is hidden, decided by the source, with a history entry; the rest stay")
    func twitterDeleted() async throws {
        let run = try PlatformServicesRun("twitter_v2")
        _ = try run.connect(["bearer_token": "AAAA-test"])
        let feed = try run.feed(xFeed, sourceIds: xIds)
        try await run.run { services in
            let summary = await services.sourceChecks.round()
            #expect(summary.feeds == 1 && summary.checkedPosts == 3 && summary.unpublished == 1)
            let published1 = try run.published()
            #expect(published1 == [xIds[0], xIds[2]])
            #expect(run.replay.requests.map(\.answeredBy) == ["source re-check: posts lookup, one of the ids deleted"])
            #expect(run.replay.requests.first?.query["ids"] == xIds.joined(separator: ","))
            let hidden = try #require(try run.fixture.store.posts(PostQuery(siteId: run.fixture.site.id, state: .hidden, count: 10)).posts.first)
            #expect(hidden.post.sourceId == xIds[1])
            #expect(hidden.moderation.decidedBy == .source)
            let history = try run.fixture.store.history(siteId: run.fixture.site.id, flocklerId: hidden.flocklerId)
            #expect(history.last?.detail == "deleted at source")
            #expect(history.last?.actor == "source" && history.last?.toState == "hidden")
            // The posts endpoint no longer shows it.
            let shown = try await services.client.publishedPosts(run.fixture).compactMap { $0["sourceId"] as? String }
            #expect(shown == [xIds[0], xIds[2]])

            // Re-checked: not again before six hours have passed.
            #expect(await services.sourceChecks.round().feeds == 0)
            run.clock.advance(6 * 3600 + 1)
            #expect(await services.sourceChecks.round().feeds == 1)
            #expect(feed.id > 0)
        }
    }

    @Test("X: a 503 or a revoked token unpublishes nothing; after a 503 the next round re-checks, after a refused token the next rhythm")
    func twitterTransient() async throws {
        let run = try PlatformServicesRun("twitter_v2")
        _ = try run.connect(["bearer_token": "AAAA-test"])
        _ = try run.feed(xFeed, sourceIds: xIds)
        try await run.run { services in
            run.replay.prefer("posts lookup: X over capacity")
            let failed = await services.sourceChecks.round()
            #expect(failed.unpublished == 0 && failed.interrupted == 1)
            run.replay.prefer("posts lookup with a revoked bearer token")
            #expect(await services.sourceChecks.round().unpublished == 0)
            let published2 = try run.published()
            #expect(published2 == Set(xIds))
            // A refused token waits for the next rhythm, not the next round.
            run.replay.clearPreferences()
            #expect(await services.sourceChecks.round().feeds == 0)
            run.clock.advance(6 * 3600 + 1)
            #expect(await services.sourceChecks.round().unpublished == 1)
        }
    }

    @Test("Re-checks leave half of the credential's window to fetches: with less left, nothing is sent")
    func budgetsRespected() async throws {
        let run = try PlatformServicesRun("twitter_v2")
        let connection = try run.connect(["bearer_token": "AAAA-test"])
        let feed = try run.feed(xFeed, sourceIds: xIds)
        let key = "\(feed.siteId):twitter_v2:\(connection.id)"
        let policy = TwitterAdapter().ratePolicy
        // X said 200 of its 450 are left: below the half kept for fetches.
        await run.budgets.observe(key, remaining: 200, resetAt: run.clock.now.addingTimeInterval(600), now: run.clock.now)
        try await run.run { services in
            let summary = await services.sourceChecks.round()
            #expect(summary.interrupted == 1 && summary.unpublished == 0)
            #expect(run.replay.requests.isEmpty)
            // A fetch still gets its request.
            #expect(await run.budgets.admit(key, policy: policy, now: run.clock.now) == nil)
            // After the platform's reset the re-check goes ahead.
            run.clock.advance(601)
            #expect(await services.sourceChecks.round().unpublished == 1)
        }
    }

    @Test("Facebook: error 100/33 unpublishes the post; a transient code 2 unpublishes nothing")
    func facebook() async throws {
        let run = try PlatformServicesRun("facebook")
        _ = try run.connect(["access_token": "EAAPAGE"])
        let ids = ["104512398765432_122866837248508519", "104512398765432_122934984040071691"]
        _ = try run.feed(["page_id": .string("104512398765432")], sourceIds: ids)
        try await run.run { services in
            run.replay.prefer("source re-check: a temporary Graph error (code 2)")
            #expect(await services.sourceChecks.round().unpublished == 0)
            let published3 = try run.published()
            #expect(published3 == Set(ids))
            run.replay.clearPreferences()
            #expect(await services.sourceChecks.round().unpublished == 1)
            let published4 = try run.published()
            #expect(published4 == [ids[0]])
            #expect(run.replay.requests.allSatisfy { $0.query["access_token"] == "EAAPAGE" && $0.query["fields"] == "id" })
        }
    }

    @Test("Instagram: deleted media (100/33) is unpublished, media that exists stays")
    func instagram() async throws {
        let run = try PlatformServicesRun("instagram_graph_api")
        _ = try run.connect(["access_token": "EAAUSER"])
        _ = try run.feed(["ig_user_id": .string("17841405822304914"), "source": .string("account")],
                         sourceIds: ["18490159247119460", "18143059642025326"])
        try await run.run { services in
            #expect(await services.sourceChecks.round().unpublished == 1)
            let published5 = try run.published()
            #expect(published5 == ["18490159247119460"])
        }
    }

    @Test("Bluesky: the post getPosts leaves out is unpublished; an upstream failure changes nothing")
    func bluesky() async throws {
        let run = try PlatformServicesRun("bluesky")
        _ = try run.feed(["handle": .string("kettleandcrow.bsky.social")], sourceIds: blueskyUris)
        try await run.run { services in
            run.replay.prefer("source re-check: AppView upstream failure")
            #expect(await services.sourceChecks.round().unpublished == 0)
            run.replay.clearPreferences()
            #expect(await services.sourceChecks.round().unpublished == 1)
            let published6 = try run.published()
            #expect(published6 == [blueskyUris[0], blueskyUris[2]])
            let sent = try #require(run.replay.requests.last)
            #expect(sent.rawQuery.components(separatedBy: "uris=").count == 4)
        }
    }
}
