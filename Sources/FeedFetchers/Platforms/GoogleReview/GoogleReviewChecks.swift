import Foundation

extension GoogleReviewAdapter: ConnectionVerifying {
    /// The place a key check reads: Google's own example in the Places docs (the Googleplex).
    static let verificationPlace = "ChIJj61dQgK6j4AR4GeTYWZsKWw"

    /// An API key: Place Details (New) with the field mask `id`, the free "IDs Only" SKU. A
    /// Business Profile connection without a key: its refresh token's known end, checked at
    /// the next fetch (the hour-long access token is renewed there).
    func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        let until = ConnectionVerification.storedExpiry(credentials, ["refresh_token_expires_at"])
        guard let key = feed.credential("api_key") else {
            let ready = feed.credential("refresh_token") != nil && feed.credential("client_id") != nil && feed.credential("client_secret") != nil
            return ConnectionVerification(valid: ready, validUntil: until, message: ready
                ? "The connection has a Business Profile refresh token and client pair; Roost renews the access token at each fetch, and the feeds' health shows if Google refuses it"
                : "The connection has neither an API key nor a Business Profile refresh token with client_id and client_secret: add an api_key for Places feeds, or reconnect the Google account")
        }
        let url = client.url("https://places.googleapis.com", "/v1/places/\(Self.verificationPlace)", query: [])
        let response = try await client.get(url, headers: [("X-Goog-Api-Key", key), ("X-Goog-FieldMask", "id")])
        if (200..<300).contains(response.status) {
            return ConnectionVerification(valid: true, validUntil: until,
                                          message: "Google accepted the API key for the Places API (New); API keys do not expire unless restricted or deleted")
        }
        let requests = Requests(client: client, feed: feed, route: .places(placeId: Self.verificationPlace))
        let error = await requests.error(response)
        if let refused = ConnectionVerification.refused(error) { return refused }
        throw error
    }
}
