/// A Pinterest board or profile RSS feed (a Django `Rss201rev2Feed`, all on one line).
struct PinterestFeedDocument: Sendable, Equatable {
    /// `channel/title`: the board's title, or the profile's name.
    var title: String?
    /// The items in document order (the newest 25 pins).
    var items: [PinterestItem]

    /// Reads the root element; nil when it is not an RSS `<rss><channel>`.
    init?(root: XMLNode) {
        guard root.name == "rss", let channel = root.child("channel") else { return nil }
        title = channel.childText("title")
        items = channel.children("item").map(PinterestItem.init(node:))
    }
}

/// One `<item>` of a Pinterest feed, as written.
struct PinterestItem: Sendable, Equatable {
    var title: String?
    var link: String?
    /// Escaped HTML: `<a href="/pin/ID/"><img src="…/236x/…jpg"></a>CAPTION`, the caption
    /// itself HTML (so `“` arrives as `&amp;#8220;` in the XML).
    var description: String?
    var pubDate: String?
    /// `https://www.pinterest.com/pin/{id}/`.
    var guid: String?

    /// Reads an `<item>` element.
    init(node: XMLNode) {
        title = node.childText("title")
        link = node.childText("link")
        description = node.child("description")?.text
        pubDate = node.childText("pubDate")
        guid = node.childText("guid")
    }
}
