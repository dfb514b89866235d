import Foundation

/// TikTok Display API v2 wire types (developers.tiktok.com): every answer is `data` plus an
/// `error` object whose `code` is `ok` on success; absent values are left out.
struct TikTokEnvelope<Payload: Decodable>: Decodable {
    var data: Payload?
    var error: TikTokError?

    enum CodingKeys: String, CodingKey { case data, error }

    /// Reads the envelope; `data` that is not the payload's shape (`{}` on errors) is nil.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data = try? container.decodeIfPresent(Payload.self, forKey: .data)
        error = try container.decodeIfPresent(TikTokError.self, forKey: .error)
    }
}

/// The `error` member: `ok`, or what went wrong.
struct TikTokError: Decodable {
    var code: String?
    var message: String?
    var logId: String?

    enum CodingKeys: String, CodingKey {
        case code, message
        case logId = "log_id"
    }
}

/// `data` of `/v2/video/list/`.
struct TikTokVideoPage: Decodable {
    @LossyList var videos: [TikTokVideo]?
    /// Epoch milliseconds of the oldest video on the page, to send back for older ones.
    var cursor: Int64?
    var hasMore: Bool?

    enum CodingKeys: String, CodingKey {
        case videos, cursor
        case hasMore = "has_more"
    }
}

/// One video of the connected creator.
struct TikTokVideo: Decodable {
    var id: String
    var title: String?
    var videoDescription: String?
    var coverImageUrl: String?
    var embedLink: String?
    var shareUrl: String?
    /// Epoch seconds.
    var createTime: Int64?

    enum CodingKeys: String, CodingKey {
        case id, title
        case videoDescription = "video_description", coverImageUrl = "cover_image_url", embedLink = "embed_link"
        case shareUrl = "share_url", createTime = "create_time"
    }
}

/// `data` of `/v2/user/info/`.
struct TikTokUserInfo: Decodable {
    var user: TikTokUser?
}

/// The connected creator.
struct TikTokUser: Decodable {
    var avatarUrl: String?
    var displayName: String?
    var username: String?
    var profileDeepLink: String?

    enum CodingKeys: String, CodingKey {
        case username
        case avatarUrl = "avatar_url", displayName = "display_name", profileDeepLink = "profile_deep_link"
    }
}

/// The answer of `/v2/oauth/token/`: new tokens, or `error` and `error_description`.
struct TikTokTokenResponse: Decodable {
    var accessToken: String?
    var expiresIn: Int?
    var refreshToken: String?
    /// Seconds the refresh token lasts (365 days): when the connection itself ends.
    var refreshExpiresIn: Int?
    var error: String?
    var errorDescription: String?

    enum CodingKeys: String, CodingKey {
        case error
        case accessToken = "access_token", expiresIn = "expires_in", refreshToken = "refresh_token"
        case refreshExpiresIn = "refresh_expires_in"
        case errorDescription = "error_description"
    }
}
