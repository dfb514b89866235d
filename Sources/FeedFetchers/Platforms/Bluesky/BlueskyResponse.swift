import Foundation

// Wire types of the AT Protocol / Bluesky AppView lexicons (fixtures/platforms/bluesky/):
// getAuthorFeed, searchPosts, createSession and XRPC errors. Only what Roost reads.

/// `app.bsky.feed.getAuthorFeed`: feed items and the cursor of the next page.
struct BlueskyAuthorFeed: Decodable, Sendable {
    @LossyList var feed: [BlueskyFeedItem]?
    var cursor: String?
}

/// `app.bsky.feed.searchPosts`: plain post views (no `reason`, no `reply` wrapper).
struct BlueskySearchResult: Decodable, Sendable {
    @LossyList var posts: [BlueskyPostView]?
    var cursor: String?
}

/// `app.bsky.feed.defs#feedViewPost`: a post, and why it is in the feed (a repost, a pin).
struct BlueskyFeedItem: Decodable, Sendable {
    var post: BlueskyPostView?
    var reason: BlueskyReason?
}

/// `reasonRepost` or `reasonPin`, told apart by `$type`.
struct BlueskyReason: Decodable, Sendable {
    var type: String?

    enum CodingKeys: String, CodingKey { case type = "$type" }
}

/// `app.bsky.feed.defs#postView`.
struct BlueskyPostView: Decodable, Sendable {
    var uri: String?
    var author: BlueskyProfile?
    var record: BlueskyRecord?
    var embed: BlueskyEmbedView?
    var indexedAt: String?
}

/// `app.bsky.actor.defs#profileViewBasic`.
struct BlueskyProfile: Decodable, Sendable {
    var did: String?
    var handle: String?
    var displayName: String?
    var avatar: String?
}

/// The `app.bsky.feed.post` record: the text, its facets, hidden tags, and a reply reference.
struct BlueskyRecord: Decodable, Sendable {
    var text: String?
    var createdAt: String?
    var facets: [BlueskyFacet]?
    var tags: [String]?
    var reply: BlueskyReplyRef?
}

/// A reply's parent and root (only its presence matters here).
struct BlueskyReplyRef: Decodable, Sendable {
    var parent: BlueskyStrongRef?
}

/// `com.atproto.repo.strongRef`.
struct BlueskyStrongRef: Decodable, Sendable {
    var uri: String?
}

/// `app.bsky.richtext.facet`: features over a UTF-8 byte range of the text.
struct BlueskyFacet: Decodable, Sendable {
    var index: BlueskyByteSlice?
    var features: [BlueskyFeature]?
}

/// `byteStart` inclusive, `byteEnd` exclusive, in UTF-8 bytes.
struct BlueskyByteSlice: Decodable, Sendable {
    var byteStart: Int?
    var byteEnd: Int?
}

/// `#link` (`uri`), `#mention` (`did`) or `#tag` (`tag`).
struct BlueskyFeature: Decodable, Sendable {
    var type: String?
    var uri: String?
    var did: String?
    var tag: String?

    enum CodingKeys: String, CodingKey {
        case uri, did, tag
        case type = "$type"
    }
}

/// An embed view: images, a video, an external card, or a record with one of those as `media`.
struct BlueskyEmbedView: Decodable, Sendable {
    /// The view's own members (`images#view`, `video#view`, `external#view`).
    var content: BlueskyMediaView
    /// `recordWithMedia#view`'s media.
    var media: BlueskyMediaView?

    enum CodingKeys: String, CodingKey { case media }

    /// Reads the view's own members and, for `recordWithMedia`, its media.
    init(from decoder: any Decoder) throws {
        content = try BlueskyMediaView(from: decoder)
        media = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(BlueskyMediaView.self, forKey: .media)
    }
}

/// The members of an images, video or external view.
struct BlueskyMediaView: Decodable, Sendable {
    var type: String?
    var images: [BlueskyImageView]?
    /// `video#view`: the HLS playlist, its poster and alternative text.
    var playlist: String?
    var thumbnail: String?
    var alt: String?
    var external: BlueskyExternalView?

    enum CodingKeys: String, CodingKey {
        case images, playlist, thumbnail, alt, external
        case type = "$type"
    }
}

/// `app.bsky.embed.images#viewImage`.
struct BlueskyImageView: Decodable, Sendable {
    var thumb: String?
    var fullsize: String?
    var alt: String?
}

/// `app.bsky.embed.external#viewExternal`: a link card.
struct BlueskyExternalView: Decodable, Sendable {
    var uri: String?
    var title: String?
    var description: String?
    var thumb: String?
}

/// `com.atproto.server.createSession` / `refreshSession`.
struct BlueskySession: Decodable, Sendable {
    var accessJwt: String?
    var refreshJwt: String?
    var handle: String?
    var did: String?
}

/// The XRPC error body: `{"error": "<Name>", "message": "<text>"}`.
struct BlueskyErrorBody: Decodable, Sendable {
    var error: String?
    var message: String?
}
