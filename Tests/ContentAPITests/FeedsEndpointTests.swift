import Aggregator
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Feeds and sections endpoints")
struct FeedsEndpointTests {
    @Test("POST a feed as JSON: 201 with the result envelope; it lists, reads, changes and deletes")
    func lifecycle() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/feeds"
            let created = try await client.send(.post, base, key: fixture.adminKey, json: """
                {"feed": {"name": "Blog", "feed_type": "rss", "feed_attributes": {"url": "https://example.com/feed.xml"},
                          "moderation_type": "auto_publish"}, "section": {"name": "News"}}
                """)
            #expect(created.status == .created)
            let result = try #require(try json(created)["result"] as? [String: Any])
            #expect(result["success"] as? Bool == true)
            let data = try #require(result["data"] as? [String: Any])
            let feed = try #require(data["feed"] as? [String: Any])
            #expect(Set(feed.keys) == ["id", "uuid", "name", "service"])
            #expect(feed["name"] as? String == "Blog")
            #expect(feed["service"] as? String == "rss")
            #expect((data["section"] as? [String: Any])?["name"] as? String == "News")
            let uuid = try #require(feed["uuid"] as? String)
            let id = try #require(feed["id"] as? Int)

            let listed = try json(try await client.get(base + "?order=asc&services[]=rss", key: fixture.adminKey))
            let feeds = try #require(((listed["result"] as? [String: Any])?["data"] as? [String: Any])?["feeds"] as? [[String: Any]])
            #expect(feeds.count == 1)
            let listedFeed = try #require(feeds.first?["feed"] as? [String: Any])
            #expect(listedFeed["created_at"] as? String == "2025-05-08T04:43:21Z")
            #expect((listedFeed["status"] as? [String: Any])?["is_healthy"] as? Bool == true)
            #expect((listedFeed["status"] as? [String: Any])?["error_message"] as? String == "")
            #expect((listedFeed["configuration"] as? [String: Any])?["moderation"] as? String == "auto_publish")

