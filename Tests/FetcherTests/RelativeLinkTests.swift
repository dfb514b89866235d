import Foundation
import Testing
@testable import FeedFetchers

/// Relative URLs resolve against xml:base (innermost), else the entry's own link, else the
/// feed's site or address (SPEC §2: absolute); with no absolute base they are left out.
@Suite("Relative links")
struct RelativeLinkTests {
    private func rss(_ item: String, channel: String = "", url: String? = nil) throws -> Post {
        let feed = try parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>c</title>\(channel)<item>\(item)</item></channel></rss>
            """, url: url)
        return try #require(feed.posts.first)
    }

    private let body = "<description>&lt;img src=\"/img/a.png\"&gt;&lt;a href=\"next/\"&gt;n&lt;/a&gt;</description>"

    @Test("With no document URL, body URLs resolve against the entry's own link")
    func entryLinkWithoutDocumentURL() throws {
        let post = try rss("<link>https://blog.example.com/2024/05/post/</link>" + body)
        #expect(post.images.map(\.url) == ["https://blog.example.com/img/a.png"])
        #expect(post.textRich?.contains("href=\"https://blog.example.com/2024/05/post/next/\"") == true)
    }

    @Test("A feed hosted elsewhere resolves bodies against the entry's link, not the feed host")
    func feedHostedElsewhere() throws {
        let post = try rss("<link>https://blog.example.com/2024/05/post/</link>" + body, url: "https://feeds.host.example/blog")
        #expect(post.images.map(\.url) == ["https://blog.example.com/img/a.png"])
        #expect(post.textRich?.contains("feeds.host.example") == false)
    }

    @Test("A relative entry link resolves against the feed's site link before the feed's own address")
    func relativeEntryLink() throws {
        let post = try rss("<link>/p/1</link>", channel: "<link>https://blog.example.com/</link>", url: "https://feeds.host.example/blog")
        #expect(post.sourceUrl == "https://blog.example.com/p/1")
        #expect(try rss("<link>/p/1</link>", url: "https://example.com/feed.xml").sourceUrl == "https://example.com/p/1")
    }

    @Test("xml:base, innermost first, wins over the entry's link")
    func xmlBaseFirst() throws {
        let post = try rss("""
            <link>https://blog.example.com/p/1</link>\
            <description xml:base="https://cdn.example.com/base/">&lt;img src="a.png"&gt;</description>\
            <media:content url="m.jpg" medium="image"/>
            """)
        #expect(post.images.map(\.url) == ["https://blog.example.com/p/m.jpg", "https://cdn.example.com/base/a.png"])
    }

    @Test("Atom: the entry's link counts even when it comes after the content; a relative xml:base resolves against it")
    func atomLinkAfterContent() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>
            <entry><title>a</title><content type="html">&lt;img src="i.png"&gt;</content><link href="https://blog.example.com/p/2"/></entry>
            <entry xml:base="/sub/"><title>b</title><link href="https://blog.example.com/p/3"/>\
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><img src="j.png"/><p xml:base="deeper/"><img src="k.png"/></p></div></content></entry>
            </feed>
            """)
        #expect(feed.posts.map { $0.images.map(\.url) } == [
            ["https://blog.example.com/p/i.png"],
            ["https://blog.example.com/sub/j.png", "https://blog.example.com/sub/deeper/k.png"],
        ])
    }

    @Test("With no absolute base at all, relative URLs are left out; scheme-relative ones become https")
    func noBaseAtAll() throws {
        let post = try rss("<link>/p/1</link><description>&lt;img src=\"/a.png\"&gt;&lt;img src=\"//cdn.example.com/b.png\"&gt;</description>")
        #expect(post.sourceUrl == nil)
        #expect(post.images.map(\.url) == ["https://cdn.example.com/b.png"])
        #expect(post.textRich?.contains("\"/a.png\"") == false)
    }

    @Test("JSON Feed: a relative item url resolves against home_page_url, its HTML against the item's url")
    func jsonFeed() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "j", "home_page_url": "https://blog.example.com/",
             "feed_url": "https://feeds.host.example/blog.json",
             "items": [{"id": "1", "url": "/p/1/", "content_html": "<img src=\\"a.png\\">"}]}
            """)
        #expect(feed.posts.first?.sourceUrl == "https://blog.example.com/p/1/")
        #expect(feed.posts.first?.images.map(\.url) == ["https://blog.example.com/p/1/a.png"])
    }
}
