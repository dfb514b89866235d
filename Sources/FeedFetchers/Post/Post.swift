import Foundation

/// One normalized post, as a fetcher hands it on: the fields of Flockler's `FlocklerPost`
/// except `flocklerId` and `pinnedIndex`, which exist only once a post is stored (SPEC §2).
public struct Post: Sendable, Equatable {
    /// The channel the post comes from: `rss` for every feed format, else the platform (SPEC §3.6).
    public var channel: String
    /// The source's own id for the entry, as written; nil when it has none.
    public var sourceId: String?
    /// The entry's absolute link; nil when it has none.
    public var sourceUrl: String?
    /// Plain-text title; nil when the entry has none.
    public var title: String?
    /// Sanitized HTML of the richest body; nil when there is no body.
    public var textRich: String?
    /// The body as plain text; nil when there is no body.
    public var textPlain: String?
    /// When the entry was published (else updated); nil when unknown. Never "now".
    public var publishedAt: Date?
    /// Who wrote it.
    public var from: PostAuthor
    /// Category terms, then hashtags, each once (case-insensitive, first spelling kept).
    public var tags: [String]
    /// Images, each URL once, absolute.
    public var images: [PostImage]
    /// Videos: files, embedded players and links to video pages.
    public var videos: [PostVideo]
    /// A call-to-action link; feeds never have one.
    public var ctaLink: String?
    /// Extra structured content, such as a review's rating.
    public var attachments: [PostAttachment]

    /// Creates a post; every member but the channel defaults to empty.
    public init(
        channel: String,
        sourceId: String? = nil,
        sourceUrl: String? = nil,
        title: String? = nil,
        textRich: String? = nil,
        textPlain: String? = nil,
        publishedAt: Date? = nil,
        from: PostAuthor = PostAuthor(),
        tags: [String] = [],
        images: [PostImage] = [],
        videos: [PostVideo] = [],
        ctaLink: String? = nil,
        attachments: [PostAttachment] = [],
        kind: PostType? = nil
    ) {
        self.kind = kind
        self.channel = channel
        self.sourceId = sourceId
        self.sourceUrl = sourceUrl
        self.title = title
        self.textRich = textRich
        self.textPlain = textPlain
        self.publishedAt = publishedAt
        self.from = from
        self.tags = tags
        self.images = images
        self.videos = videos
        self.ctaLink = ctaLink
        self.attachments = attachments
    }

    /// The type a platform adapter gave the post, when its README's rule differs from the
    /// feed rule below (a tweet with a link to itself is `text`; a review is `review`).
    public var kind: PostType?

    /// `kind` when set; else `video` if there are videos, else `image` if there are images,
    /// else `link` if the post has a link, else `text` (SPEC §2).
    public var postType: PostType {
        if let kind { return kind }
        if !videos.isEmpty { return .video }
        if !images.isEmpty { return .image }
        if sourceUrl != nil { return .link }
        return .text
    }
}

/// The kind of a post, derived from its media and link.
public enum PostType: String, Sendable, Equatable {
    case video, image, link, text
    /// A review or recommendation (Google reviews, Facebook recommendations), with a rating attachment.
    case review
}

/// The author of a post; members are nil where unknown.
public struct PostAuthor: Sendable, Equatable {
    public var name: String?
    public var username: String?
    public var profileUrl: String?
    public var profileImageUrl: String?

    /// Creates an author.
    public init(name: String? = nil, username: String? = nil, profileUrl: String? = nil, profileImageUrl: String? = nil) {
        self.name = name
        self.username = username
        self.profileUrl = profileUrl
        self.profileImageUrl = profileImageUrl
    }
}

/// An image of a post with its alternative text.
public struct PostImage: Sendable, Equatable {
    public var url: String
    public var altText: String?

    /// Creates an image.
    public init(url: String, altText: String? = nil) {
        self.url = url
        self.altText = altText
    }
}

/// A video of a post: a file, an embedded player, or a link to a video page.
public struct PostVideo: Sendable, Equatable {
    /// How a frontend shows it.
    public enum Kind: String, Sendable, Equatable {
        case file, iframe, link
    }
    public var type: Kind
    public var url: String

    /// Creates a video.
    public init(type: Kind, url: String) {
        self.type = type
        self.url = url
    }
}

/// Structured extra content of a post, such as a review's rating.
public struct PostAttachment: Sendable, Equatable {
    /// What the attachment is, e.g. `rating`.
    public var type: String
    /// Its members, in order, as JSON-ready scalar values.
    public var fields: [(String, AttachmentValue)]

    /// Creates an attachment.
    public init(type: String, fields: [(String, AttachmentValue)]) {
        self.type = type
        self.fields = fields
    }

    public static func == (lhs: PostAttachment, rhs: PostAttachment) -> Bool {
        lhs.type == rhs.type && lhs.fields.elementsEqual(rhs.fields) { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// A scalar value inside an attachment.
public enum AttachmentValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}
