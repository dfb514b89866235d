import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Moderation
import NIOCore
import Testing

/// Every request example of Flockler's Content API v2 page (the seed, SPEC §3.4), sent as its
/// `fetch` call sends it: same method, path, query, headers and `JSON.stringify(postData)` body,
/// with only the page's placeholders (`SITE_UUID`, `API_KEY`, the section's `"uuid"`) replaced
/// by real ones. Each answer is checked member by member against the page's example response
/// and its TypeScript types.
@Suite("The seed page's examples, verbatim")
struct SeedExampleTests {
    /// `headers: {'X-FL-API-Key': API_KEY}`.
    private static func keyHeader(_ key: String) -> HTTPFields {
        var headers: HTTPFields = [:]
        if let name = HTTPField.Name("X-FL-API-Key") { headers[name] = key }
        return headers
    }

    /// `method: 'POST'`, `Content-Type: application/json`, the key header, the body as `JSON.stringify` writes it.
    private static func postJSON(_ client: any TestClientProtocol, _ uri: String, key: String, body: String) async throws -> TestResponse {
        var headers = keyHeader(key)
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("get/posts: the page's request answers the page's shape, FlocklerPost member by member")
    func posts() async throws {
        let fixture = try APIFixture()
        var post = Post(channel: "rss", sourceId: "2dxsk8fx", sourceUrl: "https://example.org/2dxsk8fx", title: nil,
                        textRich: "<p>Example text</p><p>#HashtagA #HashtagB</p>", textPlain: "Example text\n\n#HashtagA #HashtagB",
                        publishedAt: Date(timeIntervalSince1970: 1_747_914_701.24))
        post.tags = ["HashtagA", "HashtagB"]
        post.images = [PostImage(url: "https://example.org/example.jpg", altText: nil)]
        post.from = PostAuthor(name: "Flockler", username: "getflockler", profileUrl: "https://example.org/getflockler",
                               profileImageUrl: "https://example.org/getflockler.jpg")
        _ = try fixture.publish([post])
        try await fixture.withClient { client in
            let response = try await client.execute(uri: "/v2/\(fixture.site.uuid)/posts", method: .get,
                                                    headers: Self.keyHeader(fixture.readKey))
            #expect(response.status == .ok)
            let body = try json(response)
            #expect(Set(body.keys) == ["meta", "pagination", "posts"])
            #expect(Set((body["meta"] as? [String: Any])?.keys ?? [:].keys) == ["statsApiEndpoint"])
            let pagination = try #require(body["pagination"] as? [String: Any])
            #expect(Set(pagination.keys) == ["newer", "older"])
            let newer = try #require(pagination["newer"] as? String)
            #expect(newer.hasPrefix("http://roost.test/v2/\(fixture.site.uuid)/posts?count=20&newerThanCursor="))
            #expect(pagination["older"] is NSNull)
            let posts = try #require(body["posts"] as? [Any])
            #expect(posts.count == 1)
            for problem in TypeScriptShape.flocklerPost.problems(posts[0], at: "posts[0]") { Issue.record("\(problem)") }
            let first = try #require(posts.first as? [String: Any])
            // The page's example post, value by value where Roost stores the same thing.
            #expect(first["channel"] as? String == "rss")
            #expect(first["postType"] as? String == "image")
            #expect(first["publishedAt"] as? String == "2025-05-22T11:51:41.240Z")
            #expect(first["sourceId"] as? String == "2dxsk8fx")
            #expect(first["tags"] as? [String] == ["HashtagA", "HashtagB"])
            #expect(first["textRich"] as? String == "<p>Example text</p><p>#HashtagA #HashtagB</p>")
            #expect(first["pinnedIndex"] is NSNull && first["ctaLink"] is NSNull && first["title"] is NSNull)
            let from = try #require(first["from"] as? [String: Any])
            #expect(from["username"] as? String == "getflockler")
        }
    }

    @Test("get/feeds?order=desc&services[]=twitter_v2&services[]=instagram_graph_api: ListFeedsResponse")
    func listFeeds() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/feeds"
            let empty = try await client.execute(uri: base + "?order=desc&services[]=twitter_v2&services[]=instagram_graph_api",
                                                 method: .get, headers: Self.keyHeader(fixture.adminKey))
            #expect(String(buffer: empty.body) == #"{"result":{"success":true,"data":{"feeds":[]}}}"#)
            for body in [
                #"{"feed":{"name":"RSS","feed_type":"rss","moderation_type":"auto_publish","feed_attributes":{"url":"https://feeds.bbci.co.uk/news/world/rss.xml"}},"section":{"name":"Posts"}}"#,
                ##"{"feed":{"name":"Twitter feed","feed_type":"twitter_v2","moderation_type":"auto_publish","feed_attributes":{"author":"author","hashtag_or_keyword":"#hashtag"}},"section":{"name":"Posts"}}"##,
                #"{"feed":{"feed_type":"instagram_graph_api","moderation_type":"saved_to_inbox","feed_attributes":{"ig_user_id":"17841400000000000"}},"section":{"name":"Posts"}}"#,
            ] {
                let created = try await Self.postJSON(client, base, key: fixture.adminKey, body: body)
                #expect(created.status == .created, "\(String(buffer: created.body))")
            }
            let response = try await client.execute(uri: base + "?order=desc&services[]=twitter_v2&services[]=instagram_graph_api",
                                                    method: .get, headers: Self.keyHeader(fixture.adminKey))
            #expect(response.status == .ok)
            let body = try json(response)
            for problem in TypeScriptShape.listFeedsResponse.problems(body, at: "$") { Issue.record("\(problem)") }
            let feeds = (((body["result"] as? [String: Any])?["data"] as? [String: Any])?["feeds"] as? [[String: Any]]) ?? []
            #expect(feeds.compactMap { ($0["feed"] as? [String: Any])?["service"] as? String } == ["instagram_graph_api", "twitter_v2"])
            let unnamed = try #require(feeds.first?["feed"] as? [String: Any])
            #expect(unnamed["name"] as? String == "", "the page's unnamed Instagram feed has the name \"\"")
            #expect((unnamed["status"] as? [String: Any])?["error_message"] as? String == "")
            #expect((unnamed["created_at"] as? String)?.count == "2025-05-08T04:43:21Z".count)
            #expect((feeds.first?["section"] as? [String: Any])?["name"] as? String == "Posts")
        }
    }

    /// The three create examples of the page, bodies as `JSON.stringify(postData)` writes them.
    static let createExamples: [(name: String, body: String, service: String)] = [
        ("BBC", #"{"feed":{"name":"BBC","feed_type":"rss","moderation_type":"auto_publish","feed_attributes":{"url":"https://feeds.bbci.co.uk/news/world/rss.xml"}},"section":{"uuid":"uuid"}}"#, "rss"),
        ("Twitter feed", ##"{"feed":{"name":"Twitter feed","feed_type":"twitter_v2","moderation_type":"auto_publish","feed_attributes":{"author":"author","hashtag_or_keyword":"#hashtag","include_replies":true,"videos_required":true,"pictures_required":true}},"section":{"uuid":"uuid"}}"##, "twitter_v2"),
        ("Pinterest feed", #"{"feed":{"name":"Pinterest feed","feed_type":"pinterest","moderation_type":"auto_publish","feed_attributes":{"url":"https://www.pinterest.com/user/board"}},"section":{"uuid":"uuid"}}"#, "pinterest"),
    ]

    @Test("post/feeds: each create example answers 201 with exactly the page's members", arguments: [0, 1, 2])
    func create(example index: Int) async throws {
        let example = Self.createExamples[index]
        let fixture = try APIFixture()
        let section = try fixture.store.section(siteId: fixture.site.id, named: "wow", now: fixture.now)
        try await fixture.withClient { client in
            let body = example.body.replacingOccurrences(of: #""uuid":"uuid""#, with: #""uuid":"\#(section.uuid)""#)
            let response = try await Self.postJSON(client, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey, body: body)
            #expect(response.status == .created, "\(String(buffer: response.body))")
            let answer = try json(response)
            for problem in TypeScriptShape.createFeedResponse.problems(answer, at: "$") { Issue.record("\(problem)") }
            let data = try #require((answer["result"] as? [String: Any])?["data"] as? [String: Any])
            let feed = try #require(data["feed"] as? [String: Any])
            #expect(feed["name"] as? String == example.name)
            #expect(feed["service"] as? String == example.service)
            #expect((data["section"] as? [String: Any])?["uuid"] as? String == section.uuid)
            #expect((data["section"] as? [String: Any])?["name"] as? String == "wow")
            let stored = try fixture.store.feeds(siteId: fixture.site.id, order: .asc, services: [])
            #expect(stored.count == 1 && stored.first?.moderationType == .autoPublish)
        }
    }

    @Test("post/feeds with the page's literal placeholder section uuid is a 422 naming section.uuid; nothing is created")
    func placeholderSection() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await Self.postJSON(client, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey, body: Self.createExamples[0].body)
            #expect(response.status == .unprocessableContent)
            let details = ((try json(response)["error"] as? [String: Any])?["details"] as? [[String: Any]]) ?? []
            #expect(details.first?["field"] as? String == "section.uuid")
            #expect(try fixture.store.feeds(siteId: fixture.site.id, order: .asc, services: []).isEmpty)
        }
    }

    @Test("post/feeds form-encoded with the page's bracketed names, nested feed_attributes included")
    func createForm() async throws {
        let fixture = try APIFixture()
        let section = try fixture.store.section(siteId: fixture.site.id, named: "wow", now: fixture.now)
        try await fixture.withClient { client in
            var headers = Self.keyHeader(fixture.adminKey)
            headers[.contentType] = "application/x-www-form-urlencoded"
            let form = "feed[name]=Twitter+feed&feed[feed_type]=twitter_v2&feed[moderation_type]=ai_moderation"
                + "&feed[feed_attributes][author]=author&feed[feed_attributes][hashtag_or_keyword]=%23hashtag"
                + "&feed[feed_attributes][include_replies]=true&section[id]=\(section.id)&section[uuid]=\(section.uuid)"
            let response = try await client.execute(uri: "/v2/\(fixture.site.uuid)/feeds", method: .post, headers: headers,
                                                     body: ByteBuffer(string: form))
            #expect(response.status == .created, "\(String(buffer: response.body))")
            for problem in TypeScriptShape.createFeedResponse.problems(try json(response), at: "$") { Issue.record("\(problem)") }
            let stored = try #require(try fixture.store.feeds(siteId: fixture.site.id, order: .asc, services: []).first)
            #expect(stored.service == .twitterV2 && stored.moderationType == .aiModeration && stored.sectionId == section.id)
            #expect(stored.attributes["hashtag_or_keyword"]?.stringValue == "#hashtag")
            #expect(stored.attributes["include_replies"]?.boolValue == true)
        }
    }
}
