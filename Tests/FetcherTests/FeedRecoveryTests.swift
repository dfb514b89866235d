import Foundation
import Testing
@testable import FeedFetchers

/// Broken markup is read as browsers and feed readers read it (SPEC §2): every other entry
/// still comes out, and the broken one as far as it can be read.
@Suite("Recovery from broken markup")
struct FeedRecoveryTests {
    /// One broken entry between two good ones, with what it should still give.
    struct BrokenEntry: Sendable, CustomTestStringConvertible {
        var label: String
        var markup: String
        var title: String
        var text: String?
        /// Whether the item's own end tag is written.
        var closed = true
        var testDescription: String { label }
    }

    static let rssEntries: [BrokenEntry] = [
        BrokenEntry(label: "unclosed <b> in description", markup: "<title>Second</title><description>Hello <b>bold</description>",
                    title: "Second", text: "Hello bold"),
        BrokenEntry(label: "unclosed <title>", markup: "<title>Second<link>https://example.com/2</link><description>Body two</description>",
                    title: "Second", text: "Body two"),
        BrokenEntry(label: "unclosed <i> in title", markup: "<title><i>Second</title><description>Body two</description>",
                    title: "Second", text: "Body two"),
        BrokenEntry(label: "unclosed <p><i> in content:encoded",
                    markup: "<title>Second</title><content:encoded><p>Para <i>one</content:encoded>",
                    title: "Second", text: "Para one"),
        BrokenEntry(label: "mismatched end tags", markup: "<title>Second</title><description><b><i>x</b></i> tail</p></description>",
                    title: "Second", text: "x tail"),
        BrokenEntry(label: "unclosed description before pubDate",
                    markup: "<title>Second</title><description>Body <em>two<pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>",
                    title: "Second", text: "Body two"),
        BrokenEntry(label: "item never closed", markup: "<title>Second</title><description>Body two</description><guid>g2</guid>",
                    title: "Second", text: "Body two", closed: false),
        BrokenEntry(label: "upper-case end tag", markup: "<title>Second</title><description><B>Body</b> two</description>",
                    title: "Second", text: "Body two"),
        BrokenEntry(label: "a bare < in raw HTML", markup: "<title>Second</title><description>if a < b then <b>c</b></description>",
                    title: "Second", text: "if a < b then c"),
        BrokenEntry(label: "the channel and the root closed early", markup: "<title>Second</title></channel></rss>",
                    title: "Second", text: nil),
        BrokenEntry(label: "unclosed <title> inside an unclosed item", markup: "<title>Second", title: "Second", text: nil,
                    closed: false),
    ]

    private func rss(_ middle: String, closed: Bool = true) -> String {
        """
        <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>c</title>
        <item><title>First</title><description>One</description></item>
        <item>\(middle)\(closed ? "</item>" : "")
        <item><title>Third</title><description>Three</description></item>
        </channel></rss>
        """
    }

    @Test("A broken RSS item leaves every other item and keeps what it can", arguments: rssEntries)
    func brokenRSSItem(_ broken: BrokenEntry) throws {
        let feed = try parse(rss(broken.markup, closed: broken.closed))
        #expect(feed.posts.map(\.title) == ["First", broken.title, "Third"])
        if let text = broken.text { #expect(feed.posts.dropFirst().first?.textPlain?.contains(text) == true) }
        #expect(feed.posts.last?.textPlain == "Three")
    }

    @Test("An unclosed title keeps the item's link and date")
    func unclosedTitleKeepsSiblings() throws {
        let feed = try parse(rss("<title>Second<link>https://example.com/2</link><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>"))
        let post = try #require(feed.posts.dropFirst().first)
        #expect(post.title == "Second")
        #expect(post.sourceUrl == "https://example.com/2")
        #expect(post.publishedAt != nil)
    }

    @Test("Broken Atom entries: unclosed XHTML, unclosed inline tags in html-typed text, unclosed title")
    func brokenAtomEntries() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>
            <entry><title>First</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <b>one</div></content></entry>
            <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><i>Second</div></title><summary>Two</summary></entry>
            <entry><title>Third<summary>Three</summary><link href="https://example.com/3"/></entry>
            <entry><title>Fourth</title><summary>Four</summary></entry>
            </feed>
            """)
        #expect(feed.posts.map(\.title) == ["First", "Second", "Third", "Fourth"])
        #expect(feed.posts.first?.textPlain == "Para one")
        #expect(feed.posts.dropFirst(2).first?.sourceUrl == "https://example.com/3")
    }

    @Test("HTML void elements and unquoted attributes in a raw description are read as HTML")
    func rawHTMLDescription() throws {
        let lines = String(repeating: "line<br>", count: 300)
        let feed = try parse(rss("<title>Second</title><description>\(lines)<img src=https://example.com/a.png alt=A> end</description>"))
        let post = try #require(feed.posts.dropFirst().first)
        #expect(post.images.map(\.url) == ["https://example.com/a.png"])
        #expect(post.textPlain?.hasSuffix("end") == true)
        #expect(post.textPlain?.contains("a.png") == false)
        #expect(feed.posts.count == 3)
    }

    @Test("A document cut off mid-entry still gives that entry")
    func truncatedDocument() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>First</title></item><item><title>Second</title><description>Cut he")
        #expect(feed.posts.map(\.title) == ["First", "Second"])
        #expect(feed.posts.last?.textPlain == "Cut he")
    }

    @Test("A well-formed document passes through the balancer untouched")
    func wellFormedUntouched() {
        let document = Array("""
            <rss version="2.0"><channel><item><title>a</title><description><![CDATA[<b>x]]></description>\
            <media:group xmlns:media="http://search.yahoo.com/mrss/"><media:content url="u"><media:description>d</media:description>\
            </media:content></media:group><itunes:category text="a"><itunes:category text="b"/></itunes:category></item></channel></rss>
            """.utf8)
        #expect(TagBalancer.balanced(document) == nil)
    }
}
