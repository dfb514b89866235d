import FeedFetchers

/// The Flockler `FlocklerPost` wire shape of a post (SPEC §2, §3.3). The Content API and
/// `roost parse` both write posts through here, so they cannot drift apart.
public enum PostWire {
    /// Writes one post as a JSON object; `stored` adds the members a stored post has.
    public static func write(_ post: Post, stored: StoredPostFields? = nil, key: String? = nil, into json: inout JSONWriter,
                             extra: ((inout JSONWriter) -> Void)? = nil) {
        json.beginObject(key)
        if let stored { json.integer("flocklerId", stored.flocklerId) }
        json.string("channel", post.channel)
        json.string("sourceId", post.sourceId)
        json.string("sourceUrl", post.sourceUrl)
        json.string("title", post.title)
        json.string("textRich", post.textRich)
        json.string("textPlain", post.textPlain)
        json.string("publishedAt", post.publishedAt.map(FeedDate.isoString))
        json.beginObject("from")
        json.string("name", post.from.name)
        json.string("username", post.from.username)
        json.string("profileUrl", post.from.profileUrl)
        json.string("profileImageUrl", post.from.profileImageUrl)
        json.endObject()
        json.beginArray("tags")
        for tag in post.tags { json.string(nil, tag) }
        json.endArray()
        json.beginArray("images")
        for image in post.images {
            json.beginObject()
            json.string("url", image.url)
            json.string("altText", image.altText)
            json.endObject()
        }
        json.endArray()
        json.beginArray("videos")
        for video in post.videos {
            json.beginObject()
            json.string("type", video.type.rawValue)
            json.string("url", video.url)
            json.endObject()
        }
        json.endArray()
        json.string("postType", post.postType.rawValue)
        json.string("ctaLink", post.ctaLink)
        json.beginArray("attachments")
        for attachment in post.attachments { write(attachment, into: &json) }
        json.endArray()
        if let stored { json.integer("pinnedIndex", stored.pinnedIndex) }
        extra?(&json)
        json.endObject()
    }

    private static func write(_ attachment: PostAttachment, into json: inout JSONWriter) {
        json.beginObject()
        json.string("type", attachment.type)
        for (key, value) in attachment.fields {
            switch value {
            case .string(let text): json.string(key, text)
            case .number(let number): json.number(key, number)
            case .bool(let flag): json.bool(key, flag)
            case .null: json.null(key)
            }
        }
        json.endObject()
    }
}

/// The members only a stored post has.
public struct StoredPostFields: Sendable {
    public var flocklerId: Int
    public var pinnedIndex: Int?

    /// Creates the stored members.
    public init(flocklerId: Int, pinnedIndex: Int?) {
        self.flocklerId = flocklerId
        self.pinnedIndex = pinnedIndex
    }
}

/// The `roost parse` output (SPEC §2): `{"feed": {...}, "posts": [...]}`.
public enum ParseResultWire {
    /// Writes the whole result, handing the JSON over in chunks so that a large feed's output
    /// never sits in memory twice.
    public static func write(_ feed: ParsedFeed, chunk: ([UInt8]) -> Void) {
        var json = JSONWriter(capacity: 64 * 1024)
        json.beginObject()
        json.beginObject("feed")
        json.string("format", feed.info.format.rawValue)
        json.string("title", feed.info.title)
        json.string("link", feed.info.link)
        json.string("description", feed.info.description)
        json.string("language", feed.info.language)
        json.string("imageUrl", feed.info.imageUrl)
        json.endObject()
        json.beginArray("posts")
        for post in feed.posts {
            PostWire.write(post, into: &json)
            if json.bytes.count >= 60 * 1024 { chunk(json.drain()) }
        }
        json.endArray()
        json.endObject()
        chunk(json.drain() + [UInt8(ascii: "\n")])
    }
}