            let one = try await client.get("\(base)/\(uuid)", key: fixture.adminKey)
            #expect(one.status == .ok)
            let detail = try #require((((try json(one))["result"] as? [String: Any])?["data"] as? [String: Any])?["feed"] as? [String: Any])
            #expect((detail["feed_attributes"] as? [String: Any])?["url"] as? String == "https://example.com/feed.xml")
            let patched = try await client.send(.patch, "\(base)/\(id)", key: fixture.adminKey, json: #"{"name": "Renamed", "enabled": false}"#)
            #expect(patched.status == .ok)
            let changed = ((try json(patched)["result"] as? [String: Any])?["data"] as? [String: Any])?["feed"] as? [String: Any]
            #expect(changed?["name"] as? String == "Renamed")
            #expect((changed?["configuration"] as? [String: Any])?["enabled"] as? Bool == false)
            let deleted = try await client.send(.delete, "\(base)/\(id)", key: fixture.adminKey)
            #expect(deleted.status == .ok)
            #expect(((try json(deleted)["result"] as? [String: Any])?["data"] as? [String: Any])?["feed"] != nil)
            let status3 = try await client.get("\(base)/\(id)", key: fixture.adminKey).status
            #expect(status3 == .notFound)
        }
    }

    @Test("POST a feed form-encoded, into an existing section by uuid")
    func form() async throws {
        let fixture = try APIFixture()
        let section = try fixture.store.section(siteId: fixture.site.id, named: "Wall", now: fixture.now)
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey,
                form: "feed[name]=Form+feed&feed[service]=rss&feed[feed_attributes][url]=https%3A%2F%2Fexample.com%2Frss&section[uuid]=\(section.uuid)")
            #expect(response.status == .created)
            let data = (try json(response)["result"] as? [String: Any])?["data"] as? [String: Any]
            #expect((data?["feed"] as? [String: Any])?["name"] as? String == "Form feed")
            #expect((data?["section"] as? [String: Any])?["uuid"] as? String == section.uuid)
        }
    }

    @Test("Bad feeds are 422 naming the field, and nothing is created", arguments: [
        (#"{"feed": {"service": "rss", "feed_attributes": {}}}"#, "feed.feed_attributes.url"),
        (#"{"feed": {"service": "rss", "feed_attributes": {"url": "ftp://example.com/x"}}}"#, "feed.feed_attributes.url"),
        (#"{"feed": {"service": "rss", "feed_attributes": {"url": "http://127.0.0.1/feed"}}}"#, "feed.feed_attributes.url"),
        (#"{"feed": {"service": "myspace", "feed_attributes": {}}}"#, "feed.feed_type"),
        (#"{"feed": {"feed_type": "myspace", "feed_attributes": {}}}"#, "feed.feed_type"),
        (#"{"feed": {"feed_type": "rss", "service": "pinterest", "feed_attributes": {"url": "https://e.com/f"}}}"#, "feed.service"),
        (#"{"feed": {"feed_type": 7, "feed_attributes": {"url": "https://e.com/f"}}}"#, "feed.feed_type"),
        (#"{"feed": {"service": "instagram_basic_display", "feed_attributes": {}}}"#, "feed.feed_type"),
        (#"{"feed": {"service": "rss", "moderation_type": "yolo", "feed_attributes": {"url": "https://e.com/f"}}}"#, "feed.moderation_type"),
        (#"{"feed": {"service": "rss", "colour": "red", "feed_attributes": {"url": "https://e.com/f"}}}"#, "feed.colour"),
        (#"{"feed": {"service": "rss", "feed_attributes": {"url": "https://e.com/f"}}, "section": {"id": 999}}"#, "section.id"),
    ])
    func invalid(body: String, field: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey, json: body)
            #expect(response.status == .unprocessableContent)
            let error = try #require(try json(response)["error"] as? [String: Any])
            #expect(error["type"] as? String == "validation_error")
            let fields = (error["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains(field))
        }
        #expect(try fixture.store.feeds(siteId: fixture.site.id, order: .asc, services: []).isEmpty)
    }

    @Test("A body that is not JSON is a 400, never a 500")
    func malformed() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey, json: "{nope")
            #expect(response.status == .badRequest)
        }
    }

    @Test("Read keys and other sites' keys cannot touch feeds or sections")
    func permissions() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let status4 = try await client.get("/v2/\(fixture.site.uuid)/feeds", key: fixture.readKey).status
            #expect(status4 == .forbidden)
            let status5 = try await client.get("/v2/\(fixture.site.uuid)/feeds", key: fixture.otherAdminKey).status
            #expect(status5 == .forbidden)
            let status6 = try await client.get("/v2/\(fixture.site.uuid)/sections", key: fixture.readKey).status
            #expect(status6 == .forbidden)
            let status7 = try await client.get("/v2/\(fixture.site.uuid)/feeds", key: nil).status
            #expect(status7 == .unauthorized)
        }
    }

    @Test("Another site's feed is not found through this site's path")
    func isolation() async throws {
        let fixture = try APIFixture()
        let section = try fixture.store.section(siteId: fixture.otherSite.id, named: "x", now: fixture.now)
        let foreign = try fixture.store.createFeed(NewFeed(siteId: fixture.otherSite.id, sectionId: section.id, name: nil, service: .rss,
                                                           attributes: ["url": .string("https://e.com/f")], moderationType: .autoPublish),
                                                   now: fixture.now)
        try await fixture.withClient { client in
            let status8 = try await client.get("/v2/\(fixture.site.uuid)/feeds/\(foreign.uuid)", key: fixture.adminKey).status
            #expect(status8 == .notFound)
            let status9 = try await client.send(.delete, "/v2/\(fixture.site.uuid)/feeds/\(foreign.id)", key: fixture.adminKey).status
            #expect(status9 == .notFound)
        }
    }

    @Test("Sections: create (201), duplicate (409), list")
    func sections() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/sections"
            let status10 = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Wall"}"#).status
            #expect(status10 == .created)
            let status11 = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Wall"}"#).status
            #expect(status11 == .conflict)
            let status12 = try await client.send(.post, path, key: fixture.adminKey, json: #"{"title": "x"}"#).status
            #expect(status12 == .unprocessableContent)
            let listed = try json(try await client.get(path, key: fixture.adminKey))
            let sections = ((listed["result"] as? [String: Any])?["data"] as? [String: Any])?["sections"] as? [[String: Any]]
            #expect(sections?.first?["name"] as? String == "Wall")
        }
    }
}

@Suite("Fetch a feed now")
struct FetchNowEndpointTests {
    @Test("POST .../fetch makes the feed due at once and answers 202; a disabled feed is a 422")
    func fetchNow() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let id = try await client.createFeed(fixture, #"{"feed": {"feed_attributes": {"url": "https://example.com/feed.xml"}}}"#)
            let later = fixture.now.addingTimeInterval(3_600)
            var state = try #require(try fixture.store.feed(siteId: fixture.site.id, idOrUUID: String(id))).fetchState
            state.nextFetchAt = later
            try fixture.store.saveFetchOutcome(feedId: id, health: FeedHealth(), fetchState: state, now: fixture.now)
            #expect(try fixture.store.dueFeeds(now: fixture.now, limit: 10).isEmpty)

            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds/\(id)/fetch", key: fixture.adminKey)
            #expect(response.status == .accepted)
            #expect(try fixture.store.dueFeeds(now: fixture.now, limit: 10).map(\.id) == [id])

            #expect(try await client.send(.patch, "/v2/\(fixture.site.uuid)/feeds/\(id)", key: fixture.adminKey, json: #"{"enabled": false}"#).status == .ok)
            #expect(try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds/\(id)/fetch", key: fixture.adminKey).status == .unprocessableContent)
            #expect(try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds/\(id)/fetch", key: fixture.readKey).status == .forbidden)
        }
    }
}
