import Moderation
import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("GET /v2/:site/posts")
struct PostsEndpointTests {
    private func post(_ id: Int, tags: [String] = []) -> Post {
        Post(channel: "rss", sourceId: "s\(id)", sourceUrl: "https://example.com/\(id)", title: "Post \(id)",
             publishedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(id) * 60), tags: tags)
    }

    @Test("The envelope has meta, pagination and FlocklerPost fields, newest first")
    func envelope() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish((1...3).map { post($0) })
        try await fixture.withClient { client in
            let response = try await client.get("/v2/\(fixture.site.uuid)/posts", key: fixture.readKey)
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            let body = try json(response)
            #expect(Set(body.keys) == ["meta", "pagination", "posts"])
            let meta = try #require(body["meta"] as? [String: Any])
            #expect(meta.keys.contains("statsApiEndpoint"))
            let posts = try #require(body["posts"] as? [[String: Any]])
            #expect(posts.map { $0["sourceId"] as? String } == ["s3", "s2", "s1"])
            let first = try #require(posts.first)
            #expect(Set(first.keys) == ["flocklerId", "channel", "sourceId", "sourceUrl", "title", "textRich", "textPlain",
                                       "publishedAt", "from", "tags", "images", "videos", "postType", "ctaLink", "attachments",
                                       "pinnedIndex"])
            #expect((first["flocklerId"] as? Int ?? 0) > 0)
            #expect(first["publishedAt"] as? String == "2023-11-14T22:16:20.000Z")
            let pagination = try #require(body["pagination"] as? [String: Any])
            #expect(pagination["older"] is NSNull)
            let newer = try #require(pagination["newer"] as? String)
            #expect(newer.hasPrefix("http://roost.test/v2/\(fixture.site.uuid)/posts?count=20&newerThanCursor="))
        }
    }

    @Test("Walking older links with filters visits every matching post once; links keep filters, never the key")
    func walk() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish((1...25).map { post($0, tags: $0 % 2 == 0 ? ["Even"] : ["odd"]) })
        try await fixture.withClient { client in
            var uri: String? = "/v2/\(fixture.site.uuid)/posts?count=4&filterByTags[]=even&api_key=\(fixture.readKey)"
            var seen: [String] = []
            while let next = uri {
                let response = try await client.get(next.replacingOccurrences(of: "http://roost.test", with: ""), key: fixture.readKey)
                #expect(response.status == .ok)
                let body = try json(response)
                seen += (body["posts"] as? [[String: Any]] ?? []).compactMap { $0["sourceId"] as? String }
                let older = (body["pagination"] as? [String: Any])?["older"] as? String
                if let older {
                    #expect(older.contains("filterByTags[]=even") && older.contains("count=4"))
                    #expect(!older.contains(fixture.readKey) && !older.contains("api_key"))
                }
                uri = older
            }
            #expect(seen == (1...25).reversed().filter { $0 % 2 == 0 }.map { "s\($0)" })
        }
    }

    @Test("Keys: none or unknown is 401, another site's key or path is 403, by header, query or Bearer")
    func keys() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/posts"
            let status1 = try await client.get(path, key: nil).status
            #expect(status1 == .unauthorized)
            let status2 = try await client.get(path, key: "rk_wrong").status
            #expect(status2 == .unauthorized)
            let status3 = try await client.get(path, key: fixture.otherAdminKey).status
            #expect(status3 == .forbidden)
            let status4 = try await client.get(path + "?api_key=\(fixture.readKey)", key: nil).status
            #expect(status4 == .ok)
            let bearer = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(fixture.readKey)"])
            #expect(bearer.status == .ok)
            let unauthorized = try json(try await client.get(path, key: nil))
            #expect((unauthorized["error"] as? [String: Any])?["type"] as? String == "authentication_error")
        }
    }

    @Test("Bad parameters are 400 with the error envelope naming the field", arguments: [
        ("count=0", "count"), ("count=101", "count"), ("count=abc", "count"), ("count=1.5", "count"),
        ("filterByChannels[]=myspace", "filterByChannels[]"), ("filterBySectionIds[]=x", "filterBySectionIds[]"),
        ("tagFilterType=some", "tagFilterType"), ("order=oldest", "order"), ("olderThanCursor=garbage", "olderThanCursor"),
        ("order=random&olderThanCursor=0_1_1", "olderThanCursor"), ("filterByTag[]=x", "filterByTag[]"),
    ])
    func badParameters(query: String, field: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.get("/v2/\(fixture.site.uuid)/posts?\(query)", key: fixture.readKey)
            #expect(response.status == .badRequest)
            let error = try #require(try json(response)["error"] as? [String: Any])
            #expect(error["type"] as? String == "validation_error")
            #expect(error["code"] as? String == "VALIDATION_ERROR")
            let details = try #require(error["details"] as? [[String: Any]])
            #expect(details.first?["field"] as? String == field)
        }
    }

    @Test("Channel, section and any-tag filters; random order has no links")
    func filters() async throws {
        let fixture = try APIFixture()
        let news = try fixture.publish([post(1, tags: ["a"]), post(2, tags: ["b"])], section: "news")
        _ = try fixture.publish([post(3, tags: ["c"])], section: "sport")
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/posts"
            func ids(_ query: String) async throws -> [String] {
                let body = try json(try await client.get(base + "?" + query, key: fixture.readKey))
                return (body["posts"] as? [[String: Any]] ?? []).compactMap { $0["sourceId"] as? String }
            }
            let bySection = try await ids("filterBySectionIds[]=\(news.sectionId)")
            let byOtherChannel = try await ids("filterByChannels[]=twitter")
            let byChannel = try await ids("filterByChannels[]=rss&count=1")
            let byAnyTag = try await ids("filterByTags[]=a&filterByTags[]=C&tagFilterType=any")
            #expect(bySection == ["s2", "s1"])
            #expect(byOtherChannel.isEmpty)
            #expect(byChannel == ["s3"])
            #expect(byAnyTag == ["s3", "s1"])
            let random = try json(try await client.get(base + "?order=random&count=2", key: fixture.readKey))
            #expect((random["posts"] as? [Any])?.count == 2)
            let pagination = try #require(random["pagination"] as? [String: Any])
            #expect(pagination["older"] is NSNull && pagination["newer"] is NSNull)
        }
    }

    @Test("ETag and If-None-Match give 304; a new post changes the page")
    func etag() async throws {
        let fixture = try APIFixture()
        let feed = try fixture.publish([post(1)])
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/posts"
            let first = try await client.get(path, key: fixture.readKey)
            let tag = try #require(first.headers[.eTag])
            var headers: HTTPFields = [.ifNoneMatch: tag]
            if let name = HTTPField.Name("X-FL-API-Key") { headers[name] = fixture.readKey }
            let status5 = try await client.execute(uri: path, method: .get, headers: headers).status
            #expect(status5 == .notModified)
            try fixture.store.upsertPosts([post(2)], feed: feed, now: fixture.now) { _ in Decision(state: .published, decidedBy: .auto) }
            let changed = try await client.execute(uri: path, method: .get, headers: headers)
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] != tag)
        }
    }

    @Test("CORS preflight is answered for the read endpoint")
    func preflight() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.execute(uri: "/v2/\(fixture.site.uuid)/posts", method: .options,
                                                    headers: [.origin: "https://embed.example"])
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowHeaders]?.contains("X-FL-API-Key") == true)
        }
    }

    @Test("Unknown routes and methods answer with the error envelope")
    func unknownRoutes() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let missing = try await client.get("/v3/nothing", key: nil)
            #expect(missing.status == .notFound)
            #expect((try json(missing)["error"] as? [String: Any])?["type"] as? String == "not_found")
        }
    }
}
