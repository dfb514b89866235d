import Foundation

/// `vimeo` feeds: a user's videos (or one of their showcases), newest first, through Vimeo
/// API 3.4 (fixtures README `vimeo/`), page by page; videos a wall cannot play are skipped.
public struct VimeoAdapter: PlatformAdapter {
    static let base = "https://api.vimeo.com"
    /// Videos a page: Vimeo's maximum `per_page` (fixtures README `vimeo/`), so the newest 100 take one request.
    static let pageSize = "100"
    static let fields = "uri,name,description,type,link,player_embed_url,duration,width,height,created_time,modified_time,release_time,pictures.base_link,pictures.sizes,tags.name,tags.tag,user.name,user.link,user.pictures.sizes,privacy.view,privacy.embed,status"

    /// Creates the adapter.
    public init() {}

    public var service: String { "vimeo" }
    public var attributeNames: Set<String> { ["user", "showcase_id"] }
    public var credentialFields: [CredentialField] { [CredentialField("access_token", aliases: ["token"])] }
    public var minimumInterval: TimeInterval { 15 * 60 }
    /// The fixtures' `X-RateLimit-Limit`: 600 a minute (Vimeo's headers say what is left).
    public var ratePolicy: RatePolicy { RatePolicy(requests: 600, per: 60) }

    /// `user` must be a Vimeo user id or name; `showcase_id`, when given, a showcase's number.
    public func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        var problems: [AttributeProblem] = []
        let user = attributes["user"].map { $0.textValue ?? "" }
        if Self.user(user) == nil {
            problems.append(AttributeProblem("user", "must be a Vimeo user id or name: 1–64 letters, digits, _ or - (as in vimeo.com/kettleandcrow)"))
        }
        if let showcase = attributes["showcase_id"], !Self.isShowcaseId(showcase.textValue ?? "") {
            problems.append(AttributeProblem("showcase_id", "must be the number of a Vimeo showcase (as in vimeo.com/showcase/11208765)"))
        }
        return problems
    }

    /// Reads the newest videos (first fetch: up to `maxPosts` over `page=N` pages; later ones
    /// stop at the first page holding a stored video).
    public func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let user = Self.user(feed.string("user")) else {
            throw .misconfigured("The Vimeo feed's user is not a Vimeo user id or name")
        }
        guard let token = feed.credential("access_token") else {
            throw .misconfigured("The Vimeo feed has no access token: connect a Vimeo account (personal access token with the public scope) to the site")
        }
        let showcase = feed.string("showcase_id")
        let path = "/users/\(PlatformQuery.escape(user))" + (showcase.map { "/albums/\(PlatformQuery.escape($0))" } ?? "") + "/videos"
        let what = showcase.map { "the Vimeo showcase \($0) of user \(user)" } ?? "the Vimeo user \(user)"
        var posts: [Post] = []
        var page = 1
        while true {
            let url = client.url(Self.base, path, query: [
                ("per_page", Self.pageSize), ("page", String(page)), ("sort", "date"), ("direction", "desc"), ("fields", Self.fields),
            ])
            let answer: VimeoVideoPage
            do throws(PlatformError) {
                let response = try await client.get(url, headers: [
                    ("Authorization", "bearer " + token), ("Accept", "application/vnd.vimeo.*+json;version=3.4"),
                ])
                guard (200..<300).contains(response.status) else { throw await error(response, what, client: client) }
                answer = try client.decode(VimeoVideoPage.self, from: response, "a video list")
            } catch {
                // A later page only adds older videos: keep what the first pages gave.
                if page == 1 || posts.isEmpty { throw error }
                break
            }
            let videos = answer.data ?? []
            posts += videos.filter(VimeoMapping.isShowable).map(VimeoMapping.post)
            let reachedKnown = videos.contains { VimeoMapping.id($0).map(feed.isKnown) ?? false }
            guard !reachedKnown, answer.paging?.next != nil, posts.count < feed.maxPosts, page < feed.maxPages else { break }
            page += 1
        }
        return PlatformResult(posts: Array(posts.prefix(feed.maxPosts)), state: feed.state)
    }

    /// The `PlatformError` for a Vimeo error answer.
    private func error(_ response: FetchResponse, _ what: String, client: PlatformClient) async -> PlatformError {
        let body = client.decodeIfPossible(VimeoErrorBody.self, from: response)
        let said = (SocialText.nonEmpty(body?.developerMessage) ?? SocialText.nonEmpty(body?.error)).map { " (\($0))" } ?? ""
        switch response.status {
        case 401:
            return .reconnect("Vimeo refused the access token\(said); reconnect the Vimeo account or enter a new personal access token")
        case 429:
            let reset = RateLimitHeaders(response.headers, now: client.now()).resetAt
            return await client.throttled(response, until: reset, "Vimeo rate limit reached while reading \(what)\(said)")
        case 403:
            return .misconfigured("Vimeo does not allow this token to read the videos of \(what)\(said); check the token's scopes")
        case 404:
            return .notFound("\(what.prefix(1).uppercased() + what.dropFirst()) was not found\(said); check the feed's user and showcase_id")
        default:
            return .failed("Vimeo answered \(response.status) while reading the videos of \(what)\(said)")
        }
    }

    /// The user part of the path: a Vimeo user id or name, from the name, `@name` or a
    /// `vimeo.com/name` address; nil when it is none of those.
    static func user(_ text: String?) -> String? {
        guard var name = text?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return nil }
        if let host = name.range(of: "vimeo.com/", options: .caseInsensitive) {
            name = String(name[host.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        } else if name.hasPrefix("@") {
            name.removeFirst()
        }
        let allowed = (1...64).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
        }
        return allowed ? name : nil
    }

    /// Whether `text` is a showcase id: digits only.
    static func isShowcaseId(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && trimmed.count <= 20 && trimmed.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
