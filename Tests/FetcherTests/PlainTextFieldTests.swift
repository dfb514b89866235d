import Foundation
import Testing
@testable import FeedFetchers

/// `title`, `from.name` and tags are plain text: markup removed, entities decoded once
/// (SPEC §2), whatever the format and however the source escaped the markup.
@Suite("Plain-text fields")
struct PlainTextFieldTests {
    private let hostile = "&lt;img src=x onerror=alert(1)&gt;Title"

    @Test("RSS titles, author names and categories lose escaped markup")
    func rss() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>\(hostile)</title>
            <item><title>\(hostile)</title><dc:creator>&lt;b onclick="x()"&gt;Jo&lt;/b&gt; Doe</dc:creator>
            <category>&lt;i&gt;news&lt;/i&gt;</category><category>&lt;img src=x onerror=alert(1)&gt;</category></item>
            <item><title>b</title><author>jo@example.com (&lt;b&gt;Jo&lt;/b&gt;)</author></item>
            </channel></rss>
            """)
        #expect(feed.info.title == "Title")
        #expect(feed.posts.first?.title == "Title")
        #expect(feed.posts.first?.from.name == "Jo Doe")
        #expect(feed.posts.first?.tags == ["news"])
        #expect(feed.posts.last?.from.name == "Jo")
    }

    @Test("Atom html and xhtml titles and author names lose markup; entities are decoded once; text titles are literal")
    func atom() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">\(hostile)</title>
            <entry><title type="html">\(hostile)</title><author><name>&lt;img src=x onerror=alert(1)&gt;Jo</name></author>
            <category term="&lt;b&gt;news&lt;/b&gt;"/></entry>
            <entry><title type="html">&lt;b&gt;AT&amp;amp;T&lt;/b&gt; &amp;lt;3</title></entry>
            <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/>Title</div></title></entry>
            <entry><title type="text">History of the &lt;blink&gt; tag: AT&amp;amp;T, a &lt; b &amp; c</title></entry>
            </feed>
            """)
        #expect(feed.info.title == "Title")
        #expect(feed.posts.map(\.title) == ["Title", "AT&T <3", "Title", "History of the <blink> tag: AT&amp;T, a < b & c"])
        #expect(feed.posts.first?.from.name == "Jo")
        #expect(feed.posts.first?.tags == ["news"])
    }

    @Test("JSON Feed titles, author names and tags lose markup")
    func jsonFeed() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "<b>Feed</b>",
             "items": [{"id": "1", "title": "<img src=x onerror=alert(1)>Title", "authors": [{"name": "<i>Jo</i>"}],
                        "tags": ["<b>news</b>", "<img src=x>"], "content_text": "t"}]}
            """)
        #expect(feed.info.title == "Feed")
        #expect(feed.posts.first?.title == "Title")
        #expect(feed.posts.first?.from.name == "Jo")
        #expect(feed.posts.first?.tags == ["news"])
    }

    @Test("The shared helper: markup out, entities untouched, white space collapsed, nil when nothing is left")
    func helper() {
        #expect(PlainTextRenderer.line("  <b>Kettle</b>\n &amp; <i>Crow</i> ") == "Kettle &amp; Crow")
        #expect(PlainTextRenderer.line("a < b, c > d") == "a < b, c > d")
        #expect(PlainTextRenderer.line("<img src=x onerror=alert(1)>") == nil)
        #expect(PlainTextRenderer.line(nil) == nil)
    }
}
