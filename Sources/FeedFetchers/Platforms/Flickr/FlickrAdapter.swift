import Foundation

/// Flickr's public photo feed (`/services/feeds/photos_public.gne`) in its Atom form: a
/// user's photos, photos with tags, or both. No key, no pagination, the 20 newest photos.
public struct FlickrAdapter: PlatformAdapter {
    public var service: String { "flickr" }
    public var attributeNames: Set<String> { ["user_id", "tags", "tagmode"] }
    /// Public feed: no connection.
    public var credentialFields: [CredentialField] { [] }
    /// The feed is cached for several minutes; poll every 15 minutes at most (fixtures README).
    public var minimumInterval: TimeInterval { 15 * 60 }
    /// No documented limit: a polite ceiling for one site's feeds.
    public var ratePolicy: RatePolicy { RatePolicy(requests: 60, per: 60) }

    static let base = "https://www.flickr.com"

    /// Creates the adapter.
    public init() {}

    /// What is wrong with the attributes: an NSID, comma-separated tags, `all` or `any`; at least a user or tags.
    public func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        var problems: [AttributeProblem] = []
        if attributes["user_id"] == nil && attributes["tags"] == nil {
            problems.append(AttributeProblem("user_id", "a Flickr feed needs a user_id (an NSID such as 201234567@N04), tags, or both"))
        }
        if let value = attributes["user_id"], !(Self.text(value).map(Self.isNSID) ?? false) {
            problems.append(AttributeProblem("user_id", "must be a Flickr user id (NSID) such as 201234567@N04"))
        }
        if let value = attributes["tags"], Self.tags(Self.text(value)).isEmpty {
            problems.append(AttributeProblem("tags", "must be one or more comma-separated tags, such as latteart,coffee"))
        }
        if let value = attributes["tagmode"], !["all", "any"].contains(Self.text(value)?.lowercased() ?? "") {
            problems.append(AttributeProblem("tagmode", "must be all (photos with every tag) or any (photos with one of them)"))
        }
        return problems
    }

    /// Reads the feed.
    public func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        let user = feed.string("user_id")
        let tags = Self.tags(feed.string("tags"))
        guard user != nil || !tags.isEmpty else {
            throw .misconfigured("This Flickr feed needs a user_id, tags, or both")
        }
        let what = [user.map { "user \($0)" }, tags.isEmpty ? nil : "tags \(tags.joined(separator: ","))"]
            .compactMap { $0 }.joined(separator: " with ")
        // Exactly the requests of the fixtures manifest: a user's photos as Atom (no `format`),
        // everyone's photos with a tag as `format=json` (JSONP, read by FlickrJSON).
        var query: [(String, String)] = []
        if let user { query.append(("id", user)) }
        if !tags.isEmpty { query.append(("tags", tags.joined(separator: ","))) }
        query.append(("tagmode", feed.string("tagmode")?.lowercased() ?? "all"))
        query.append(user == nil ? ("format", "json") : ("lang", "en-us"))
        let url = client.url(Self.base, "/services/feeds/photos_public.gne", query: query)
        var state = feed.state
        let response = try await client.conditionalGet(url, state: state)
        switch response.status {
        case 304:
            return PlatformResult(posts: [], state: state, notModified: true)
        case 200..<300:
            break
        case 404:
            throw .notFound("The Flickr photo feed of \(what) was not found (404); check user_id")
        case 429:
            throw await client.throttled(response, "Flickr rate limit reached for the photo feed of \(what)")
        default:
            throw .failed("Flickr answered \(response.status) for the photo feed of \(what)")
        }
        let posts = try Self.posts(from: response, what: what)
        state.rememberValidators(of: response, for: url)
        return PlatformResult(posts: Array(posts.prefix(feed.maxPosts)), state: state)
    }

    /// The posts of an answer: Atom as asked, or the JSON / JSONP form should Flickr send that.
    static func posts(from response: FetchResponse, what: String) throws(PlatformError) -> [Post] {
        if FlickrJSON.looksLikeJSON(response.body) {
            return (try FlickrJSON.decode(response.body).items ?? []).map(FlickrMapping.post)
        }
        let feed: FlickrAtomFeed
        do {
            guard let read = FlickrAtomFeed(root: try PlatformXML.parse(response.body, contentType: response.contentType)) else {
                throw FeedParseError.notAFeed(rootElement: "?")
            }
            feed = read
        } catch {
            throw .failed("Flickr answered the photo feed of \(what) with a document Roost could not read as an Atom feed: \(error)")
        }
        return feed.entries.map(FlickrMapping.post)
    }

    /// `201234567@N04`: digits, `@N`, digits.
    static func isNSID(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let suffix = parts[1].dropFirst().nilIfEmpty, parts[1].first == "N" else { return false }
        return (1...20).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isNumber }
            && suffix.count <= 4 && suffix.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The tags of a comma-separated list: trimmed, a leading `#` dropped, empty ones left out.
    static func tags(_ text: String?) -> [String] {
        guard let text else { return [] }
        return SocialText.uniqueTags(text.split(separator: ",").map {
            var tag = $0.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("#") { tag.removeFirst() }
            return tag
        })
    }

    private static func text(_ value: FeedAttribute) -> String? {
        value.textValue?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Substring {
    /// Nil when empty.
    fileprivate var nilIfEmpty: Substring? { isEmpty ? nil : self }
}
