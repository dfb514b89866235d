/// A YouTube channel or playlist feed (`/feeds/videos.xml`): an Atom feed whose entries
/// carry `yt:` and `media:` extension elements.
struct YouTubeFeedDocument: Sendable, Equatable {
    /// The entries in document order.
    var entries: [YouTubeEntry]

    /// Reads the feed's root element; nil when it is not an Atom `<feed>`.
    init?(root: XMLNode) {
        guard root.name == "feed" else { return nil }
        entries = root.children("entry").map(YouTubeEntry.init(node:))
    }
}

/// One `<entry>` of a YouTube feed, as written.
struct YouTubeEntry: Sendable, Equatable {
    /// `yt:videoId`.
    var videoId: String?
    /// `id` (`yt:video:ID`).
    var id: String?
    var title: String?
    /// `link[@rel=alternate]/@href`: `/watch?v=ID`, or `/shorts/ID` for a Short.
    var link: String?
    var authorName: String?
    var authorURI: String?
    var published: String?
    var updated: String?
    /// `media:group/media:description`, as written (line breaks kept).
    var description: String?
    /// `media:group/media:thumbnail/@url`.
    var thumbnailURL: String?

    /// Reads an `<entry>` element.
    init(node: XMLNode) {
        videoId = node.childText("videoId")
        id = node.childText("id")
        title = node.childText("title")
        link = node.children("link").first { ($0.attributes["rel"] ?? "alternate") == "alternate" }?.attributes["href"]
        authorName = node.descendant("author", "name")?.trimmedText
        authorURI = node.descendant("author", "uri")?.trimmedText
        published = node.childText("published")
        updated = node.childText("updated")
        let group = node.child("group")
        description = group?.child("description")?.text
        thumbnailURL = group?.child("thumbnail")?.attributes["url"]
    }

    /// The video id: `yt:videoId`, else `id` minus `yt:video:`.
    var resolvedVideoId: String? {
        if let videoId { return videoId }
        guard let id, id.hasPrefix("yt:video:") else { return nil }
        let rest = String(id.dropFirst("yt:video:".count))
        return rest.isEmpty ? nil : rest
    }
}
