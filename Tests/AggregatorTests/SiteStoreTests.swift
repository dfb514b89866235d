import Aggregator
import Foundation
import Moderation
import Testing

@Suite("Sites, keys, sections and feeds")
struct SiteStoreTests {
    @Test("Keys are stored hashed and authenticate to their site and scope")
    func keys() throws {
        let store = try SQLiteStore.inMemory()
        let (site, admin) = try store.createSite(name: "S", now: Date())
        let read = try store.createKey(siteId: site.id, scope: .read, now: Date())
        #expect(try store.authenticate(secret: admin)?.scope == .admin)
        #expect(try store.authenticate(secret: read)?.scope == .read)
        #expect(try store.authenticate(secret: read)?.siteUUID == site.uuid)
        #expect(try store.authenticate(secret: "rk_nope") == nil)
        #expect(try store.authenticate(secret: "") == nil)
        #expect(admin.hasPrefix("rk_") && admin.count == 67)
    }

    @Test("A section is found by id, UUID or name, and created by name once")
    func sections() throws {
        let store = try SQLiteStore.inMemory()
        let site = try store.createSite(name: "S", now: Date()).site
        let made = try store.section(siteId: site.id, named: "News", now: Date())
        #expect(try store.section(siteId: site.id, named: "News", now: Date()) == made)
        #expect(try store.section(siteId: site.id, idOrUUID: String(made.id)) == made)
        #expect(try store.section(siteId: site.id, idOrUUID: made.uuid) == made)
        let other = try store.createSite(name: "O", now: Date()).site
        #expect(try store.section(siteId: other.id, idOrUUID: made.uuid) == nil)
    }

    @Test("Feeds: create, list by service and order, update, due, delete")
    func feeds() throws {
        let store = try SQLiteStore.inMemory()
        let site = try store.createSite(name: "S", now: Date()).site
        let section = try store.section(siteId: site.id, named: "default", now: Date())
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        let a = try store.createFeed(NewFeed(siteId: site.id, sectionId: section.id, name: "a", service: .rss,
                                             attributes: ["url": .string("https://a.example/feed")], moderationType: .autoPublish), now: t0)
        let b = try store.createFeed(NewFeed(siteId: site.id, sectionId: section.id, name: nil, service: .rss,
                                             attributes: ["url": .string("https://b.example/feed"), "x": .bool(true)],
                                             moderationType: .savedToInbox), now: t0.addingTimeInterval(1))
        #expect(try store.feeds(siteId: site.id, order: .asc, services: []).map(\.id) == [a.id, b.id])
        #expect(try store.feeds(siteId: site.id, order: .desc, services: [.rss]).map(\.id) == [b.id, a.id])
        #expect(try store.feeds(siteId: site.id, order: .desc, services: [.youtube]).isEmpty)
        #expect(try store.feed(siteId: site.id, idOrUUID: b.uuid)?.attributes == ["url": .string("https://b.example/feed"), "x": .bool(true)])
        let changed = try store.updateFeed(id: a.id, FeedChanges(name: .some("renamed"), enabled: false), now: t0)
        #expect(changed?.name == "renamed" && changed?.enabled == false)
        #expect(try store.dueFeeds(now: t0, limit: 10).map(\.id) == [b.id])
        #expect(try store.deleteFeed(id: b.id))
        #expect(try store.feed(siteId: site.id, idOrUUID: String(b.id)) == nil)
    }
}
