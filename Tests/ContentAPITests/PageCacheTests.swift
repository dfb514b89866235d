import NIOCore
import Testing
@testable import ContentAPI

@Suite("Page cache")
struct PageCacheTests {
    private let page = PageCache.Page(body: ByteBuffer(string: "{}"), etag: "W/\"1\"")

    @Test("A page is served while the site's counter is unchanged, and never after it changes")
    func counter() {
        let cache = PageCache(enabled: true, lifetime: .seconds(60))
        cache.store(page, key: "k", counter: 1)
        #expect(cache.page("k", counter: 1)?.etag == page.etag)
        #expect(cache.page("k", counter: 2) == nil)
    }

    @Test("An expired page sends one caller to render while the others are served the old copy")
    func noStampede() {
        let cache = PageCache(enabled: true, lifetime: .zero)
        cache.store(page, key: "k", counter: 1)
        #expect(cache.page("k", counter: 1) == nil, "the first caller refreshes")
        #expect(cache.page("k", counter: 1)?.etag == page.etag, "the others get the old page meanwhile")
    }

    @Test("A disabled cache keeps nothing")
    func disabled() {
        let cache = PageCache(enabled: false)
        cache.store(page, key: "k", counter: 1)
        #expect(cache.page("k", counter: 1) == nil)
    }

    @Test("Entity tags differ when bodies differ, by content and by length")
    func tags() {
        #expect(EntityTag.of(Array("abc".utf8)) != EntityTag.of(Array("abd".utf8)))
        #expect(EntityTag.of(Array("12345678".utf8)) != EntityTag.of(Array("123456780".utf8)))
        #expect(EntityTag.of(Array("same".utf8)) == EntityTag.of(Array("same".utf8)))
    }
}
