import Aggregator
import FeedFetchers
import Foundation
import Moderation
import Testing

@Suite("Post storage")
struct PostStoreTests {
    @Test("A re-fetch updates a post in place: same flocklerId, new title, no duplicate")
    func refetchUpdates() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store([fixture.post("a", minutes: 1)]) == UpsertSummary(inserted: 1))
        let first = try #require(try fixture.store.posts(PostQuery(siteId: fixture.site.id)).posts.first)
        #expect(try fixture.store([fixture.post("a", minutes: 1)]) == UpsertSummary(unchanged: 1))
        #expect(try fixture.store([fixture.post("a", minutes: 1, title: "Edited")]) == UpsertSummary(updated: 1))
        let page = try fixture.store.posts(PostQuery(siteId: fixture.site.id))
        #expect(page.posts.count == 1)
        #expect(page.posts.first?.flocklerId == first.flocklerId)
        #expect(page.posts.first?.post.title == "Edited")
    }

    @Test("Posts without a source id are identified by link, else by content")
    func dedupeWithoutId() throws {
        let fixture = try StoreFixture()
        let byLink = Post(channel: "rss", sourceUrl: "https://example.com/x", title: "x")
        let byContent = Post(channel: "rss", title: "only text", textPlain: "body")
        try fixture.store([byLink, byContent, byLink, byContent])
        #expect(try fixture.store.posts(PostQuery(siteId: fixture.site.id)).posts.count == 2)
    }

    @Test("A stored post reads back with every field")
    func roundTrip() throws {
        let fixture = try StoreFixture()
        let post = Post(channel: "rss", sourceId: "r", sourceUrl: "https://example.com/r", title: "T", textRich: "<p>x</p>",
                        textPlain: "x", publishedAt: fixture.start, from: PostAuthor(name: "N", username: "u", profileUrl: "https://p", profileImageUrl: "https://i"),
                        tags: ["A", "b"], images: [PostImage(url: "https://i/1.jpg", altText: "alt")],
                        videos: [PostVideo(type: .iframe, url: "https://www.youtube.com/embed/x")],
                        attachments: [PostAttachment(type: "rating", fields: [("value", .number(4)), ("max", .number(5))])])
        try fixture.store([post])
        let stored = try #require(try fixture.store.posts(PostQuery(siteId: fixture.site.id)).posts.first)
        #expect(stored.post == post)
        #expect(stored.flocklerId > 0)
        #expect(stored.state == .published)
    }

    @Test("Newest first, ties broken by flocklerId descending; posts without a date sort by when they arrived")
    func order() throws {
        let fixture = try StoreFixture()
        try fixture.store([fixture.post("old", minutes: 1), fixture.post("tie1", minutes: 5), fixture.post("tie2", minutes: 5),
                           Post(channel: "rss", sourceId: "undated", title: "u")])
        let ids = try fixture.store.posts(PostQuery(siteId: fixture.site.id)).posts.compactMap(\.post.sourceId)
        #expect(ids == ["tie2", "tie1", "old", "undated"])
    }

    @Test("Walking older links visits every post once, even while posts are added", arguments: [1, 2, 3, 7])
    func walkWhileInserting(count: Int) throws {
        let fixture = try StoreFixture()
        try fixture.store((0..<20).map { fixture.post("p\($0)", minutes: $0) })
        var added = 0
        let seen = try fixture.walk(PostQuery(siteId: fixture.site.id, count: count)) {
            added += 1
            // New posts both newer than everything and in the middle of the walk's past.
            try fixture.store([fixture.post("new\(added)", minutes: 100 + added), fixture.post("mid\(added)", minutes: 10)])
        }
        let original = Set((0..<20).map { "p\($0)" })
        #expect(Set(seen).isSuperset(of: original))
        #expect(seen.count == Set(seen).count)
    }

    @Test("The newer cursor of a page returns the posts that arrived above it")
    func newerPolling() throws {
        let fixture = try StoreFixture()
        try fixture.store((0..<5).map { fixture.post("p\($0)", minutes: $0) })
        let first = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 3))
        try fixture.store([fixture.post("n1", minutes: 50), fixture.post("n2", minutes: 60)])
        let newer = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 10, cursor: first.newer))
        #expect(newer.posts.compactMap(\.post.sourceId) == ["n2", "n1"])
        #expect(newer.older == nil && newer.newer != nil)
        let again = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 10, cursor: newer.newer))
        #expect(again.posts.isEmpty && again.newer != nil)
    }

    @Test("Polling a page that starts with a pinned post sees every post shown since: new, newly published, newly pinned")
    func newerPollingUnderPins() throws {
        let fixture = try StoreFixture()
        try fixture.store((0..<5).map { fixture.post("p\($0)", minutes: $0) })
        try fixture.store.upsertPosts([fixture.post("waiting", minutes: 2)], feed: fixture.feed, now: fixture.start) { _ in
            Decision(state: .inbox, decidedBy: .auto)
        }
        let all = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 10)).posts
        let byId = Dictionary(uniqueKeysWithValues: all.compactMap { post in post.post.sourceId.map { ($0, post.flocklerId) } })
        let secret = try fixture.store.createKey(siteId: fixture.site.id, scope: .admin, now: fixture.start)
        let keyId = try #require(try fixture.store.authenticate(secret: secret)).keyId
        _ = try fixture.store.apply(.pin(index: 0), to: [try #require(byId["p0"])], siteId: fixture.site.id, keyId: keyId, now: fixture.start)
        let first = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 3))
        #expect(first.posts.first?.post.sourceId == "p0" && first.posts.first?.pinnedIndex == 0)

        // A new post, an inbox post published by an operator (its date is old), a post pinned.
        try fixture.store([fixture.post("new", minutes: 90)])
        let inbox = try #require(try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: .inbox, count: 10)).posts.first)
        _ = try fixture.store.apply(.publish, to: [inbox.flocklerId], siteId: fixture.site.id, keyId: keyId, now: fixture.start)
        _ = try fixture.store.apply(.pin(index: 0), to: [try #require(byId["p3"])], siteId: fixture.site.id, keyId: keyId, now: fixture.start)

        let polled = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 20, cursor: first.newer))
        #expect(Set(polled.posts.compactMap(\.post.sourceId)) == ["new", "waiting", "p3"])
        // In display order: pinned first, then newest.
        #expect(polled.posts.compactMap(\.post.sourceId) == ["p3", "new", "waiting"])
        let quiet = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 20, cursor: polled.newer))
        #expect(quiet.posts.isEmpty)
        // More arrivals than a page: polling in pages of two still sees each exactly once.
        try fixture.store((0..<5).map { fixture.post("burst\($0)", minutes: 200 + $0) })
        var cursor = quiet.newer
        var seen: [String] = []
        for _ in 0..<5 {
            let page = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 2, cursor: cursor))
            seen += page.posts.compactMap(\.post.sourceId)
            cursor = page.newer
        }
        #expect(seen.sorted() == (0..<5).map { "burst\($0)" })
    }

    @Test("Tag filters: all and any, case-insensitive")
    func tags() throws {
        let fixture = try StoreFixture()
        try fixture.store([fixture.post("a", minutes: 1, tags: ["Cats", "dogs"]), fixture.post("b", minutes: 2, tags: ["cats"]),
                           fixture.post("c", minutes: 3, tags: ["birds"])])
        func ids(_ tags: [String], _ match: PostQuery.TagMatch) throws -> [String] {
            try fixture.store.posts(PostQuery(siteId: fixture.site.id, tags: tags, tagMatch: match)).posts.compactMap(\.post.sourceId)
        }
        #expect(try ids(["CATS"], .all) == ["b", "a"])
        #expect(try ids(["cats", "dogs"], .all) == ["a"])
        #expect(try ids(["dogs", "birds"], .any) == ["c", "a"])
        #expect(try ids(["fish"], .any).isEmpty)
    }

    @Test("Only posts in the asked state are listed; other sites' posts never are")
    func isolation() throws {
        let fixture = try StoreFixture()
        try fixture.store.upsertPosts([fixture.post("inbox", minutes: 1)], feed: fixture.feed, now: fixture.start) { _ in Decision(state: .inbox, decidedBy: .auto) }
        try fixture.store([fixture.post("pub", minutes: 2)])
        let other = try fixture.store.createSite(name: "Other", now: fixture.start).site
        #expect(try fixture.store.posts(PostQuery(siteId: fixture.site.id)).posts.compactMap(\.post.sourceId) == ["pub"])
        #expect(try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: .inbox)).posts.compactMap(\.post.sourceId) == ["inbox"])
        #expect(try fixture.store.posts(PostQuery(siteId: other.id)).posts.isEmpty)
    }

    @Test("Random order returns the asked count of matching posts and no cursors")
    func random() throws {
        let fixture = try StoreFixture()
        try fixture.store((0..<30).map { fixture.post("p\($0)", minutes: $0) })
        let page = try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 5, order: .random))
        #expect(page.posts.count == 5 && page.older == nil && page.newer == nil)
    }

    @Test("The change counter moves when posts change, not on a no-op re-fetch")
    func changeCounter() throws {
        let fixture = try StoreFixture()
        let before = fixture.store.changeCounter(siteId: fixture.site.id)
        try fixture.store([fixture.post("a", minutes: 1)])
        let after = fixture.store.changeCounter(siteId: fixture.site.id)
        #expect(after != before)
        try fixture.store([fixture.post("a", minutes: 1)])
        #expect(fixture.store.changeCounter(siteId: fixture.site.id) == after)
    }
}
