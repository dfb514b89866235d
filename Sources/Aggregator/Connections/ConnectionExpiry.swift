import FeedFetchers
import Foundation

/// When a connection's token stops working, from what its credentials say (issue 12): the
/// end of the token that cannot be renewed without the operator. A short-lived access token
/// Roost refreshes by itself (TikTok's 24 hours, Google's hour) is not the connection's end;
/// its refresh token's is.
public enum ConnectionExpiry {
    /// The credential fields that hold the connection's end, per service, first found wins.
    /// TikTok: `refresh_expires_at` (from `refresh_expires_in`, 365 days), else the access
    /// token's `expires_at` when there is no refresh token. LinkedIn: `refresh_token_expires_at`
    /// (from `refresh_token_expires_in`), else `expires_at` (60 days from `expires_in`).
    /// Meta (long-lived tokens, ~60 days; Instagram Login refreshes extend it): `expires_at`.
    static func fields(service: FeedService, credentials: [String: String]) -> [String] {
        let refreshable = !(credentials["refresh_token"] ?? "").isEmpty
        switch service {
        case .tiktok:
            return refreshable ? ["refresh_expires_at"] : ["refresh_expires_at", "expires_at"]
        case .linkedin:
            return refreshable ? ["refresh_token_expires_at", "expires_at"] : ["expires_at"]
        case .googleReview:
            // Google's access token lasts an hour and is refreshed; only a refresh token's
            // end (apps in testing: 7 days) ends the connection.
            return ["refresh_token_expires_at"]
        default:
            return ["expires_at"]
        }
    }

    /// The connection's end as its credentials tell it; nil when they do not.
    public static func known(service: FeedService, credentials: [String: String]) -> Date? {
        fields(service: service, credentials: credentials).lazy
            .compactMap { credentials[$0].flatMap { FeedDate.parse($0.trimmingCharacters(in: .whitespaces)) } }.first
    }
}
