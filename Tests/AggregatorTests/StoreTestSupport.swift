import Aggregator
import FeedFetchers
import Foundation
import Moderation

/// A store in memory with one site, one section and one feed.
struct StoreFixture {
    let store: SQLiteStore
    let site: Site
    let feed: Feed
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    init(moderation: ModerationType = .autoPublish) throws {
        store = try SQLiteStore.inMemory()
        site = try store.createSite(name: "Test", now: start).site
        let section = try store.section(siteId: site.id, named: "default", now: start)
        feed = try store.createFeed(NewFeed(siteId: site.id, sectionId: section.id, name: "f", service: .rss,
                                            attributes: ["url": .string("https://example.com/feed")], moderationType: moderation),
                                    now: start)
    }

    /// A post published `minutes` after the start.
    func post(_ id: String, minutes: Int, tags: [String] = [], title: String? = nil) -> Post {
        Post(channel: "rss", sourceId: id, sourceUrl: "https://example.com/\(id)", title: title ?? "Post \(id)",
             publishedAt: start.addingTimeInterval(Double(minutes) * 60), tags: tags)
    }

    /// Stores posts as published.
    @discardableResult
    func store(_ posts: [Post]) throws -> UpsertSummary {
        try store.upsertPosts(posts, feed: feed, now: start, decide: { _ in Decision(state: .published, decidedBy: .auto) })
    }

    /// Every post of a walk from the first page along `older` links.
    func walk(_ query: PostQuery, between: (() throws -> Void)? = nil) throws -> [String] {
        var seen: [String] = []
        var page = try store.posts(query)
        seen += page.posts.compactMap(\.post.sourceId)
        while let older = page.older {
            try between?()
            var next = query
            next.cursor = older
            page = try store.posts(next)
            seen += page.posts.compactMap(\.post.sourceId)
        }
        return seen
    }
}
