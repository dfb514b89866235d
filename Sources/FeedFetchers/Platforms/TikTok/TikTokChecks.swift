import Foundation

extension TikTokAdapter: ConnectionVerifying {
    /// `GET /v2/user/info/` with the access token, refreshed first when it is known to have
    /// lapsed; the connection lasts as long as its refresh token (`refresh_expires_at`).
    public func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        guard let token = feed.credential("access_token") else {
            return ConnectionVerification(valid: false, message: "The TikTok connection has no access token: reconnect the creator's TikTok account")
        }
        var session = TikTokSession(feed: feed, accessToken: token)
        let profile: TikTokUserInfo
        do {
            if let expiresAt = feed.credential("expires_at").flatMap(FeedDate.parse), expiresAt <= now, session.canRefresh {
                try await session.refresh(client: client)
            }
            profile = try await session.call(TikTokUserInfo.self, "the creator's profile", client: client) { token in
                FetchRequest(url: client.url(Self.base, "/v2/user/info/", query: [("fields", Self.profileFields)]),
                             headers: [("Authorization", "Bearer " + token)])
            }
        } catch {
            if let refused = ConnectionVerification.refused(error) { return refused }
            throw error
        }
        let account = SocialText.nonEmpty(profile.user?.username) ?? SocialText.nonEmpty(profile.user?.displayName)
        let until = (session.refreshed["refresh_expires_at"] ?? feed.credential("refresh_expires_at")).flatMap(FeedDate.parse)
        let when = until.map { "; the connection lasts until \(FeedDate.isoString($0)), when the creator must connect again" }
            ?? "; TikTok refresh tokens last 365 days from the connection"
        return ConnectionVerification(valid: true, validUntil: until, scopes: feed.credential("scope").map(Self.scopes), account: account,
                                      message: "TikTok accepted the token of \(account ?? "the creator")\(when)", refreshedCredentials: session.refreshed)
    }

    /// TikTok's `scope` text (`user.info.basic,video.list`) as a list.
    static func scopes(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}
