import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Moderation
import Testing

@Suite("Changes and webhooks endpoints")
struct EventsEndpointTests {
    private func data(_ response: TestResponse) throws -> [String: Any] {
        try #require((try json(response)["result"] as? [String: Any])?["data"] as? [String: Any])
    }

    @Test("GET changes walks with since and next, for a read key; bad cursors are 400, pruned ones 410")
    func changes() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish([Post(channel: "rss", sourceId: "a", sourceUrl: "https://e.com/a", title: "A", publishedAt: fixture.now),
                                 Post(channel: "rss", sourceId: "b", sourceUrl: "https://e.com/b", title: "B", publishedAt: fixture.now)])
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/changes"
            let first = try json(try await client.get(base + "?count=1", key: fixture.readKey))
            let changes = try #require(first["changes"] as? [[String: Any]])
            #expect(changes.count == 1 && changes.first?["type"] as? String == "post.published")
            #expect((changes.first?["post"] as? [String: Any])?["sourceId"] as? String == "a")
            let next = try #require(first["next"] as? String)
            let second = try json(try await client.get(base + "?since=\(next)", key: fixture.readKey))
            #expect((second["changes"] as? [[String: Any]])?.count == 1)
            let end = try #require(second["next"] as? String)
            let empty = try json(try await client.get(base + "?since=\(end)", key: fixture.readKey))
            #expect((empty["changes"] as? [Any])?.isEmpty == true && empty["next"] as? String == end)

            #expect(try await client.get(base + "?since=yesterday", key: fixture.readKey).status == .badRequest)
            #expect(try await client.get(base + "?since=999999999", key: fixture.readKey).status == .badRequest)
            #expect(try await client.get(base + "?count=0", key: fixture.readKey).status == .badRequest)
            #expect(try await client.get(base, key: fixture.otherAdminKey).status == .forbidden)
            _ = try fixture.store.pruneChanges(before: Date().addingTimeInterval(3600))
            let gone = try await client.get(base + "?since=0", key: fixture.readKey)
            #expect(gone.status == .gone)
            #expect((try json(gone)["error"] as? [String: Any])?["type"] as? String == "gone")
        }
    }

    @Test("Webhooks: create shows the secret once; list, read, change, deliveries and delete follow the envelope")
    func lifecycle() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/webhooks"
            let created = try await client.send(.post, base, key: fixture.adminKey,
                                                json: #"{"url": "https://hooks.example.com/roost", "events": ["post.published", "post.unpublished"], "description": "CMS"}"#)
            #expect(created.status == .created)
            let webhook = try #require(try data(created)["webhook"] as? [String: Any])
            #expect((webhook["secret"] as? String)?.hasPrefix("whsec_") == true)
            let id = try #require(webhook["id"] as? Int)
            let listed = try await client.get(base, key: fixture.adminKey)
            #expect(!String(buffer: listed.body).contains("whsec_"))
            #expect((try data(listed)["webhooks"] as? [Any])?.count == 1)
            let one = try await client.get("\(base)/\(id)", key: fixture.adminKey)
            #expect((try data(one)["webhook"] as? [String: Any])?["secret"] == nil)
            let patched = try await client.send(.patch, "\(base)/\(id)", key: fixture.adminKey, json: #"{"active": false, "events": ["feed.health_changed"]}"#)
            #expect(patched.status == .ok)
            let changed = try #require(try data(patched)["webhook"] as? [String: Any])
            #expect(changed["active"] as? Bool == false && changed["events"] as? [String] == ["feed.health_changed"])
            let deliveries = try await client.get("\(base)/\(id)/deliveries", key: fixture.adminKey)
            #expect(deliveries.status == .ok)
            #expect((try data(deliveries)["deliveries"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.delete, "\(base)/\(id)", key: fixture.adminKey).status == .ok)
            #expect(try await client.get("\(base)/\(id)", key: fixture.adminKey).status == .notFound)
            #expect(try await client.get(base, key: fixture.readKey).status == .forbidden)
        }
    }

    @Test("Bad webhooks are 422 naming the field; private addresses are refused by the network policy", arguments: [
        (#"{"events": ["post.published"]}"#, "url"),
        (#"{"url": "ftp://example.com/x", "events": ["post.published"]}"#, "url"),
        (#"{"url": "http://127.0.0.1:9000/hook", "events": ["post.published"]}"#, "url"),
        (#"{"url": "http://169.254.169.254/latest", "events": ["post.published"]}"#, "url"),
        (#"{"url": "https://example.com/x", "events": []}"#, "events"),
        (#"{"url": "https://example.com/x", "events": ["post.exploded"]}"#, "events[0]"),
        (#"{"url": "https://example.com/x", "events": ["post.published"], "secret": "mine"}"#, "secret"),
    ])
    func invalid(body: String, field: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/webhooks", key: fixture.adminKey, json: body)
            #expect(response.status == .unprocessableContent)
            let fields = ((try json(response)["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains(field))
        }
        #expect(try fixture.store.webhooks(siteId: fixture.site.id).isEmpty)
    }
}
