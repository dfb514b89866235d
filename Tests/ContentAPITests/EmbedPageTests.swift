import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Moderation
import NIOCore
import Testing

@Suite("The embed page, configuration and files (SPEC §3.9)")
struct EmbedPageTests {
    private static func post(_ id: Int, tags: [String] = [], text: String? = nil) -> Post {
        Post(channel: "rss", sourceId: "s\(id)", sourceUrl: "https://example.com/\(id)", title: "Post \(id)", textRich: text,
             publishedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(id) * 60), tags: tags)
    }

    private static func create(_ client: any TestClientProtocol, _ fixture: APIFixture, _ body: String) async throws -> String {
        let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/embeds", key: fixture.adminKey, json: body)
        return try #require(try EmbedsEndpointTests.embed(response)["uuid"] as? String)
    }

    @Test("The configuration holds the settings, the embed's read key and the first page through its filters, published only")
    func configuration() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish([Self.post(1, tags: ["coffee"]), Self.post(2), Self.post(3, tags: ["Coffee"])])
        let inbox = try fixture.store.section(siteId: fixture.site.id, named: "default", now: fixture.now)
        let feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: inbox.id, name: nil, service: .rss,
                                                        attributes: ["url": .string("https://example.com/inbox")], moderationType: .savedToInbox),
                                                now: fixture.now)
        try fixture.store.upsertPosts([Self.post(4, tags: ["coffee"])], feed: feed, now: fixture.now) { _ in Decision(state: .inbox, decidedBy: .auto) }
        try await fixture.withClient { client in
            let uuid = try await Self.create(client, fixture, #"{"count": 5, "filters": {"tags": ["coffee"]}}"#)
            let response = try await client.get("/embed/\(uuid)/config", key: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            #expect(response.headers[.setCookie] == nil)
            let body = try json(response)
            let embed = try #require(body["embed"] as? [String: Any])
            #expect(embed["siteUuid"] as? String == fixture.site.uuid)
            #expect(embed["postsUrl"] as? String == "http://roost.test/v2/\(fixture.site.uuid)/posts?count=5&filterByTags[]=coffee&tagFilterType=all")
            #expect(embed["statsUrl"] as? String == "http://roost.test/stats/\(fixture.site.uuid)")
            #expect((embed["styleUrl"] as? String)?.hasPrefix("http://roost.test/embed.css?v=") == true)
            let readKey = try #require(embed["readKey"] as? String)
            #expect(readKey != fixture.adminKey)
            let page = try #require(body["page"] as? [String: Any])
            #expect((page["posts"] as? [[String: Any]])?.map { $0["sourceId"] as? String } == ["s3", "s1"])
            #expect((page["meta"] as? [String: Any])?["statsApiEndpoint"] as? String == "http://roost.test/stats/\(fixture.site.uuid)")
            // The same page through the posts API with the embed's key.
            let api = try await client.get("/v2/\(fixture.site.uuid)/posts?count=5&filterByTags[]=coffee&tagFilterType=all", key: readKey)
            #expect((try json(api)["posts"] as? [[String: Any]])?.count == 2)
            let again = try await client.execute(uri: "/embed/\(uuid)/config", method: .get,
                                                 headers: [.ifNoneMatch: response.headers[.eTag] ?? ""])
            #expect(again.status == .notModified)
        }
    }

    @Test("The page: strict CSP without unsafe-inline, versioned files, the config as an inert data block, hostile text escaped")
    func page() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish([Self.post(1, text: "<p>a</p></script><script>alert(1)</script>")])
        try await fixture.withClient { client in
            let uuid = try await Self.create(client, fixture, #"{"name": "<b>Wall</b> & co"}"#)
            let response = try await client.get("/embed/\(uuid)", key: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.setCookie] == nil)
            let csp = try #require(response.headers[.contentSecurityPolicy])
            #expect(csp.hasPrefix("default-src 'none'; script-src 'self'; style-src 'self';"))
            #expect(!csp.contains("unsafe"))
            let html = String(buffer: response.body)
            #expect(html.contains("<title>&lt;b&gt;Wall&lt;/b&gt; &amp; co</title>"))
            #expect(html.contains("<div data-roost-embed=\"\(uuid)\" data-roost-config=\"roost-config\"></div>"))
            #expect(html.contains("src=\"http://roost.test/embed.js?v="))
            #expect(html.contains("href=\"http://roost.test/embed.css?v="))
            #expect(html.components(separatedBy: "</script>").count == 3, "only the data block and the script tag close a script")
            #expect(html.contains(#"\u003c/script>\u003cscript>alert(1)\u003c/script>"#))
            #expect(!html.contains("<script>alert"))
            #expect(try await client.get("/embed/no-such-embed", key: nil).status == .notFound)
        }
    }

    @Test("embed.js and embed.css: long-lived under their version, an ETag and 304 otherwise, no cookies", arguments: ["/embed.js", "/embed.css", "/admin/embeds.js"])
    func assets(path: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let plain = try await client.get(path, key: nil)
            #expect(plain.status == .ok)
            #expect(plain.headers[.cacheControl] == "public, max-age=3600")
            #expect(plain.headers[.setCookie] == nil)
            #expect(plain.body.readableBytes > 1000)
            let etag = try #require(plain.headers[.eTag])
            let version = String(etag.dropFirst().dropLast())
            let versioned = try await client.get("\(path)?v=\(version)", key: nil)
            #expect(versioned.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let revalidated = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(revalidated.status == .notModified)
            #expect(revalidated.body.readableBytes == 0)
        }
    }
}
