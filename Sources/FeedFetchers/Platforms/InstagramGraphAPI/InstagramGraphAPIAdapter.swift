import Foundation

/// Instagram business and creator accounts through the Graph API (fixtures README
/// `instagram_graph_api`): the account's own posts, or recent public posts of a hashtag.
struct InstagramGraphAPIAdapter: PlatformAdapter {
    let service = "instagram_graph_api"
    var channel: String { "instagram" }
    var attributeNames: Set<String> { ["ig_user_id", "source", "hashtag"] }
    /// The token, and what the connection knows about it: which login made it
    /// (`instagram`/`facebook`) and when it was last extended, for the refresh.
    var credentialFields: [CredentialField] {
        [CredentialField("access_token", aliases: ["token"]),
         CredentialField("token_type", required: false, secret: false),
         CredentialField("refreshed_at", required: false, secret: false),
         CredentialField("expires_at", required: false, secret: false)]
    }
    var minimumInterval: TimeInterval { 15 * 60 }
    /// Business Use Case limits grow with the account's reach; 200 calls an hour is the floor Meta documents.
    var ratePolicy: RatePolicy { RatePolicy(requests: 200, per: 60 * 60) }
    /// Every feed reads through a connection's token.
    func needsCredentials(_ attributes: [String: FeedAttribute]) -> Bool { true }

    /// What a feed reads.
    enum Target: Equatable {
        /// The account's own media.
        case account(userId: String)
        /// Recent public media with a hashtag (no `#`), searched in the context of the account.
        case hashtag(userId: String, tag: String)
    }

    /// One problem per missing or malformed attribute.
    func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        var problems: [AttributeProblem] = []
        if Self.isBlank(attributes["ig_user_id"]) {
            problems.append(AttributeProblem("ig_user_id", "is required: the numeric id of the Instagram business or creator account, e.g. 17841405822304914"))
        } else if Self.text(attributes["ig_user_id"]).flatMap(Self.userId) == nil {
            problems.append(AttributeProblem("ig_user_id", "must be the Instagram account's numeric id (digits only, written as a string, e.g. \"17841405822304914\"), not a username"))
        }
        let source = Self.source(attributes)
        if source == nil {
            problems.append(AttributeProblem("source", "must be \"account\" (the account's own posts) or \"hashtag\" (recent public posts with a hashtag)"))
        }
        let hashtag = Self.text(attributes["hashtag"])
        if source == "hashtag", hashtag == nil {
            problems.append(AttributeProblem("hashtag", "is required when source is \"hashtag\": one hashtag without '#', letters, digits or _"))
        } else if hashtag != nil, hashtag.flatMap(Self.hashtag) == nil {
            problems.append(AttributeProblem("hashtag", "must be one hashtag without '#': letters, digits or _ only (no spaces, punctuation or emoji), at most 100 characters"))
        }
        return problems
    }

    /// Refreshes an Instagram-Login token when due, then reads the account's media or the hashtag's recent media.
    func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let target = Self.target(feed.attributes) else {
            throw .misconfigured("The Instagram feed's attributes are not valid: it needs ig_user_id (digits) and, for source \"hashtag\", a hashtag")
        }
        guard var token = feed.credential("access_token") else {
            throw .misconfigured("The Instagram feed has no access token: connect an Instagram business or creator account to the site")
        }
        var refreshed: [String: String] = [:]
        if let renewal = await InstagramTokenRefresh.refreshIfDue(token: token, feed: feed, client: client) {
            token = renewal.accessToken
            refreshed = renewal.credentials
        }
        let reader = InstagramGraphAPIReader(client: client, feed: feed, token: token)
        var state = feed.state
        let posts: [Post]
        switch target {
        case .account(let userId):
            posts = try await reader.accountPosts(userId: userId)
        case .hashtag(let userId, let tag):
            let hashtagId = try await reader.hashtagId(tag, userId: userId, cached: Self.cachedHashtagId(tag, in: state))
            state["hashtag"] = tag.lowercased()
            state["hashtag_id"] = hashtagId
            posts = try await reader.hashtagPosts(hashtagId: hashtagId, tag: tag, userId: userId)
        }
        return PlatformResult(posts: PostOrdering.newestFirst(posts), state: state, refreshedCredentials: refreshed)
    }

    // MARK: - Attributes

    /// The feed's target; nil when the attributes are not valid.
    static func target(_ attributes: [String: FeedAttribute]) -> Target? {
        guard let userId = text(attributes["ig_user_id"]).flatMap(userId) else { return nil }
        switch source(attributes) {
        case "account": return .account(userId: userId)
        case "hashtag":
            guard let tag = text(attributes["hashtag"]).flatMap(hashtag) else { return nil }
            return .hashtag(userId: userId, tag: tag)
        default: return nil
        }
    }

    /// `source`, lower-cased: as given, else `hashtag` when a hashtag is given, else `account`;
    /// nil when it is something else.
    static func source(_ attributes: [String: FeedAttribute]) -> String? {
        guard let given = text(attributes["source"])?.lowercased() else {
            return text(attributes["hashtag"]) == nil ? "account" : "hashtag"
        }
        return given == "account" || given == "hashtag" ? given : nil
    }

    /// A numeric Instagram user id; nil otherwise.
    static func userId(_ text: String) -> String? {
        guard (1...25).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text
    }

    /// A hashtag without its one leading `#`: letters, digits, `_` (and the marks of scripts
    /// that need them), at most 100; nil otherwise (spaces, punctuation, emoji).
    static func hashtag(_ text: String) -> String? {
        let tag = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard !tag.isEmpty, tag.count <= 100 else { return nil }
        let allowed = tag.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar.properties.isAlphabetic
                || [.decimalNumber, .nonspacingMark, .spacingMark].contains(scalar.properties.generalCategory)
        }
        return allowed ? tag : nil
    }

    /// The hashtag id kept from an earlier fetch, if it was looked up for this tag.
    static func cachedHashtagId(_ tag: String, in state: PlatformState) -> String? {
        guard state["hashtag"] == tag.lowercased(), let id = state["hashtag_id"], !id.isEmpty else { return nil }
        return id
    }

    /// Whether an attribute is absent or empty text.
    private static func isBlank(_ value: FeedAttribute?) -> Bool {
        guard let value else { return true }
        return value.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true
    }

    /// An attribute as trimmed text; nil when absent or empty.
    private static func text(_ value: FeedAttribute?) -> String? {
        guard let text = value?.textValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
