import Foundation

extension BlueskyAdapter {
    /// A hashtag feed's login: the session cached in the connection, else `createSession` with
    /// the app password; an expired access JWT is renewed once (`refreshSession`, else a new
    /// login) and the request retried.
    struct Session: Sendable {
        let client: PlatformClient
        let feed: PlatformFeed
        private var access: String?
        private var refresh: String?
        /// Whether the tokens come from this fetch's login (so renewing them again is pointless).
        private var fresh = false
        /// Whether this fetch already renewed the session.
        private var renewed = false
        /// Tokens obtained during this fetch, to store in the connection.
        private(set) var refreshed: [String: String] = [:]
        /// The handle the last login answered with.
        private(set) var handle: String?

        /// A session from the connection's cached tokens, if any.
        init(client: PlatformClient, feed: PlatformFeed) {
            self.client = client
            self.feed = feed
            access = feed.credential("access_jwt")
            refresh = feed.credential("refresh_jwt")
        }

        /// A GET with the access JWT, logging in first when needed and renewing once on `ExpiredToken`.
        mutating func get(_ url: String, subject: String) async throws(PlatformError) -> FetchResponse {
            if access == nil { try await logIn() }
            var response = try await client.get(url, headers: [("Authorization", "Bearer \(access ?? "")")])
            guard isExpired(response) else { return response }
            guard !fresh, !renewed else {
                throw .reconnect("Bluesky refused a new session for \(subject): reconnect the Bluesky account with a new app password")
            }
            renewed = true
            if !(try await refreshSession()) { try await logIn() }
            response = try await client.get(url, headers: [("Authorization", "Bearer \(access ?? "")")])
            if isExpired(response) {
                throw .reconnect("Bluesky refused the renewed session for \(subject): reconnect the Bluesky account with a new app password")
            }
            return response
        }

        /// Whether Bluesky refused the access JWT as expired or invalid.
        private func isExpired(_ response: FetchResponse) -> Bool {
            guard [400, 401].contains(response.status) else { return false }
            let name = client.decodeIfPossible(BlueskyErrorBody.self, from: response)?.error
            return name == "ExpiredToken" || name == "InvalidToken" || (response.status == 401 && name == "AuthenticationRequired")
        }

        /// `com.atproto.server.refreshSession` with the refresh JWT; false when there is none or it was refused.
        private mutating func refreshSession() async throws(PlatformError) -> Bool {
            guard let refresh else { return false }
            let response = try await client.send(FetchRequest(
                url: client.url(BlueskyAdapter.entryway, "/xrpc/com.atproto.server.refreshSession"),
                headers: [("Authorization", "Bearer \(refresh)"), ("Accept", "application/json")], method: "POST"))
            guard (200..<300).contains(response.status),
                  let session = client.decodeIfPossible(BlueskySession.self, from: response), keep(session) else { return false }
            return true
        }

        /// Logs in once with the identifier and app password (a connection check).
        mutating func logInForCheck() async throws(PlatformError) { try await logIn() }

        /// `com.atproto.server.createSession` with the identifier and app password.
        private mutating func logIn() async throws(PlatformError) {
            guard let identifier = feed.credential("identifier"), let password = feed.credential("app_password") else {
                throw access == nil && refresh == nil
                    ? PlatformError.misconfigured("A Bluesky hashtag feed needs a Bluesky login: connect an account with its identifier and an app password")
                    : .reconnect("The Bluesky session expired and the connection has no app password: reconnect the Bluesky account")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(["identifier": identifier, "password": password])).map { Array($0) } ?? []
            let response = try await client.send(FetchRequest(
                url: client.url(BlueskyAdapter.entryway, "/xrpc/com.atproto.server.createSession"),
                headers: [("Content-Type", "application/json"), ("Accept", "application/json")], method: "POST", body: body))
            let error = client.decodeIfPossible(BlueskyErrorBody.self, from: response)
            let said = error?.message.flatMap(SocialText.nonEmpty).map { " (Bluesky said: \($0))" } ?? ""
            switch response.status {
            case 200..<300:
                let session = try client.decode(BlueskySession.self, from: response, "a session")
                guard keep(session) else {
                    throw .failed("Bluesky's login of \(identifier) answered without an access token")
                }
                fresh = true
            case 429:
                throw await client.throttled(response, "Bluesky's login limit was reached for \(identifier)\(said)")
            case 500...:
                throw .failed("Bluesky answered HTTP \(response.status) to the login of \(identifier)\(said)")
            default:
                let hint = error?.error == "AuthFactorTokenRequired" ? "use an app password, not the account password, and" : "create a new app password and"
                throw .reconnect("Bluesky refused the login of \(identifier)\(said): \(hint) reconnect the Bluesky account")
            }
        }

        /// Keeps a session's tokens; false when it has no access token.
        private mutating func keep(_ session: BlueskySession) -> Bool {
            guard let token = SocialText.nonEmpty(session.accessJwt) else { return false }
            access = token
            handle = SocialText.nonEmpty(session.handle)
            refreshed["access_jwt"] = token
            if let renewal = SocialText.nonEmpty(session.refreshJwt) {
                refresh = renewal
                refreshed["refresh_jwt"] = renewal
            }
            return true
        }
    }
}
