import FeedFetchers
import Foundation
import GRDB
import Moderation
import Testing
@testable import Aggregator

@Suite("The schema on the system SQLite")
struct SchemaIntegrityTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// A fresh folder for a database file, removed by the caller's `defer`.
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roost-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Fills a store with what every table holds in use: posts with tags, edited tags,
    /// history, rules and a connection.
    private func populate(_ store: SQLiteStore) throws {
        let site = try store.createSite(name: "s", now: now).site
        let section = try store.section(siteId: site.id, named: "default", now: now)
        let feed = try store.createFeed(NewFeed(siteId: site.id, sectionId: section.id, name: "f", service: .rss,
                                                attributes: ["url": .string("https://example.com/feed")], moderationType: .savedToInbox),
                                        now: now)
        let posts = (1...20).map { index in
            Post(channel: "rss", sourceId: "p\(index)", sourceUrl: "https://example.com/\(index)", title: "Post \(index)",
                 publishedAt: now.addingTimeInterval(Double(index) * 60), tags: ["coffee", "tag\(index % 3)"])
        }
        try store.upsertPosts(posts, feed: feed, now: now) { _ in Decision(state: .inbox, decidedBy: .auto) }
        let stored = try store.posts(PostQuery(siteId: site.id, state: .inbox, count: 5)).posts.map(\.flocklerId)
        _ = try store.apply(.tags(["edited", "Coffee"]), to: stored, siteId: site.id, keyId: 1, now: now)
        _ = try store.apply(.publish, to: stored, siteId: site.id, keyId: 1, now: now)
        try store.saveRuleSet(siteId: site.id, RuleSet(rules: [Rule(id: "s", action: .hide, kind: .spam(threshold: Rule.defaultSpamThreshold))]), keyId: 1, now: now)
        _ = try store.createConnection(NewConnection(siteId: site.id, service: .vimeo, name: nil, credentials: ["access_token": "t"]),
                                       now: now)
    }

    @Test("integrity_check answers ok on a fresh database and on one in use, on disk and in memory")
    func freshAndPopulated() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("roost.sqlite").path)
        #expect(try store.integrityCheck() == "ok")
        try populate(store)
        #expect(try store.integrityCheck() == "ok")

        let memory = try SQLiteStore.inMemory()
        #expect(try memory.integrityCheck() == "ok")
        try populate(memory)
        #expect(try memory.integrityCheck() == "ok")
    }

    @Test("A database in the layout before v4 is rebuilt on open: integrity_check turns ok and every tag is kept")
    func migratesEarlierLayout() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("roost.sqlite").path
        let siteUUID = "5b0c7f6e-0000-4000-8000-000000000001"
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator().migrate(queue, upTo: "v3: platform connections, explicit post types")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO sites (id, uuid, name, created_at) VALUES (1, ?, 's', 0);
                    INSERT INTO sections (id, uuid, site_id, name, created_at) VALUES (1, 'c1', 1, 'default', 0);
                    """, arguments: [siteUUID])
                for id in 1...3 {
                    try db.execute(sql: """
                        INSERT INTO posts (id, site_id, section_id, channel, dedupe_key, content_hash, title, tags, images, videos,
                                           attachments, state, order_key, created_at, updated_at)
                        VALUES (?, 1, 1, 'rss', ?, 'h', ?, '["coffee"]', '[]', '[]', '[]', 'published', ?, 0, 0)
                        """, arguments: [id, "k\(id)", "Post \(id)", id])
                    try db.execute(sql: "INSERT INTO post_tags (post_id, site_id, tag) VALUES (?, 1, 'coffee')", arguments: [id])
                }
            }
            // The defect this migration repairs, as Debian 12's SQLite 3.40 reports it.
            let before = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            if before != ["ok"] { #expect(before.allSatisfy { $0.contains("post_tags.site_id") }) }
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.integrityCheck() == "ok")
        let site = try #require(try store.site(uuid: siteUUID))
        let tagged = try store.posts(PostQuery(siteId: site.id, count: 10, tags: ["coffee"])).posts
        #expect(tagged.map(\.flocklerId).sorted() == [1, 2, 3])
    }
}
