/// Flickr's public photo feed (`photos_public.gne`) in its Atom form, the one the adapter asks for.
struct FlickrAtomFeed: Sendable, Equatable {
    /// The entries in document order (the 20 newest photos).
    var entries: [FlickrAtomEntry]

    /// Reads the root element; nil when it is not an Atom `<feed>`.
    init?(root: XMLNode) {
        guard root.name == "feed" else { return nil }
        entries = root.children("entry").map(FlickrAtomEntry.init(node:))
    }
}

/// One `<entry>` of the Atom feed, as written.
struct FlickrAtomEntry: Sendable, Equatable {
    /// `tag:flickr.com,2005:/photo/{id}`.
    var id: String?
    var title: String?
    /// `link[@rel=alternate]`: the photo page.
    var link: String?
    var published: String?
    /// `content type="html"`: the boilerplate `<p>… posted a photo:</p><p><a><img></a></p>`, then the description.
    var content: String?
    var authorName: String?
    var authorURI: String?
    /// `author/flickr:nsid`.
    var nsid: String?
    /// `author/flickr:buddyicon`.
    var buddyIcon: String?
    /// `link[@rel=enclosure]` images: the `_b.jpg` (1024 px) file.
    var enclosures: [String]
    /// `category/@term`.
    var categories: [String]

    /// Reads an `<entry>` element.
    init(node: XMLNode) {
        id = node.childText("id")
        title = node.childText("title")
        let links = node.children("link")
        link = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" }?.attributes["href"]
        enclosures = links.filter { $0.attributes["rel"] == "enclosure" && ($0.attributes["type"].map { $0.hasPrefix("image/") } ?? true) }
            .compactMap { $0.attributes["href"] }
        published = node.childText("published")
        content = node.child("content")?.text
        let author = node.child("author")
        authorName = author?.childText("name")
        authorURI = author?.childText("uri")
        nsid = author?.childText("nsid")
        buddyIcon = author?.childText("buddyicon")
        categories = node.children("category").compactMap { $0.attributes["term"] }
    }
}

/// The `format=json` form of the same feed (wire types; every member optional).
struct FlickrJSONFeed: Decodable, Sendable, Equatable {
    var title: String?
    var link: String?
    @LossyList var items: [FlickrJSONItem]?
}

/// One photo of the JSON feed.
struct FlickrJSONItem: Decodable, Sendable, Equatable {
    /// The `_m.jpg` (240 px) image.
    struct Media: Decodable, Sendable, Equatable {
        var m: String?
    }

    var title: String?
    var link: String?
    var media: Media?
    var dateTaken: String?
    /// The same HTML as the Atom `content`.
    var description: String?
    var published: String?
    /// `nobody@flickr.com ("Name")`, the name entity-encoded.
    var author: String?
    var authorId: String?
    /// Space-separated, lower-cased by Flickr.
    var tags: String?

    enum CodingKeys: String, CodingKey {
        case title, link, media, description, published, author, tags
        case dateTaken = "date_taken"
        case authorId = "author_id"
    }
}
