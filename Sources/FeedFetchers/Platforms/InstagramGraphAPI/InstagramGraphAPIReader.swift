import Foundation

/// The requests of one Instagram fetch, exactly as the fixtures manifest lists them, with the
/// token as the `access_token` query parameter and the next page rebuilt from its cursor.
struct InstagramGraphAPIReader: Sendable {
    /// The fields of an account's media (`/{ig-user-id}/media`).
    static let mediaFields = "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,username,like_count,comments_count,children{id,media_type,media_url,thumbnail_url}"
    /// The fields of hashtag media (`/{hashtag-id}/recent_media`): no username, no thumbnails.
    static let hashtagMediaFields = "id,media_type,media_url,permalink,caption,timestamp,comments_count,like_count,children{media_type,media_url}"
    /// The profile fields, for `from.*`.
    static let profileFields = "id,username,name,profile_picture_url"

    let client: PlatformClient
    let feed: PlatformFeed
    let token: String

    /// Where account requests go: Instagram-Login tokens work on graph.instagram.com only,
    /// Facebook-Login ones on graph.facebook.com (both are the one replacement in tests).
    var accountBase: String {
        InstagramTokenRefresh.isInstagramLogin(token: token, credentials: feed.credentials)
            ? MetaGraph.instagramBase : MetaGraph.facebookBase
    }

    /// The account's newest media, with the profile as author.
    func accountPosts(userId: String) async throws(PlatformError) -> [Post] {
        let context = self.context("Instagram account \(userId)",
                                   permission: "the connection needs the instagram_basic (Instagram Login: instagram_business_basic) permission for this account")
        let base = accountBase
        let media = try await MetaPager(feed: feed).collect(
            page: { (after: String?) async throws(PlatformError) -> MetaList<InstagramMedia> in
                let url = client.url(base, MetaGraph.path("\(userId)/media"),
                                     query: [("fields", Self.mediaFields), ("limit", "25")] + cursor(after))
                return try await MetaGraph.read(MetaList<InstagramMedia>.self, url, "a media list", client: client, context: context)
            },
            id: \.id, isKnown: feed.isKnown)
        guard !media.isEmpty else { return [] }
        let profileURL = client.url(base, MetaGraph.path(userId), query: [("fields", Self.profileFields), ("access_token", token)])
        let profile = try await MetaGraph.read(InstagramProfile.self, profileURL, "an account profile", client: client, context: context)
        let owner = InstagramGraphAPIMapping.Owner(name: profile.name, username: profile.username, profileImageUrl: profile.profilePictureUrl)
        return media.map { InstagramGraphAPIMapping.post($0, owner: owner) }
    }

    /// The id of `tag`: `cached` when an earlier fetch found it (ids never change), else one
    /// `ig_hashtag_search` (each new tag counts toward 30 per account per 7 days).
    func hashtagId(_ tag: String, userId: String, cached: String?) async throws(PlatformError) -> String {
        if let cached { return cached }
        let context = hashtagContext(tag, userId: userId)
        let url = client.url(MetaGraph.facebookBase, MetaGraph.path("ig_hashtag_search"),
                             query: [("user_id", userId), ("q", tag), ("access_token", token)])
        let found = try await MetaGraph.read(InstagramHashtagSearch.self, url, "a hashtag search result", client: client, context: context)
        guard let id = found.data?.lazy.compactMap({ SocialText.nonEmpty($0.id) }).first else {
            throw .notFound("Instagram has no hashtag #\(tag); check the feed's hashtag")
        }
        return id
    }

    /// The hashtag's public media of the last 24 hours; they name no owner.
    func hashtagPosts(hashtagId: String, tag: String, userId: String) async throws(PlatformError) -> [Post] {
        let context = hashtagContext(tag, userId: userId)
        let media = try await MetaPager(feed: feed).collect(
            page: { (after: String?) async throws(PlatformError) -> MetaList<InstagramMedia> in
                let url = client.url(MetaGraph.facebookBase, MetaGraph.path("\(hashtagId)/recent_media"),
                                     query: [("user_id", userId), ("fields", Self.hashtagMediaFields), ("limit", "50")] + cursor(after))
                return try await MetaGraph.read(MetaList<InstagramMedia>.self, url, "a hashtag media list", client: client, context: context)
            },
            id: \.id, isKnown: feed.isKnown)
        return media.map { InstagramGraphAPIMapping.post($0, owner: nil) }
    }

    /// `after` (when reading an older page), then the token.
    private func cursor(_ after: String?) -> [(String, String)] {
        (after.map { [("after", $0)] } ?? []) + [("access_token", token)]
    }

    private func hashtagContext(_ tag: String, userId: String) -> MetaErrorContext {
        context("Instagram hashtag #\(tag) (searched as account \(userId))",
                permission: "hashtag feeds need Meta's Instagram Public Content Access feature and the instagram_basic permission",
                reconnect: "reconnect the Instagram account (through Facebook Login: Instagram Login has no hashtag search)")
    }

    private func context(_ subject: String, permission: String, reconnect: String = "reconnect the Instagram account") -> MetaErrorContext {
        MetaErrorContext(platform: "Instagram", subject: subject, reconnectAdvice: reconnect, permissionAdvice: permission, token: token)
    }
}
