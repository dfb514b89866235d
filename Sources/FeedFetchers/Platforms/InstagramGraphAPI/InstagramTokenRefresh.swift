import Foundation

/// Keeps an Instagram-Login token alive (issue 6: "refresh tokens where the platform supports
/// it"): a long-lived token lasts about 60 days and may be extended once it is 24 hours old,
/// with `GET https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=…`.
/// Facebook-Login tokens (`EAA…`) have no such call and are left alone.
struct InstagramTokenRefresh: Sendable {
    /// How old a token must be before Instagram extends it.
    static let minimumAge: TimeInterval = 24 * 60 * 60

    /// The credentials a refresh replaces, to store in the connection.
    struct Refreshed: Sendable, Equatable {
        var accessToken: String
        var refreshedAt: Date
        var expiresAt: Date?

        /// As `PlatformResult.refreshedCredentials`: `access_token`, `refreshed_at`, `expires_at`.
        var credentials: [String: String] {
            var out = ["access_token": accessToken, "refreshed_at": FeedDate.isoString(refreshedAt)]
            if let expiresAt { out["expires_at"] = FeedDate.isoString(expiresAt) }
            return out
        }
    }

    /// Whether the token comes from Instagram Login: `token_type` says `instagram` (or
    /// `facebook`, for no), else the token looks like one (`IG…`, where Facebook's are `EAA…`).
    static func isInstagramLogin(token: String, credentials: [String: String]) -> Bool {
        switch credentials["token_type"]?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "instagram": return true
        case "facebook": return false
        default: return token.hasPrefix("IG")
        }
    }

    /// Whether the feed's token is due: an Instagram-Login token last refreshed (else connected)
    /// more than 24 hours before `now`, or at an unknown time.
    static func isDue(token: String, credentials: [String: String], now: Date) -> Bool {
        guard isInstagramLogin(token: token, credentials: credentials) else { return false }
        let last = [credentials["refreshed_at"], credentials["connected_at"]].lazy
            .compactMap { $0.flatMap(FeedDate.parse) }.first
        guard let last else { return true }
        return now.timeIntervalSince(last) > minimumAge
    }

    /// The refresh request's URL.
    static func url(token: String, client: PlatformClient) -> String {
        client.url(MetaGraph.instagramBase, "/refresh_access_token",
                   query: [("grant_type", "ig_refresh_token"), ("access_token", token)])
    }

    /// Reads a refresh answer; nil unless it is a 200 with a new token.
    static func read(_ response: FetchResponse, now: Date, client: PlatformClient) -> Refreshed? {
        guard (200..<300).contains(response.status),
              let answer = client.decodeIfPossible(InstagramRefreshedToken.self, from: response),
              let token = SocialText.nonEmpty(answer.accessToken)?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        let expiresAt = answer.expiresIn.flatMap { $0 > 0 && $0.isFinite ? now.addingTimeInterval($0) : nil }
        return Refreshed(accessToken: token, refreshedAt: now, expiresAt: expiresAt)
    }

    /// Extends `token` when due; nil when not due or when the refresh failed (the old token
    /// is then used as it is: if it no longer works, the next request says so).
    static func refreshIfDue(token: String, feed: PlatformFeed, client: PlatformClient) async -> Refreshed? {
        guard isDue(token: token, credentials: feed.credentials, now: feed.now) else { return nil }
        guard let response = try? await client.get(url(token: token, client: client)) else { return nil }
        return read(response, now: feed.now, client: client)
    }
}
