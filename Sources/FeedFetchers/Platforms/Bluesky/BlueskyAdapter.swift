import Foundation

/// Bluesky posts (fixtures/platforms/bluesky/README.md): one account's feed from the public
/// AppView (no login), or a hashtag's latest posts through `searchPosts`, which needs a login
/// with an app password (the session is cached in the connection and renewed when it expires).
struct BlueskyAdapter: PlatformAdapter {
    let service = "bluesky"
    let attributeNames: Set<String> = ["handle", "did", "hashtag", "include_reposts", "include_replies"]
    /// The login of hashtag feeds, and the session Roost keeps (`access_jwt`, `refresh_jwt`).
    let credentialFields = [
        CredentialField("identifier", secret: false, aliases: ["username"]),
        CredentialField("app_password", aliases: ["password"]),
        CredentialField("access_jwt", required: false), CredentialField("refresh_jwt", required: false),
    ]
    /// A public feed: every 15 minutes at most.
    let minimumInterval: TimeInterval = 15 * 60
    /// The PDS allows 3000 requests per 5 minutes (per IP); the AppView publishes no figure.
    let ratePolicy = RatePolicy(requests: 3000, per: 5 * 60)

    static let appView = "https://public.api.bsky.app"
    /// Posts a page: the maximum `limit` of getAuthorFeed and searchPosts (1–100, fixtures README `bluesky/`).
    static let pageSize = "100"
    static let entryway = "https://bsky.social"

    /// What a feed follows.
    enum Source: Sendable, Equatable {
        case actor(String)
        case hashtag(String)
    }

    /// Author feeds are public; hashtag search needs a login.
    func needsCredentials(_ attributes: [String: FeedAttribute]) -> Bool { attributes["hashtag"] != nil }

    /// Exactly one well-formed handle, did or hashtag; booleans for the flags.
    func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        var problems: [AttributeProblem] = []
        let given = ["handle", "did", "hashtag"].filter { attributes[$0] != nil }
        if given.isEmpty {
            problems.append(AttributeProblem("handle", "is required: a Bluesky handle such as name.bsky.social (or give a did or a hashtag instead)"))
        }
        for name in given.dropFirst() {
            problems.append(AttributeProblem(name, "cannot be combined with \(given[0]): a Bluesky feed follows one account or one hashtag"))
        }
        if let value = attributes["handle"], Self.handle(value) == nil {
            problems.append(AttributeProblem("handle", "must be a Bluesky handle: a domain name such as kettleandcrow.bsky.social"))
        }
        if let value = attributes["did"], Self.did(value) == nil {
            problems.append(AttributeProblem("did", "must be a Bluesky DID: did:plc:<24 letters and digits> or did:web:<domain>"))
        }
        if let value = attributes["hashtag"], Self.hashtag(value) == nil {
            problems.append(AttributeProblem("hashtag", "must be one hashtag: up to 64 characters without spaces, with or without #"))
        }
        for name in ["include_reposts", "include_replies"] where attributes[name].map({ $0.boolValue == nil }) ?? false {
            problems.append(AttributeProblem(name, "must be true or false"))
        }
        return problems
    }

    /// The feed's pages, newest first, with any session obtained on the way.
    func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let source = Self.source(feed.attributes) else {
            throw .misconfigured("The Bluesky feed needs exactly one valid handle, did or hashtag")
        }
        var pages = Pages(client: client, feed: feed, source: source)
        let posts = try await pages.collect()
        return PlatformResult(posts: Array(PostOrdering.newestFirst(posts).prefix(feed.maxPosts)), state: feed.state,
                              refreshedCredentials: pages.session.refreshed)
    }

    /// The feed's source from its attributes.
    static func source(_ attributes: [String: FeedAttribute]) -> Source? {
        let given = ["handle", "did", "hashtag"].filter { attributes[$0] != nil }
        guard given.count == 1 else { return nil }
        if let tag = attributes["hashtag"] { return hashtag(tag).map(Source.hashtag) }
        return (attributes["handle"].flatMap(handle) ?? attributes["did"].flatMap(did)).map(Source.actor)
    }

    /// A handle: a domain name of two or more labels (a leading `@` dropped).
    static func handle(_ value: FeedAttribute) -> String? {
        guard var text = value.textValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix("@") { text.removeFirst() }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.count <= 253, labels.count >= 2, let last = labels.last, last.first?.isLetter == true,
              labels.allSatisfy({ label in
                  (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                      && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
              }) else { return nil }
        return text
    }

    /// A DID: `did:plc:` and base32 letters, or `did:web:` and a host name.
    static func did(_ value: FeedAttribute) -> String? {
        guard let text = value.textValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix("did:plc:") {
            let id = text.dropFirst("did:plc:".count)
            return (1...64).contains(id.count) && id.allSatisfy({ ("a"..."z").contains($0) || ("2"..."7").contains($0) }) ? text : nil
        }
        if text.hasPrefix("did:web:") {
            return handle(.string(String(text.dropFirst("did:web:".count)))) != nil ? text : nil
        }
        return nil
    }

    /// A hashtag without its `#`: 1–64 characters, no white space.
    static func hashtag(_ value: FeedAttribute) -> String? {
        guard var text = value.textValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix("#") || text.hasPrefix("＃") { text.removeFirst() }
        guard (1...64).contains(text.count), !text.contains(where: { $0.isWhitespace || $0 == "#" }) else { return nil }
        return text
    }

}
