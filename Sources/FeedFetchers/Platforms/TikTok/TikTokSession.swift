import Foundation

/// The tokens of one TikTok fetch: requests are sent with the current access token, an
/// `access_token_invalid` answer refreshes it once (when a refresh token and the app's
/// client key and secret are at hand) and the request is sent again.
struct TikTokSession {
    private(set) var accessToken: String
    private var refreshToken: String?
    private let clientKey: String?
    private let clientSecret: String?
    private let now: Date
    /// The tokens a refresh produced, for the connection: `access_token`, `refresh_token`, `expires_at`.
    private(set) var refreshed: [String: String] = [:]

    /// The session of `feed`'s connection.
    init(feed: PlatformFeed, accessToken: String) {
        self.accessToken = accessToken
        refreshToken = feed.credential("refresh_token")
        clientKey = feed.credential("client_key")
        clientSecret = feed.credential("client_secret")
        now = feed.now
    }

    /// Whether the access token can be refreshed here.
    var canRefresh: Bool { refreshToken != nil && clientKey != nil && clientSecret != nil }

    /// Sends the request `make` builds for the current token and returns the answer's `data`;
    /// TikTok's errors (read from `error.code`, whatever the status) become `PlatformError`s.
    mutating func call<Payload: Decodable>(
        _ type: Payload.Type, _ what: String, client: PlatformClient, _ make: (String) -> FetchRequest
    ) async throws(PlatformError) -> Payload {
        var refreshedNow = false
        while true {
            let response = try await client.send(make(accessToken))
            let envelope = client.decodeIfPossible(TikTokEnvelope<Payload>.self, from: response)
            let code = envelope?.error?.code
            if (200..<300).contains(response.status), code == nil || code == "ok" {
                let answer = try client.decode(TikTokEnvelope<Payload>.self, from: response, what)
                guard let data = answer.data else { throw .failed("TikTok answered without the data of \(what)") }
                return data
            }
            let tokenRefused = code == "access_token_invalid" || (response.status == 401 && !(code ?? "").hasPrefix("scope_"))
            if tokenRefused, !refreshedNow, canRefresh {
                try await refresh(client: client)
                refreshedNow = true
                continue
            }
            throw await Self.error(response, envelope?.error, what, refreshed: refreshedNow, client: client)
        }
    }

    /// Exchanges the refresh token for new tokens (`POST /v2/oauth/token/`, form-encoded).
    mutating func refresh(client: PlatformClient) async throws(PlatformError) {
        guard let refreshToken, let clientKey, let clientSecret else {
            throw .reconnect("The TikTok access token has expired and cannot be refreshed here; reconnect the TikTok account")
        }
        let form = PlatformQuery.encode([
            ("client_key", clientKey), ("client_secret", clientSecret),
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
        ])
        let request = FetchRequest(url: client.url(TikTokAdapter.base, "/v2/oauth/token/"),
                                   headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                   method: "POST", body: Array(form.utf8))
        let response = try await client.send(request)
        if response.status == 429 {
            throw await client.throttled(response, until: now.addingTimeInterval(60), "TikTok rate limit reached while refreshing the access token")
        }
        if response.status >= 500 {
            throw .failed("TikTok could not refresh the access token (status \(response.status)); Roost tries again at the next fetch")
        }
        let answer = client.decodeIfPossible(TikTokTokenResponse.self, from: response)
        guard (200..<300).contains(response.status), let token = SocialText.nonEmpty(answer?.accessToken) else {
            let said = [answer?.error, answer?.errorDescription].compactMap { SocialText.nonEmpty($0) }.joined(separator: ": ")
            throw .reconnect("TikTok refused to refresh the access token\(said.isEmpty ? "" : " (\(said))"); reconnect the TikTok account")
        }
        accessToken = token
        self.refreshToken = SocialText.nonEmpty(answer?.refreshToken) ?? refreshToken
        refreshed = ["access_token": token, "refresh_token": self.refreshToken ?? refreshToken]
        if let seconds = answer?.expiresIn {
            refreshed["expires_at"] = FeedDate.isoString(now.addingTimeInterval(TimeInterval(seconds)))
        }
        if let seconds = answer?.refreshExpiresIn, seconds > 0 {
            // The refresh token's end is the connection's: after it the creator must connect again.
            refreshed["refresh_expires_at"] = FeedDate.isoString(now.addingTimeInterval(TimeInterval(seconds)))
        }
    }

    /// The `PlatformError` for a TikTok error answer, by `error.code` first, then by status.
    static func error(_ response: FetchResponse, _ error: TikTokError?, _ what: String, refreshed: Bool,
                      client: PlatformClient) async -> PlatformError {
        let code = error?.code ?? ""
        let said = SocialText.nonEmpty(error?.message).map { " (\($0))" } ?? (code.isEmpty ? "" : " (\(code))")
        switch code {
        case "access_token_invalid":
            let after = refreshed ? " even after a token refresh" : ""
            return .reconnect("TikTok refused the access token while reading \(what)\(after)\(said); reconnect the TikTok account")
        case "scope_not_authorized", "scope_permission_missed":
            return .misconfigured("TikTok says the connection may not read \(what)\(said); reconnect the TikTok account granting user.info.basic, user.info.profile and video.list")
        case "rate_limit_exceeded":
            return await client.throttled(response, until: client.now().addingTimeInterval(60), "TikTok rate limit reached while reading \(what)\(said)")
        default:
            break
        }
        switch response.status {
        case 401:
            return .reconnect("TikTok refused the access token while reading \(what)\(said); reconnect the TikTok account")
        case 429:
            return await client.throttled(response, until: client.now().addingTimeInterval(60), "TikTok rate limit reached while reading \(what)\(said)")
        case 403:
            return .misconfigured("TikTok does not allow this app to read \(what)\(said); check the app's Display API approval")
        case 404:
            return .notFound("TikTok answered that \(what) was not found\(said)")
        default:
            return .failed("TikTok answered \(response.status) with code \(code.isEmpty ? "none" : code) while reading \(what)\(said)")
        }
    }
}
