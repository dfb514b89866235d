import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Embed views and clicks: beacons and daily stats")
struct EmbedStatsTests {
    private static func beacon(_ client: any TestClientProtocol, _ site: String, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: "/stats/\(site)", method: .post, headers: [.contentType: "text/plain;charset=UTF-8"],
                                 body: ByteBuffer(string: body))
    }

    @Test("A view counts once per visitor and window, a click counts for the embed and the post; the admin API answers per day and post")
    func counts() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish([Post(channel: "rss", sourceId: "a", sourceUrl: "https://example.com/a", title: "A",
                                      publishedAt: Date(timeIntervalSince1970: 1_700_000_000))])
        let postId = try #require(try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: .published, count: 1)).posts.first?.flocklerId)
        try await fixture.withClient { client in
            let created = try await client.send(.post, "/v2/\(fixture.site.uuid)/embeds", key: fixture.adminKey, json: "{}")
            let embed = try EmbedsEndpointTests.embed(created)
            let uuid = try #require(embed["uuid"] as? String)
            let site = fixture.site.uuid
            let view = try await Self.beacon(client, site, #"{"embed": "\#(uuid)", "event": "view"}"#)
            #expect(view.status == .accepted)
            #expect(try json(view)["counted"] as? Bool == true)
            #expect(try json(try await Self.beacon(client, site, #"{"embed": "\#(uuid)", "event": "view"}"#))["counted"] as? Bool == false)
            let click = try await Self.beacon(client, site, #"{"embed": "\#(uuid)", "event": "click", "flocklerId": \#(postId)}"#)
            #expect(try json(click)["counted"] as? Bool == true)
            let unknown = try await Self.beacon(client, site, #"{"embed": "\#(uuid)", "event": "click", "flocklerId": 999999}"#)
            #expect(try json(unknown)["counted"] as? Bool == false)

            let stats = try await client.get("/v2/\(site)/embeds/\(uuid)/stats", key: fixture.adminKey)
            #expect(stats.status == .ok)
            let body = try #require((try json(stats)["result"] as? [String: Any])?["data"] as? [String: Any])
            let counts = try #require(body["stats"] as? [String: Any])
            let today = String(ISO8601DateFormatter().string(from: fixture.now).prefix(10))
            #expect(counts["views"] as? Int == 1)
            #expect(counts["clicks"] as? Int == 1)
            #expect(counts["to"] as? String == today)
            #expect((counts["days"] as? [[String: Any]])?.first?["date"] as? String == today)
            let posts = try #require(counts["posts"] as? [[String: Any]])
            #expect(posts.count == 1)
            #expect(posts.first?["flocklerId"] as? Int == Int(postId))
            #expect(posts.first?["clicks"] as? Int == 1)
            #expect(try await client.get("/v2/\(site)/embeds/\(uuid)/stats?from=2026-13-01", key: fixture.adminKey).status == .badRequest)
            #expect(try await client.get("/v2/\(site)/embeds/\(uuid)/stats", key: fixture.readKey).status == .forbidden)
        }
    }

    @Test("Beacons name a real embed of the path's site and a known event; past 60 a minute a visitor gets 429 with Retry-After")
    func limits() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let created = try await client.send(.post, "/v2/\(fixture.site.uuid)/embeds", key: fixture.adminKey, json: "{}")
            let uuid = try #require(try EmbedsEndpointTests.embed(created)["uuid"] as? String)
            #expect(try await Self.beacon(client, fixture.otherSite.uuid, #"{"embed": "\#(uuid)", "event": "view"}"#).status == .notFound)
            let badEvent = try await Self.beacon(client, fixture.site.uuid, #"{"embed": "\#(uuid)", "event": "hover"}"#)
            #expect(badEvent.status == .unprocessableContent)
            #expect((try json(badEvent)["error"] as? [String: Any]).flatMap { ($0["details"] as? [[String: Any]])?.first?["field"] as? String } == "event")
            #expect(try await Self.beacon(client, fixture.site.uuid, "not json").status == .badRequest)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<62 { statuses.append(try await Self.beacon(client, fixture.site.uuid, #"{"embed": "\#(uuid)", "event": "view"}"#).status) }
            let limited = try await Self.beacon(client, fixture.site.uuid, #"{"embed": "\#(uuid)", "event": "view"}"#)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(statuses.filter { $0 == .accepted }.count <= 60)
            #expect(try fixture.store.embedStats(embedId: 1, from: "2000-01-01", to: "2100-01-01").days.first?.views == 1)
        }
    }
}
