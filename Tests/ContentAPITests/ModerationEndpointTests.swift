import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Moderation
import Testing

@Suite("Moderation endpoints")
struct ModerationEndpointTests {
    private func inboxPosts(_ fixture: APIFixture, count: Int) throws -> [StoredPost] {
        let section = try fixture.store.section(siteId: fixture.site.id, named: "default", now: fixture.now)
        let feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: section.id, name: nil, service: .rss,
                                                        attributes: ["url": .string("https://example.com/f")], moderationType: .savedToInbox),
                                                now: fixture.now)
        let posts = (1...count).map { Post(channel: "rss", sourceId: "i\($0)", title: "Inbox \($0)",
                                          publishedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double($0) * 60)) }
        try fixture.store.upsertPosts(posts, feed: feed, now: fixture.now) { _ in
            Decision(state: .inbox, decidedBy: .rules, score: 0.5, reasons: [Reason(rule: "r1", type: "keywords", detail: "matched 'x' in title")])
        }
        return try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: .inbox, count: 100)).posts
    }

    @Test("The inbox lists waiting posts with their moderation member; read keys get 403")
    func inbox() async throws {
        let fixture = try APIFixture()
        _ = try inboxPosts(fixture, count: 3)
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/inbox"
            let forbidden = try await client.get(path, key: fixture.readKey)
            #expect(forbidden.status == .forbidden)
            let body = try json(try await client.get(path, key: fixture.adminKey))
            let posts = try #require(body["posts"] as? [[String: Any]])
            #expect(posts.count == 3)
            let moderation = try #require(posts.first?["moderation"] as? [String: Any])
            #expect(moderation["state"] as? String == "inbox")
            #expect(moderation["decidedBy"] as? String == "rules")
            #expect(moderation["score"] as? Double == 0.5)
            #expect((moderation["reasons"] as? [[String: Any]])?.first?["detail"] as? String == "matched 'x' in title")
        }
    }

    @Test("Publish and hide move a post; the public list follows; the log says who did it")
    func publishHide() async throws {
        let fixture = try APIFixture()
        let posts = try inboxPosts(fixture, count: 2)
        let first = try #require(posts.first?.flocklerId)
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)"
            let published = try await client.send(.post, "\(base)/posts/\(first)/publish", key: fixture.adminKey)
            #expect(published.status == .ok)
            let data = (try json(published)["result"] as? [String: Any])?["data"] as? [String: Any]
            #expect((data?["moderation"] as? [String: Any])?["decidedBy"] as? String == "operator")
            let list = try json(try await client.get("\(base)/posts", key: fixture.readKey))
            #expect((list["posts"] as? [[String: Any]])?.compactMap { $0["flocklerId"] as? Int } == [Int(first)])
            let hidden = try await client.send(.post, "\(base)/posts/\(first)/hide", key: fixture.adminKey)
            #expect(hidden.status == .ok)
            let emptied = try json(try await client.get("\(base)/posts", key: fixture.readKey))
            #expect((emptied["posts"] as? [Any])?.isEmpty == true)
            let log = try json(try await client.get("\(base)/moderation/log", key: fixture.adminKey))
            let entries = try #require((log["result"] as? [String: Any])?["data"] as? [[String: Any]])
            #expect(entries.map { $0["action"] as? String } == ["hide", "publish"])
            #expect(entries.first?["keyId"] as? Int != nil)
            let one = try json(try await client.get("\(base)/posts/\(first)", key: fixture.adminKey))
            let history = ((one["result"] as? [String: Any])?["data"] as? [String: Any])?["history"] as? [[String: Any]]
            #expect(history?.map { $0["action"] as? String } == ["decide", "publish", "hide"])
        }
    }

    @Test("Pinning at a taken index shifts the others down, as a list insert; pinned posts come first")
    func pins() async throws {
        let fixture = try APIFixture()
        let posts = try inboxPosts(fixture, count: 4)
        let ids = posts.map(\.flocklerId)
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)"
            for id in ids { _ = try await client.send(.post, "\(base)/posts/\(id)/publish", key: fixture.adminKey) }
            _ = try await client.send(.post, "\(base)/posts/\(ids[3])/pin", key: fixture.adminKey, json: #"{"index": 0}"#)
            _ = try await client.send(.post, "\(base)/posts/\(ids[2])/pin", key: fixture.adminKey, json: #"{"index": 0}"#)
            let list = try json(try await client.get("\(base)/posts", key: fixture.readKey))
            let listed = try #require(list["posts"] as? [[String: Any]])
            #expect(listed.prefix(2).compactMap { $0["flocklerId"] as? Int } == [Int(ids[2]), Int(ids[3])])
            #expect(listed.prefix(2).compactMap { $0["pinnedIndex"] as? Int } == [0, 1])
            _ = try await client.send(.post, "\(base)/posts/\(ids[2])/unpin", key: fixture.adminKey)
            let after = try json(try await client.get("\(base)/posts", key: fixture.readKey))
            #expect((after["posts"] as? [[String: Any]])?.first?["pinnedIndex"] as? Int == 0)
            let bad = try await client.send(.post, "\(base)/posts/\(ids[0])/pin", key: fixture.adminKey, json: #"{"index": -1}"#)
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test("A batch is all or nothing: one unknown id changes nothing")
    func batch() async throws {
        let fixture = try APIFixture()
        let ids = try inboxPosts(fixture, count: 2).map(\.flocklerId)
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)"
            let failed = try await client.send(.post, "\(base)/moderation/batch", key: fixture.adminKey,
                                               json: "{\"action\": \"publish\", \"ids\": [\(ids[0]), 999999]}")
            #expect(failed.status == .notFound)
            let stillInbox = try json(try await client.get("\(base)/inbox", key: fixture.adminKey))
            #expect((stillInbox["posts"] as? [Any])?.count == 2)
            let done = try await client.send(.post, "\(base)/moderation/batch", key: fixture.adminKey,
                                             json: "{\"action\": \"publish\", \"ids\": [\(ids[0]), \(ids[1])]}")
            #expect(done.status == .ok)
            let published = try json(try await client.get("\(base)/posts", key: fixture.readKey))
            #expect((published["posts"] as? [Any])?.count == 2)
        }
    }

    @Test("Tags can be edited; the tag filter follows")
    func tags() async throws {
        let fixture = try APIFixture()
        let id = try #require(try inboxPosts(fixture, count: 1).first?.flocklerId)
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)"
            _ = try await client.send(.post, "\(base)/posts/\(id)/publish", key: fixture.adminKey)
            let patched = try await client.send(.patch, "\(base)/posts/\(id)", key: fixture.adminKey, json: #"{"tags": ["Launch", "launch", "news"]}"#)
            #expect(patched.status == .ok)
            let filtered = try json(try await client.get("\(base)/posts?filterByTags[]=LAUNCH", key: fixture.readKey))
            let posts = try #require(filtered["posts"] as? [[String: Any]])
            #expect(posts.first?["tags"] as? [String] == ["Launch", "news"])
        }
    }

    @Test("Rules: 422 naming the bad rule; a valid set is saved, previewed and re-evaluates the inbox on request")
    func rules() async throws {
        let fixture = try APIFixture()
        _ = try inboxPosts(fixture, count: 2)
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/moderation/rules"
            let bad = try await client.send(.put, base, key: fixture.adminKey,
                                            json: #"{"rules": [{"id": "a", "type": "keywords", "action": "hide", "words": ["x"]}, {"id": "b", "type": "nope", "action": "hide"}]}"#)
            #expect(bad.status == .unprocessableContent)
            let fields = ((try json(bad)["error"] as? [String: Any])?["details"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(fields == ["rules[1].type"])
            let ruleSet = #"{"rules": [{"id": "no-inbox", "type": "keywords", "action": "hide", "words": ["inbox"]}]}"#
            let preview = try await client.send(.post, base + "/preview", key: fixture.adminKey, json: ruleSet)
            let previewed = try #require((try json(preview)["result"] as? [String: Any])?["data"] as? [[String: Any]])
            #expect(previewed.allSatisfy { $0["state"] as? String == "hidden" })
            let stillInbox = try json(try await client.get("/v2/\(fixture.site.uuid)/inbox", key: fixture.adminKey))
            #expect((stillInbox["posts"] as? [Any])?.count == 2, "a preview changes nothing")
            let saved = try await client.send(.put, base + "?reevaluate=true", key: fixture.adminKey, json: ruleSet)
            #expect(saved.status == .ok)
            #expect(((try json(saved)["result"] as? [String: Any])?["data"] as? [String: Any])?["reevaluated"] as? Int == 2)
            let read = try json(try await client.get(base, key: fixture.adminKey))
            #expect((((read["result"] as? [String: Any])?["data"] as? [String: Any])?["rules"] as? [Any])?.count == 1)
            let emptied = try json(try await client.get("/v2/\(fixture.site.uuid)/inbox", key: fixture.adminKey))
            #expect((emptied["posts"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Admin endpoints refuse read keys and other sites' keys")
    func permissions() async throws {
        let fixture = try APIFixture()
        let id = try #require(try inboxPosts(fixture, count: 1).first?.flocklerId)
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)"
            let asReader = try await client.send(.post, "\(base)/posts/\(id)/publish", key: fixture.readKey)
            #expect(asReader.status == .forbidden)
            let asOther = try await client.send(.post, "\(base)/posts/\(id)/publish", key: fixture.otherAdminKey)
            #expect(asOther.status == .forbidden)
            let otherSite = try await client.send(.post, "/v2/\(fixture.otherSite.uuid)/posts/\(id)/publish", key: fixture.otherAdminKey)
            #expect(otherSite.status == .notFound)
        }
    }
}
