/// The profile of an Instagram business or creator account: `GET /{ig-user-id}?fields=id,username,name,profile_picture_url`.
struct InstagramProfile: Decodable, Sendable {
    var id: String?
    var username: String?
    var name: String?
    /// A signed CDN URL that expires.
    var profilePictureUrl: String?

    enum CodingKeys: String, CodingKey {
        case id, username, name
        case profilePictureUrl = "profile_picture_url"
    }
}

/// One Instagram media object, from `/{ig-user-id}/media` or `/{hashtag-id}/recent_media`.
struct InstagramMedia: Decodable, Sendable {
    var id: String
    var caption: String?
    /// `IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`.
    var mediaType: String?
    /// `FEED`, `REELS`, `STORY`, ...
    var mediaProductType: String?
    /// Absent for albums on `recent_media` and for copyright-flagged videos.
    var mediaUrl: String?
    var thumbnailUrl: String?
    var permalink: String?
    var shortcode: String?
    /// `2026-09-14T16:44:51+0000`.
    var timestamp: String?
    /// Absent on hashtag media.
    var username: String?
    var likeCount: Int?
    var commentsCount: Int?
    var children: MetaList<InstagramChild>?

    enum CodingKeys: String, CodingKey {
        case id, caption, permalink, shortcode, timestamp, username, children
        case mediaType = "media_type"
        case mediaProductType = "media_product_type"
        case mediaUrl = "media_url"
        case thumbnailUrl = "thumbnail_url"
        case likeCount = "like_count"
        case commentsCount = "comments_count"
    }
}

/// One item of a carousel album.
struct InstagramChild: Decodable, Sendable {
    var id: String?
    var mediaType: String?
    var mediaUrl: String?
    var thumbnailUrl: String?

    enum CodingKeys: String, CodingKey {
        case id
        case mediaType = "media_type"
        case mediaUrl = "media_url"
        case thumbnailUrl = "thumbnail_url"
    }
}

/// The answer of `GET /ig_hashtag_search`: `{"data":[{"id":"…"}]}`.
struct InstagramHashtagSearch: Decodable, Sendable {
    /// One hashtag node.
    struct Hashtag: Decodable, Sendable {
        var id: String?
    }
    var data: [Hashtag]?
}

/// The answer of `GET /refresh_access_token`: `{access_token, token_type, expires_in}` (seconds).
struct InstagramRefreshedToken: Decodable, Sendable {
    var accessToken: String?
    var tokenType: String?
    var expiresIn: Double?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }
}
