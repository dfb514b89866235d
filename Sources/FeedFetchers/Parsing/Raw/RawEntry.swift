/// How the text of an element is to be read (Atom §3.1 `type`, Atom 0.3 `mode`, RSS habit).
enum TextKind: Sendable, Equatable {
    /// Literal text: what is written is what is meant.
    case text
    /// Escaped HTML source.
    case html
    /// Inline XHTML, already re-serialized as HTML markup.
    case xhtml
}

/// A text construct as written in the document, with the base URI in force at it.
struct RawText: Sendable, Equatable {
    var value: String
    var kind: TextKind
    var base: String? = nil
}

/// An author as the document describes one.
struct RawAuthor: Sendable, Equatable {
    /// Which element it came from, lower first (SPEC §2: author, dc:creator, itunes:author).
    var rank: Int = 0
    var name: String?
    var uri: String?
    var email: String?

    var isEmpty: Bool { name == nil && uri == nil && email == nil }
}

/// An Atom link, or an RSS link, resolved against the xml:base in force (still relative when
/// that is relative too).
struct RawLink: Sendable, Equatable {
    var href: String
    var rel: String?
    var type: String?
}

/// A media object: Media RSS content/thumbnail, or an enclosure.
struct RawMedia: Sendable, Equatable {
    enum Source: Sendable, Equatable { case mediaContent, mediaThumbnail, enclosure }
    var source: Source
    var url: String
    var type: String?
    var medium: String?
    var altText: String?
}

/// One entry (RSS item, Atom entry, JSON Feed item) as written, before normalization.
struct RawEntry: Sendable {
    var id: String?
    /// The id came from a guid or atom:id rather than the RDF `rdf:about` fallback.
    var hasExplicitId = false
    /// `guid isPermaLink` is not "false": the guid doubles as the link when there is none.
    var idIsPermalink = false
    var rssLink: String?
    var links: [RawLink] = []
    var title: RawText?
    /// dc:title, used when there is no title.
    var fallbackTitle: RawText?
    /// media:description, the body of last resort (YouTube puts the video's text there).
    var mediaDescription: RawText?
    /// Bodies, richest first: content:encoded / atom:content / JSON content_html ...
    var contentEncoded: RawText?
    var content: RawText?
    /// ... then description / atom:summary.
    var summary: RawText?
    /// published / pubDate / dc:date / issued (SPEC §2, first choice), in document order.
    var publishedDates: [String] = []
    /// updated / modified (SPEC §2, second choice), in document order.
    var updatedDates: [String] = []
    var authors: [RawAuthor] = []
    var categories: [String] = []
    var media: [RawMedia] = []
    /// The xml:base in force at the entry (relative when nothing absolute is above it).
    var base: String? = nil
    /// The feed's site link, when absolute: the base of a relative entry link (as Miniflux).
    var siteLink: String?
    /// The document's own address, the base of last resort.
    var documentURL: String?
}

/// The feed-level elements as written.
struct RawFeedHeader: Sendable {
    var title: RawText?
    var fallbackTitle: RawText?
    var link: String?
    var links: [RawLink] = []
    var description: RawText?
    var language: String?
    var imageURL: String?
    var logoURL: String?
    var iconURL: String?
    var itunesImageURL: String?
    var ttl: String?
    var authors: [RawAuthor] = []
}
