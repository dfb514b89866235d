import Foundation
import Testing
@testable import FeedFetchers

/// Parses an inline document.
func parse(_ document: String, url: String? = nil) throws -> ParsedFeed {
    try FeedParser.parse(Array(document.utf8), url: url)
}

@Suite("Feed formats")
struct FeedParserFormatTests {
    @Test("RSS 2.0: feed fields and one item with every common element")
    func rss20() throws {
        let feed = try parse("""
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Example &amp; Co</title><link>https://example.com/</link>
            <description>All the &lt;b&gt;news&lt;/b&gt;</description><language>en-us</language><ttl>30</ttl>
            <image><url>https://example.com/logo.png</url><title>x</title><link>https://example.com/</link></image>
            <item><title>First post</title><link>https://example.com/1</link><guid isPermaLink="false">id-1</guid>
            <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>
            <category>News</category><category>news</category>
            <description>Short</description>
            <content:encoded><![CDATA[<p>Hello <b>world</b> #swift</p><script>alert(1)</script>]]></content:encoded>
            </item></channel></rss>
            """)
        #expect(feed.info == FeedInfo(format: .rss20, title: "Example & Co", link: "https://example.com/",
                                      description: "All the news", language: "en-us",
                                      imageUrl: "https://example.com/logo.png", ttlMinutes: 30))
        let post = try #require(feed.posts.first)
        #expect(post.channel == "rss")
        #expect(post.sourceId == "id-1")
        #expect(post.sourceUrl == "https://example.com/1")
        #expect(post.title == "First post")
        #expect(post.textRich?.contains("<b>world</b>") == true)
        #expect(post.textRich?.contains("script") == false)
        #expect(post.textPlain == "Hello world #swift")
        #expect(post.publishedAt.map(FeedDate.isoString) == "2003-06-10T04:00:00.000Z")
        #expect(post.from.name == "Jane Doe")
        #expect(post.tags == ["News", "swift"])
        #expect(post.postType == .link)
    }

    @Test("RSS 0.91 is reported as rss0.9x")
    func rss091() throws {
        let feed = try parse(#"<rss version="0.91"><channel><title>T</title><item><title>A</title></item></channel></rss>"#)
        #expect(feed.info.format == .rss09x)
        #expect(feed.posts.map(\.title) == ["A"])
        #expect(feed.posts.first?.postType == .text)
    }

    @Test("RSS 1.0 (RDF): items beside the channel, rdf:about as the fallback id, dc:date")
    func rss10() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://example.org/"><title>RDF</title><link>https://example.org/</link>
            <description>d</description><dc:language>de</dc:language></channel>
            <item rdf:about="https://example.org/a"><title>A</title><link>https://example.org/a</link>
            <dc:date>2023-01-25T19:03:02+01:00</dc:date><dc:subject>Tech</dc:subject></item>
            </rdf:RDF>
            """)
        #expect(feed.info.format == .rss10)
        #expect(feed.info.language == "de")
        let post = try #require(feed.posts.first)
        #expect(post.sourceId == "https://example.org/a")
        #expect(post.publishedAt.map(FeedDate.isoString) == "2023-01-25T18:03:02.000Z")
        #expect(post.tags == ["Tech"])
    }

    @Test("RSS 0.90 namespace is rss0.9x")
    func rss090() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>Old</title><link>http://example.com/</link></channel>
            <item><title>One</title><link>http://example.com/1</link></item></rdf:RDF>
            """)
        #expect(feed.info.format == .rss09x)
        #expect(feed.posts.first?.sourceUrl == "http://example.com/1")
    }

    @Test("Atom 1.0: alternate link, author with uri, html and xhtml content, categories")
    func atom10() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
            <title type="html">A &amp;lt;b&amp;gt;feed</title><subtitle>Sub</subtitle>
            <link rel="self" href="https://example.com/feed.atom"/><link href="https://example.com/"/>
            <logo>https://example.com/logo.png</logo>
            <author><name>Feed Author</name></author>
            <entry><id>urn:1</id><title>One</title><link rel="alternate" type="text/html" href="https://example.com/1"/>
            <link rel="enclosure" type="audio/mpeg" href="https://example.com/1.mp3"/>
            <published>2020-12-22T19:15:01Z</published><updated>2021-01-01T00:00:00Z</updated>
            <author><name>Ann</name><uri>https://example.com/ann</uri></author>
            <category term="rust" label="Rust"/>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="/x">there</a> &amp; more</p></div></content>
            </entry>
            <entry><id>urn:2</id><title>Two</title><summary type="html">&lt;p&gt;Sum&lt;/p&gt;</summary></entry>
            </feed>
            """, url: "https://example.com/feed.atom")
        #expect(feed.info.format == .atom10)
        #expect(feed.info.title == "A <b>feed")
        #expect(feed.info.link == "https://example.com/")
        #expect(feed.info.language == "en")
        #expect(feed.info.imageUrl == "https://example.com/logo.png")
        let first = try #require(feed.posts.first)
        #expect(first.sourceUrl == "https://example.com/1")
        #expect(first.from == PostAuthor(name: "Ann", profileUrl: "https://example.com/ann"))
        #expect(first.tags == ["rust"])
        #expect(first.textRich?.contains("href=\"https://example.com/x\"") == true)
        #expect(first.textRich?.contains("<div") == false)
        #expect(first.textPlain == "Hi there & more")
        #expect(first.publishedAt.map(FeedDate.isoString) == "2020-12-22T19:15:01.000Z")
        let second = try #require(feed.posts.last)
        #expect(second.from.name == "Feed Author")
        #expect(second.textPlain == "Sum")
        #expect(second.sourceUrl == nil)
        #expect(second.postType == .text)
    }

    @Test("Atom 0.3: issued date, escaped mode content, tagline")
    func atom03() throws {
        let feed = try parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><tagline>Tag</tagline>
            <entry><title>E</title><issued>2003-12-13T18:30:02Z</issued><modified>2003-12-14T00:00:00Z</modified>
            <content type="text/html" mode="escaped">&lt;i&gt;hi&lt;/i&gt;</content></entry></feed>
            """)
        #expect(feed.info.format == .atom03)
        #expect(feed.info.description == "Tag")
        #expect(feed.posts.first?.textRich == "<i>hi</i>")
        #expect(feed.posts.first?.publishedAt.map(FeedDate.isoString) == "2003-12-13T18:30:02.000Z")
    }

    @Test("Only an updated date: publishedAt falls back to it")
    func updatedFallback() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><updated>2021-05-22T11:51:41.240Z</updated></entry></feed>
            """)
        #expect(feed.posts.first?.publishedAt.map(FeedDate.isoString) == "2021-05-22T11:51:41.240Z")
    }

    @Test("A missing or unreadable date is null, never now")
    func missingDate() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>A</title><pubDate>someday</pubDate></item><item><title>B</title></item></channel></rss>")
        #expect(feed.posts.map(\.publishedAt) == [nil, nil])
    }

    @Test("JSON Feed 1.1: items, authors with avatar, tags, image and attachments")
    func jsonFeed() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JF", "home_page_url": "https://example.org/",
             "icon": "https://example.org/icon.png", "language": "en",
             "authors": [{"name": "Feed Person", "avatar": "https://example.org/a.png"}],
             "items": [{"id": 42, "url": "https://example.org/p/1", "title": "Hello",
                        "content_html": "<p>Hi <img src='/i.png' alt='I'></p>", "date_published": "2020-01-24T18:46:57-05:00",
                        "tags": ["a", "A", "b"], "image": "https://example.org/cover.jpg",
                        "attachments": [{"url": "https://example.org/v.mp4", "mime_type": "video/mp4"}]},
                       {"id": "2", "content_text": "Plain #note\\n\\nSecond para"}]}
            """)
        #expect(feed.info == FeedInfo(format: .jsonFeed1, title: "JF", link: "https://example.org/", language: "en",
                                      imageUrl: "https://example.org/icon.png"))
        let first = try #require(feed.posts.first)
        #expect(first.sourceId == "42")
        #expect(first.tags == ["a", "b"])
        #expect(first.images.map(\.url) == ["https://example.org/cover.jpg", "https://example.org/i.png"])
        #expect(first.videos == [PostVideo(type: .file, url: "https://example.org/v.mp4")])
        #expect(first.postType == .video)
        #expect(first.from == PostAuthor(name: "Feed Person", profileImageUrl: "https://example.org/a.png"))
        #expect(first.publishedAt.map(FeedDate.isoString) == "2020-01-24T23:46:57.000Z")
        let second = try #require(feed.posts.last)
        #expect(second.textPlain == "Plain #note\n\nSecond para")
        #expect(second.tags == ["note"])
    }

    @Test("Not a feed: an HTML page, plain text, JSON that is no JSON Feed, an empty file", arguments: [
        "<html><body>hi</body></html>", "just words", "{\"a\": 1}", "", "   \n",
    ])
    func notAFeed(_ document: String) {
        #expect(throws: FeedParseError.self) { try parse(document) }
    }
}
