import Foundation
import Testing
@testable import FeedFetchers

@Suite("Normalization rules of SPEC section 2")
struct FeedParserNormalizationTests {
    private func item(_ body: String, channel: String = "", namespaces: String = "", url: String? = nil) throws -> Post {
        let feed = try parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" \(namespaces)><channel>\(channel)<item>\(body)</item></channel></rss>
            """, url: url)
        return try #require(feed.posts.first)
    }

    @Test("A permalink guid is the link when there is none; isPermaLink=false is not")
    func guidAsLink() throws {
        #expect(try item("<guid>https://example.com/g</guid>").sourceUrl == "https://example.com/g")
        #expect(try item("<guid isPermaLink=\"false\">https://example.com/g</guid>").sourceUrl == nil)
    }

    @Test("A relative entry link resolves against --url; the body's relative URLs against the entry's link")
    func relativeLinks() throws {
        let post = try item("<link>/a/b</link><description>&lt;a href=\"c\"&gt;c&lt;/a&gt;&lt;img src=\"../i.png\"&gt;</description>",
                            url: "https://example.com/feed/rss.xml")
        #expect(post.sourceUrl == "https://example.com/a/b")
        #expect(post.textRich?.contains("https://example.com/a/c") == true)
        #expect(post.images.map(\.url) == ["https://example.com/i.png"])
    }

    @Test("javascript: links never become sourceUrl")
    func unsafeLink() throws {
        #expect(try item("<link>javascript:alert(1)</link>").sourceUrl == nil)
    }

    @Test("Author precedence: author, then dc:creator, then itunes:author, then the feed's")
    func authorPrecedence() throws {
        #expect(try item("<itunes:author>I</itunes:author><dc:creator>D</dc:creator>").from.name == "D")
        #expect(try item("<dc:creator>D</dc:creator><author>jo@example.com (Jo)</author>").from.name == "Jo")
        #expect(try item("<title>x</title>", channel: "<itunes:author>Show</itunes:author>").from.name == "Show")
    }

    @Test("Images: media:content, media:thumbnail, image enclosures, then body images, each once")
    func images() throws {
        let post = try item("""
            <enclosure url="https://e.com/enc.jpg" type="image/jpeg" length="1"/>
            <media:content url="https://e.com/m.jpg" medium="image"/><media:thumbnail url="https://e.com/t.jpg"/>
            <description>&lt;img src="https://e.com/m.jpg"&gt;&lt;img src="https://e.com/b.png" alt="B"&gt;</description>
            """)
        #expect(post.images == [PostImage(url: "https://e.com/m.jpg"), PostImage(url: "https://e.com/t.jpg"),
                                PostImage(url: "https://e.com/enc.jpg"), PostImage(url: "https://e.com/b.png", altText: "B")])
        #expect(post.postType == .image)
    }

    @Test("Videos: video enclosures and media as files, media:group, embedded players, video page links")
    func videos() throws {
        let post = try item("""
            <link>https://www.youtube.com/watch?v=abc</link>
            <enclosure url="https://e.com/v.mp4" type="video/mp4" length="1"/>
            <media:group><media:content url="https://e.com/g.webm" type="video/webm"/><media:thumbnail url="https://e.com/g.jpg"/></media:group>
            <description>&lt;iframe src="https://www.youtube.com/embed/abc"&gt;&lt;/iframe&gt;</description>
            """)
        #expect(post.videos == [PostVideo(type: .file, url: "https://e.com/v.mp4"), PostVideo(type: .file, url: "https://e.com/g.webm"),
                                PostVideo(type: .iframe, url: "https://www.youtube.com/embed/abc"),
                                PostVideo(type: .link, url: "https://www.youtube.com/watch?v=abc")])
        #expect(post.images.map(\.url) == ["https://e.com/g.jpg"])
        #expect(post.postType == .video)
    }

    @Test("Audio enclosures are neither images nor videos")
    func audio() throws {
        let post = try item("<enclosure url=\"https://e.com/a.mp3\" type=\"audio/mpeg\" length=\"1\"/>")
        #expect(post.images.isEmpty && post.videos.isEmpty)
    }

    @Test("Tags: categories first, then hashtags, each once case-insensitively, first spelling kept")
    func tags() throws {
        let post = try item("<title>#Launch day</title><category>launch</category><description>We #ship it, #Ship it</description>")
        #expect(post.tags == ["launch", "ship"])
    }

    @Test("Titles: entities decoded, markup removed, whitespace collapsed")
    func titles() throws {
        #expect(try item("<title>  A &amp;amp; B\n <![CDATA[<em>C</em>]]>  </title>").title == "A & B C")
    }

    @Test("HTML named entities inside XML are recovered")
    func htmlEntities() throws {
        let post = try item("<title>caf&eacute;&nbsp;bar&hellip;</title>")
        #expect(post.title == "café\u{A0}bar…" || post.title == "café bar…")
    }

    @Test("Block elements become blank-line separated paragraphs in textPlain")
    func plainTextLayout() throws {
        let post = try item("<description>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two   words&lt;br&gt;next&lt;/p&gt;</description>")
        #expect(post.textPlain == "One\n\nTwo words\nnext")
    }

    @Test("An entry without any body has null textRich and textPlain")
    func noBody() throws {
        let post = try item("<title>x</title>")
        #expect(post.textRich == nil && post.textPlain == nil)
    }
}
