import Foundation

/// `twitter_v2` feeds: X API v2 recent search (fixtures README `twitter_v2/`), with an
/// app-only bearer token, `next_token` pages on the first fetch and `since_id` polling.
public struct TwitterAdapter: PlatformAdapter {
    static let base = "https://api.x.com"
    static let path = "/2/tweets/search/recent"
    /// Posts a page: recent search's maximum `max_results` (10–100, fixtures README `twitter_v2/`).
    static let pageSize = "100"
    /// The state key of the newest post id seen.
    static let sinceIdKey = "since_id"

    /// Creates the adapter.
    public init() {}

    public var service: String { "twitter_v2" }
    public var channel: String { "twitter" }
    public var attributeNames: Set<String> {
        ["author", "hashtag_or_keyword", "include_replies", "videos_required", "pictures_required"]
    }
    public var credentialFields: [CredentialField] { [CredentialField("bearer_token", aliases: ["access_token", "token"])] }
    /// X is paid per request: poll at most every half hour.
    public var minimumInterval: TimeInterval { 30 * 60 }
    /// Recent search with an app-only token: 450 requests per 15 minutes (Pro; the headers say more).
    public var ratePolicy: RatePolicy { RatePolicy(requests: 450, per: 15 * 60) }

    /// What is wrong with the attributes (see `TwitterQuery.problems`).
    public func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        TwitterQuery.problems(in: attributes)
    }

    /// Searches the newest posts (first fetch: up to `maxPosts` over `next_token` pages) or
    /// those newer than the stored `since_id`.
    public func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let token = feed.credential("bearer_token") ?? feed.credential("access_token") else {
            throw .misconfigured("The X feed has no bearer token: connect an X account (app-only bearer token) to the site")
        }
        let query = TwitterQuery(feed.attributes).text
        var sinceId = feed.state[Self.sinceIdKey]
        var newest = sinceId
        var posts: [Post] = []
        var nextToken: String?
        var pages = 0
        while true {
            let answer: TwitterSearchResponse?
            do throws(PlatformError) {
                answer = try await search(query, sinceId: sinceId, nextToken: nextToken, token: token, client: client)
            } catch {
                // A later page only adds older posts: keep (and remember) what the first pages gave.
                if pages == 0 || posts.isEmpty { throw error }
                break
            }
            guard let page = answer else {
                // X refuses a since_id from before its 7-day window: search the whole window instead.
                sinceId = nil
                continue
            }
            pages += 1
            for id in (page.data ?? []).map(\.id) + [page.meta?.newestId].compactMap({ $0 }) where Self.isNewer(id, than: newest) {
                newest = id
            }
            let found = TwitterMapping.posts(page)
            posts += found
            let reachedKnown = found.contains { $0.sourceId.map(feed.isKnown) ?? false }
            guard let next = page.meta?.nextToken, !reachedKnown, posts.count < feed.maxPosts, pages < feed.maxPages else { break }
            nextToken = next
        }

        var state = feed.state
        state[Self.sinceIdKey] = newest
        return PlatformResult(posts: Array(posts.prefix(feed.maxPosts)), state: state)
    }

    /// One page of results, or the error X answered, classified; nil when X refused the `since_id` of a first page.
    private func search(_ query: String, sinceId: String?, nextToken: String?, token: String,
                        client: PlatformClient) async throws(PlatformError) -> TwitterSearchResponse? {
        var parameters: [(String, String)] = [
            ("query", query),
            ("max_results", Self.pageSize),
            ("expansions", "author_id,attachments.media_keys"),
            ("tweet.fields", "created_at,author_id,entities,attachments,public_metrics,lang,conversation_id,note_tweet,possibly_sensitive,reply_settings,edit_history_tweet_ids"),
            ("user.fields", "name,username,profile_image_url,verified,protected,url,description"),
            ("media.fields", "url,preview_image_url,alt_text,width,height,duration_ms,variants,public_metrics"),
        ]
        if let sinceId { parameters.append(("since_id", sinceId)) }
        if let nextToken { parameters.append(("next_token", nextToken)) }
        let url = client.url(Self.base, Self.path, query: parameters)
        let response = try await client.get(url, headers: [("Authorization", "Bearer " + token)])
        if response.status == 400, sinceId != nil, nextToken == nil { return nil }
        guard (200..<300).contains(response.status) else { throw await error(response, query: query, client: client) }
        let page = try client.decode(TwitterSearchResponse.self, from: response, "a search result")
        if page.data == nil, page.meta == nil, let problem = page.errors?.first {
            throw .failed("X answered the search for \(query) with an error: \(Self.describe(problem))")
        }
        return page
    }

    /// The `PlatformError` for an X error response (problem-details JSON).
    private func error(_ response: FetchResponse, query: String, client: PlatformClient) async -> PlatformError {
        let problem = client.decodeIfPossible(TwitterProblem.self, from: response)
        let said = problem.map(Self.describe) ?? "status \(response.status)"
        switch response.status {
        case 401:
            return .reconnect("X refused the bearer token (\(said)); reconnect the X account or enter a new bearer token")
        case 429:
            let reset = RateLimitHeaders(response.headers, now: client.now()).resetAt
            return await client.throttled(response, until: reset, "X rate limit reached for recent search (\(said))")
        case 403:
            return .misconfigured("X does not allow this app to use recent search (\(said)); check the X developer project's access level")
        case 400:
            return .misconfigured("X rejected the search query \(query) (\(said)); check the feed's author and hashtag_or_keyword")
        case 404:
            return .notFound("X answered that the recent search endpoint was not found (\(said))")
        default:
            return .failed("X answered \(response.status) to the search for \(query) (\(said))")
        }
    }

    /// A problem's title and detail in a few words.
    static func describe(_ problem: TwitterProblem) -> String {
        let parts = [problem.title, problem.detail].compactMap { SocialText.nonEmpty($0) }
        let unique = parts.count == 2 && parts[0] == parts[1] ? [parts[0]] : parts
        return unique.isEmpty ? "no details" : unique.joined(separator: ": ")
    }

    /// Whether snowflake `id` is newer than `other` (nil counts as oldest): decimal ids of any
    /// length, compared by length, then digit by digit.
    static func isNewer(_ id: String, than other: String?) -> Bool {
        guard let other else { return true }
        let left = id.drop { $0 == "0" }, right = other.drop { $0 == "0" }
        if left.count != right.count { return left.count > right.count }
        return left > right
    }
}
