import Foundation

/// `tiktok` feeds: the connected creator's own public videos through the Display API v2
/// (fixtures README `tiktok/`). The 24-hour access token is refreshed when it has expired or
/// TikTok calls it invalid, and the new tokens go back to the connection.
public struct TikTokAdapter: PlatformAdapter {
    static let base = "https://open.tiktokapis.com"
    static let profileFields = "open_id,union_id,avatar_url,display_name,username,profile_deep_link,bio_description"
    static let videoFields = "id,title,video_description,duration,cover_image_url,embed_link,embed_html,share_url,create_time,width,height,like_count,comment_count,share_count,view_count"
    static let pageSize = 20

    /// Creates the adapter.
    public init() {}

    public var service: String { "tiktok" }
    /// The Display API reads only the connecting creator's videos: a feed has nothing to choose.
    public var attributeNames: Set<String> { [] }
    public var credentialFields: [CredentialField] {
        [
            CredentialField("access_token", aliases: ["token"]),
            CredentialField("refresh_token", required: false),
            CredentialField("client_key", required: false, secret: false),
            CredentialField("client_secret", required: false),
            // When the access token and the refresh token end, and the scopes granted (issue 12).
            CredentialField("expires_at", required: false, secret: false),
            CredentialField("refresh_expires_at", required: false, secret: false),
            CredentialField("scope", required: false, secret: false),
        ]
    }
    public var minimumInterval: TimeInterval { 15 * 60 }
    /// 600 requests per minute per endpoint.
    public var ratePolicy: RatePolicy { RatePolicy(requests: 600, per: 60) }

    /// A TikTok feed has no attributes to get wrong.
    public func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] { [] }

    /// Reads the creator's profile, then the newest videos (first fetch: up to `maxPosts` over
    /// cursor pages; later ones stop at the first page holding a stored video).
    public func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let token = feed.credential("access_token") else {
            throw .misconfigured("The TikTok feed has no access token: connect the creator's TikTok account to the site")
        }
        var session = TikTokSession(feed: feed, accessToken: token)
        if let expiresAt = feed.credential("expires_at").flatMap(FeedDate.parse), expiresAt <= feed.now, session.canRefresh {
            try await session.refresh(client: client)
        }
        let profile = try await session.call(TikTokUserInfo.self, "the creator's profile", client: client) { token in
            FetchRequest(url: client.url(Self.base, "/v2/user/info/", query: [("fields", Self.profileFields)]),
                         headers: [("Authorization", "Bearer " + token)])
        }
        var posts: [Post] = []
        var cursor: Int64?
        var pages = 0
        repeat {
            let body = "{\"max_count\":\(Self.pageSize)" + (cursor.map { ",\"cursor\":\($0)" } ?? "") + "}"
            let page: TikTokVideoPage
            do throws(PlatformError) {
                page = try await session.call(TikTokVideoPage.self, "a video list", client: client) { token in
                    FetchRequest(url: client.url(Self.base, "/v2/video/list/", query: [("fields", Self.videoFields)]),
                                 headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
                                 method: "POST", body: Array(body.utf8))
                }
            } catch {
                // A later page only adds older videos: keep what the first pages gave.
                if posts.isEmpty { throw error }
                break
            }
            pages += 1
            let videos = page.videos ?? []
            posts += videos.map { TikTokMapping.post($0, creator: profile.user) }
            guard !videos.contains(where: { feed.isKnown($0.id) }), page.hasMore == true, let next = page.cursor else { break }
            cursor = next
        } while posts.count < feed.maxPosts && pages < feed.maxPages
        return PlatformResult(posts: Array(posts.prefix(feed.maxPosts)), state: feed.state, refreshedCredentials: session.refreshed)
    }
}
