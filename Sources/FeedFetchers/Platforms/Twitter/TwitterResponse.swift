import Foundation

/// X API v2 recent-search wire types (docs.x.com data dictionary): every member optional,
/// since X leaves out what a post lacks.
struct TwitterSearchResponse: Decodable {
    @LossyList var data: [TwitterTweet]?
    var includes: TwitterIncludes?
    var meta: TwitterMeta?
    /// Field errors X reports next to (or instead of) `data` in a 200.
    var errors: [TwitterProblem]?
}

/// `meta` of a search page: id bounds and the cursor of the next older page.
struct TwitterMeta: Decodable {
    var newestId: String?
    var oldestId: String?
    var resultCount: Int?
    var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case newestId = "newest_id", oldestId = "oldest_id", resultCount = "result_count", nextToken = "next_token"
    }
}

/// One post.
struct TwitterTweet: Decodable {
    var id: String
    var text: String?
    var authorId: String?
    var createdAt: String?
    var entities: TwitterEntities?
    var attachments: TwitterAttachments?
    var noteTweet: TwitterNoteTweet?

    enum CodingKeys: String, CodingKey {
        case id, text, entities, attachments
        case authorId = "author_id", createdAt = "created_at", noteTweet = "note_tweet"
    }
}

/// The full text of a post over 280 characters, with its own entities.
struct TwitterNoteTweet: Decodable {
    var text: String?
    var entities: TwitterEntities?
}

/// Hashtags, mentions and links found in a text.
struct TwitterEntities: Decodable {
    var hashtags: [TwitterHashtag]?
    var mentions: [TwitterMention]?
    var urls: [TwitterURLEntity]?
}

/// A `#tag` in the text.
struct TwitterHashtag: Decodable {
    var tag: String?
}

/// An `@username` in the text.
struct TwitterMention: Decodable {
    var username: String?
}

/// A `t.co` link in the text, with what it stands for (and the link card when X unwound it).
struct TwitterURLEntity: Decodable {
    var url: String?
    var expandedUrl: String?
    var displayUrl: String?
    var mediaKey: String?
    var unwoundUrl: String?
    var title: String?

    enum CodingKeys: String, CodingKey {
        case url, title
        case expandedUrl = "expanded_url", displayUrl = "display_url", mediaKey = "media_key", unwoundUrl = "unwound_url"
    }
}

/// The media keys of a post.
struct TwitterAttachments: Decodable {
    var mediaKeys: [String]?

    enum CodingKeys: String, CodingKey { case mediaKeys = "media_keys" }
}

/// The expanded objects a page refers to.
struct TwitterIncludes: Decodable {
    @LossyList var users: [TwitterUser]?
    @LossyList var media: [TwitterMedia]?
}

/// An author.
struct TwitterUser: Decodable {
    var id: String
    var name: String?
    var username: String?
    var profileImageUrl: String?

    enum CodingKeys: String, CodingKey {
        case id, name, username
        case profileImageUrl = "profile_image_url"
    }
}

/// A photo, video or animated GIF.
struct TwitterMedia: Decodable {
    var mediaKey: String
    var type: String?
    var url: String?
    var previewImageUrl: String?
    var altText: String?
    var variants: [TwitterVariant]?

    enum CodingKeys: String, CodingKey {
        case type, url, variants
        case mediaKey = "media_key", previewImageUrl = "preview_image_url", altText = "alt_text"
    }
}

/// One encoding of a video: an mp4 at a bit rate, or the HLS playlist.
struct TwitterVariant: Decodable {
    var bitRate: Int?
    var contentType: String?
    var url: String?

    enum CodingKeys: String, CodingKey {
        case url
        case bitRate = "bit_rate", contentType = "content_type"
    }
}

/// A problem-details error body (`{"title","detail","type","status"}`), or one entry of `errors[]`.
struct TwitterProblem: Decodable {
    var title: String?
    var detail: String?
    var type: String?
    var status: Int?
}
