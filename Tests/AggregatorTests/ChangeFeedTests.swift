import Aggregator
import FeedFetchers
import Foundation
import Moderation
import Testing

@Suite("The change feed")
struct ChangeFeedTests {
    /// Every change of the site as `type flocklerId` lines.
    private func changes(_ fixture: StoreFixture, since: Int64? = nil) throws -> [String] {
        try fixture.store.changes(siteId: fixture.site.id, since: since, count: 500).changes.map { "\($0.kind.rawValue) \($0.flocklerId)" }
    }

    private func adminKeyId(_ fixture: StoreFixture) throws -> Int64 {
        let secret = try fixture.store.createKey(siteId: fixture.site.id, scope: .admin, now: fixture.start)
        return try #require(try fixture.store.authenticate(secret: secret)).keyId
    }

    @Test("Every path that changes what the posts endpoint shows records its change, in order")
    func everyPath() throws {
        let fixture = try StoreFixture()
        try fixture.store([fixture.post("a", minutes: 1), fixture.post("b", minutes: 2)])
        try fixture.store.upsertPosts([fixture.post("waiting", minutes: 3)], feed: fixture.feed, now: fixture.start) { _ in
            Decision(state: .inbox, decidedBy: .auto)
        }
        let ids = Dictionary(uniqueKeysWithValues: try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 10)).posts
            .map { ($0.post.sourceId ?? "", $0.flocklerId) })
        let inbox = try #require(try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: .inbox, count: 10)).posts.first)
        let (a, b) = (try #require(ids["a"]), try #require(ids["b"]))
        let key = try adminKeyId(fixture)
        #expect(try changes(fixture) == ["post.published \(a)", "post.published \(b)"])

        // A re-fetch with new text, an unchanged re-fetch, operator actions.
        try fixture.store([fixture.post("a", minutes: 1, title: "Edited"), fixture.post("b", minutes: 2)])
        _ = try fixture.store.apply(.hide, to: [b], siteId: fixture.site.id, keyId: key, now: fixture.start)
        _ = try fixture.store.apply(.publish, to: [inbox.flocklerId], siteId: fixture.site.id, keyId: key, now: fixture.start)
        _ = try fixture.store.apply(.pin(index: 0), to: [a], siteId: fixture.site.id, keyId: key, now: fixture.start)
        _ = try fixture.store.apply(.tags(["new"]), to: [a], siteId: fixture.site.id, keyId: key, now: fixture.start)
        _ = try fixture.store.apply(.unpin, to: [a], siteId: fixture.site.id, keyId: key, now: fixture.start)
        // Hidden posts change nothing visible.
        _ = try fixture.store.apply(.tags(["x"]), to: [b], siteId: fixture.site.id, keyId: key, now: fixture.start)
        #expect(try changes(fixture) == [
            "post.published \(a)", "post.published \(b)",
            "post.updated \(a)", "post.unpublished \(b)", "post.published \(inbox.flocklerId)",
            "post.pinned \(a)", "post.updated \(a)", "post.unpinned \(a)",
        ])
        // Deleting the feed unpublishes what it had published.
        let before = try fixture.store.changes(siteId: fixture.site.id, since: nil, count: 500).next
        #expect(try fixture.store.deleteFeed(id: fixture.feed.id))
        #expect(Set(try changes(fixture, since: before)) == ["post.unpublished \(a)", "post.unpublished \(inbox.flocklerId)"])
        #expect(try fixture.store.posts(PostQuery(siteId: fixture.site.id, count: 10)).posts.isEmpty)
    }

    @Test("Re-evaluation that publishes or hides inbox posts records the changes")
    func reevaluation() throws {
        let fixture = try StoreFixture()
        try fixture.store.upsertPosts([fixture.post("w1", minutes: 1), fixture.post("w2", minutes: 2)], feed: fixture.feed,
                                      now: fixture.start) { _ in Decision(state: .inbox, decidedBy: .auto) }
        let candidates = try fixture.store.reevaluationCandidates(siteId: fixture.site.id)
        #expect(candidates.count == 2)
        let decisions = candidates.map { ($0, Decision(state: .published, decidedBy: .rules)) }
        #expect(try fixture.store.applyReevaluation(siteId: fixture.site.id, decisions, now: fixture.start) == 2)
        #expect(try changes(fixture).count == 2)
        #expect(try changes(fixture).allSatisfy { $0.hasPrefix("post.published") })
    }

    @Test("A change shows the post as it is now while it is published, never once it is hidden")
    func postBodies() throws {
        let fixture = try StoreFixture()
        try fixture.store([fixture.post("a", minutes: 1)])
        let page = try fixture.store.changes(siteId: fixture.site.id, since: nil, count: 10)
        #expect(page.changes.first?.post?.post.sourceId == "a")
        let id = try #require(page.changes.first?.flocklerId)
        _ = try fixture.store.apply(.hide, to: [id], siteId: fixture.site.id, keyId: try adminKeyId(fixture), now: fixture.start)
        let after = try fixture.store.changes(siteId: fixture.site.id, since: nil, count: 10).changes
        #expect(after.map(\.kind) == [.published, .unpublished])
        #expect(after.allSatisfy { $0.post == nil })
    }

    @Test("Walking the feed while posts arrive never skips or repeats a change", arguments: [1, 3, 7])
    func walkWhileArriving(count: Int) throws {
        let fixture = try StoreFixture()
        try fixture.store((0..<10).map { fixture.post("p\($0)", minutes: $0) })
        var cursor: Int64?
        var seen: [Int64] = []
        var added = 0
        for _ in 0..<200 {
            let page = try fixture.store.changes(siteId: fixture.site.id, since: cursor, count: count)
            seen += page.changes.map(\.id)
            cursor = page.next
            if added < 15 {
                added += 1
                try fixture.store([fixture.post("new\(added)", minutes: 100 + added)])
            } else if page.changes.isEmpty { break }
        }
        #expect(seen.count == 25)
        #expect(Set(seen).count == seen.count)
        #expect(seen == seen.sorted())
    }

    @Test("Other sites' changes never show; a cursor past retention is expired, one past every change is unknown")
    func retentionAndIsolation() throws {
        let fixture = try StoreFixture()
        try fixture.store([fixture.post("a", minutes: 1), fixture.post("b", minutes: 2)])
        let other = try fixture.store.createSite(name: "Other", now: fixture.start).site
        #expect(try fixture.store.changes(siteId: other.id, since: nil, count: 10).changes.isEmpty)
        let first = try #require(try fixture.store.changes(siteId: fixture.site.id, since: nil, count: 1).changes.first)
        #expect(try fixture.store.pruneChanges(before: Date().addingTimeInterval(3600)) == 2)
        #expect(throws: ChangeCursorError.self) { try fixture.store.changes(siteId: fixture.site.id, since: first.id - 1, count: 10) }
        let fresh = try fixture.store.changes(siteId: fixture.site.id, since: nil, count: 10)
        #expect(fresh.changes.isEmpty && fresh.next >= first.id)
        #expect(throws: ChangeCursorError.unknown) { try fixture.store.changes(siteId: fixture.site.id, since: 1_000_000, count: 10) }
    }
}
