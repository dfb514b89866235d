import Foundation

/// What the Facebook and Instagram adapters share for re-checking posts and verifying a
/// connection: one `GET /{id}?fields=id` per post (the Graph API fails a whole `?ids=` batch
/// when one id is missing) and `GET /me` for the token's owner.
enum MetaSourceChecks {
    /// The node read by a re-check: only its id.
    struct Node: Decodable, Sendable {
        var id: String?
    }

    /// The token's owner: `id`, and `name` (Pages, Facebook users) or `username` (Instagram Login).
    struct Owner: Decodable, Sendable {
        var id: String?
        var name: String?
        var username: String?
    }

    /// The ids Meta answers error 100/33 ("Object with ID does not exist") for. A post the token
    /// may not see (a permission error) is not counted; token, rate-limit and server errors
    /// end the check, so nothing is unpublished on them.
    static func deleted(_ ids: [String], base: String, token: String, platform: String,
                        client: PlatformClient) async throws(PlatformError) -> Set<String> {
        var gone: Set<String> = []
        for id in ids {
            let url = client.url(base, MetaGraph.path(id), query: [("fields", "id"), ("access_token", token)])
            let response = try await MetaGraph.get(url, client: client, token: token)
            if (200..<300).contains(response.status) { continue }
            let detail = client.decodeIfPossible(MetaErrorBody.self, from: response)?.error
            if detail?.code == 100, detail?.errorSubcode == 33 {
                gone.insert(id)
                continue
            }
            let context = MetaErrorContext(platform: platform, subject: "\(platform) post \(id)", reconnectAdvice: "reconnect the \(platform) account",
                                           permissionAdvice: "check the connection's permissions", token: token)
            let error = await MetaErrors.error(response, context, client: client)
            switch error {
            case .misconfigured, .notFound: continue
            default: throw error
            }
        }
        return gone
    }

    /// `GET /me` with the token: valid with the owner's name, or refused with Meta's reason.
    static func verify(base: String, fields: String, token: String, platform: String, advice: String,
                       validUntil: Date?, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let url = client.url(base, MetaGraph.path("me"), query: [("fields", fields), ("access_token", token)])
        let context = MetaErrorContext(platform: platform, subject: "\(platform) connection", reconnectAdvice: advice,
                                       permissionAdvice: "check the connection's permissions", token: token)
        let owner: Owner
        do {
            owner = try await MetaGraph.read(Owner.self, url, "the token's owner", client: client, context: context)
        } catch {
            if let refused = ConnectionVerification.refused(error) { return refused }
            throw error
        }
        let account = SocialText.nonEmpty(owner.username) ?? SocialText.nonEmpty(owner.name) ?? SocialText.nonEmpty(owner.id)
        let until = validUntil.map { " until \(FeedDate.isoString($0))" } ?? "; Meta does not say here when it expires"
        return ConnectionVerification(valid: true, validUntil: validUntil, account: account,
                                      message: "\(platform) accepted the token of \(account ?? "the connected account")\(until)")
    }
}

extension FacebookAdapter: SourceChecking, ConnectionVerifying {
    /// One Graph request per post: a small batch per round.
    var sourceCheckBatchSize: Int { 10 }

    /// The posts the Graph API says no longer exist.
    func deletedSourceIds(_ sourceIds: [String], feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> Set<String> {
        guard let token = feed.credential("access_token") else {
            throw .misconfigured("The Facebook feed has no Page access token: connect the Facebook Page to the site")
        }
        return try await MetaSourceChecks.deleted(sourceIds, base: MetaGraph.facebookBase, token: token, platform: "Facebook", client: client)
    }

    /// `GET /me?fields=id,name`: a Page token answers with the Page.
    func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        guard let token = feed.credential("access_token") else {
            return ConnectionVerification(valid: false, message: "The Facebook connection has no Page access token: reconnect the Facebook Page")
        }
        return try await MetaSourceChecks.verify(
            base: MetaGraph.facebookBase, fields: "id,name", token: token, platform: "Facebook", advice: "reconnect the Facebook Page",
            validUntil: ConnectionVerification.storedExpiry(credentials, ["expires_at"]), client: client)
    }
}

extension InstagramGraphAPIAdapter: SourceChecking, ConnectionVerifying {
    /// One Graph request per post: a small batch per round.
    var sourceCheckBatchSize: Int { 10 }

    /// The media the Graph API says no longer exist (on the host the token belongs to).
    func deletedSourceIds(_ sourceIds: [String], feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> Set<String> {
        guard let token = feed.credential("access_token") else {
            throw .misconfigured("The Instagram feed has no access token: connect an Instagram business or creator account to the site")
        }
        let base = InstagramTokenRefresh.isInstagramLogin(token: token, credentials: feed.credentials) ? MetaGraph.instagramBase : MetaGraph.facebookBase
        return try await MetaSourceChecks.deleted(sourceIds, base: base, token: token, platform: "Instagram", client: client)
    }

    /// `GET /me`: Instagram Login answers the account's username, Facebook Login the user's name.
    func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        guard let token = feed.credential("access_token") else {
            return ConnectionVerification(valid: false, message: "The Instagram connection has no access token: reconnect the Instagram account")
        }
        let instagramLogin = InstagramTokenRefresh.isInstagramLogin(token: token, credentials: credentials)
        return try await MetaSourceChecks.verify(
            base: instagramLogin ? MetaGraph.instagramBase : MetaGraph.facebookBase, fields: instagramLogin ? "user_id,username" : "id,name",
            token: token, platform: "Instagram", advice: "reconnect the Instagram account",
            validUntil: ConnectionVerification.storedExpiry(credentials, ["expires_at"]), client: client)
    }
}
