import Foundation

/// The fields of `GET /me` a check reads (developer.vimeo.com, "Get the authenticated user").
struct VimeoMe: Decodable, Sendable {
    var name: String?
    var link: String?
}

extension VimeoAdapter: ConnectionVerifying {
    /// `GET /me?fields=name,link` with the token; personal access tokens do not expire.
    public func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        guard let token = feed.credential("access_token") else {
            return ConnectionVerification(valid: false, message: "The Vimeo connection has no access token: add a personal access token with the public scope")
        }
        let url = client.url(Self.base, "/me", query: [("fields", "name,link")])
        let response = try await client.get(url, headers: [("Authorization", "bearer " + token), ("Accept", "application/vnd.vimeo.*+json;version=3.4")])
        switch response.status {
        case 200..<300:
            let me = try client.decode(VimeoMe.self, from: response, "the token's user")
            let account = SocialText.nonEmpty(me.name)
            return ConnectionVerification(valid: true, account: account,
                                          message: "Vimeo accepted the access token of \(account ?? "the account"); personal access tokens last until revoked")
        case 401, 403:
            return ConnectionVerification(valid: false, message: "Vimeo refused the access token (status \(response.status)); create a new personal access token and reconnect the Vimeo account")
        case 429:
            throw await client.throttled(response, "Vimeo rate limit reached while checking the connection")
        default:
            throw .unavailable("Vimeo answered \(response.status) while checking the connection; try again later")
        }
    }
}
