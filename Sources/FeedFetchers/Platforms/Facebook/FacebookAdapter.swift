import Foundation

/// A Facebook Page's published posts and, optionally, its recommendations, through the Graph
/// API with a Page access token (fixtures README `facebook`).
struct FacebookAdapter: PlatformAdapter {
    let service = "facebook"
    var attributeNames: Set<String> { ["page_id", "include_reviews"] }
    /// The Page token, and when it ends where known (a long-lived token's ~60 days; Page tokens
    /// from a long-lived user token do not expire), for the expiry notices of issue 12.
    var credentialFields: [CredentialField] {
        [CredentialField("access_token", aliases: ["page_access_token", "token"]), CredentialField("expires_at", required: false, secret: false)]
    }
    var minimumInterval: TimeInterval { 15 * 60 }
    /// Business Use Case limits grow with the Page's engagement; 200 calls an hour is a safe floor.
    var ratePolicy: RatePolicy { RatePolicy(requests: 200, per: 60 * 60) }
    /// Every feed reads through a connection's token.
    func needsCredentials(_ attributes: [String: FeedAttribute]) -> Bool { true }

    /// The fields of a post (`/{page-id}/published_posts`).
    static let postFields = "id,created_time,message,permalink_url,full_picture,status_type,attachments{media_type,type,title,description,url,unshimmed_url,target,media,subattachments}"
    /// The fields of a recommendation (`/{page-id}/ratings`).
    static let ratingFields = "created_time,recommendation_type,review_text,open_graph_story{id}"
    /// The Page profile fields, for `from.*` and the review attachment.
    static let pageFields = "id,name,username,link,picture.type(large),overall_star_rating,rating_count"

    /// One problem per missing or malformed attribute.
    func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        var problems: [AttributeProblem] = []
        if Self.isBlank(attributes["page_id"]) {
            problems.append(AttributeProblem("page_id", "is required: the numeric id of a Facebook Page the connection administers, e.g. 104512398765432"))
        } else if Self.pageId(attributes) == nil {
            problems.append(AttributeProblem("page_id", "must be the Facebook Page's numeric id (digits only, e.g. 104512398765432), not its name or address"))
        }
        if let flag = attributes["include_reviews"], flag.boolValue == nil {
            problems.append(AttributeProblem("include_reviews", "must be true or false"))
        }
        return problems
    }

    /// Reads the Page's posts (and recommendations), then the Page for their author.
    func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let pageId = Self.pageId(feed.attributes) else {
            throw .misconfigured("The Facebook feed's page_id is not valid: it must be the Page's numeric id")
        }
        guard let token = feed.credential("access_token") else {
            throw .misconfigured("The Facebook feed has no Page access token: connect the Facebook Page to the site")
        }
        let pager = MetaPager(feed: feed)
        let subject = "Facebook Page \(pageId)"
        let postsContext = context(subject, token: token, permission: "the Page token needs the pages_read_engagement permission")
        let wirePosts = try await pager.collect(
            page: { (after: String?) async throws(PlatformError) -> MetaList<FacebookPost> in
                let url = client.url(MetaGraph.facebookBase, MetaGraph.path("\(pageId)/published_posts"),
                                     query: [("fields", Self.postFields), ("limit", "25")] + Self.cursor(after, token: token))
                return try await MetaGraph.read(MetaList<FacebookPost>.self, url, "a post list", client: client, context: postsContext)
            },
            id: \.id, isKnown: feed.isKnown)
        var ratings: [FacebookRating] = []
        if feed.flag("include_reviews") {
            let ratingsContext = context("recommendations of the \(subject)", token: token,
                                         permission: "recommendations need the pages_read_user_content permission; grant it or turn include_reviews off")
            do {
                ratings = try await pager.collect(
                    page: { (after: String?) async throws(PlatformError) -> MetaList<FacebookRating> in
                        let url = client.url(MetaGraph.facebookBase, MetaGraph.path("\(pageId)/ratings"),
                                             query: [("fields", Self.ratingFields), ("limit", "25")] + Self.cursor(after, token: token))
                        return try await MetaGraph.read(MetaList<FacebookRating>.self, url, "a recommendation list", client: client, context: ratingsContext)
                    },
                    id: FacebookMapping.reviewId, isKnown: feed.isKnown)
            } catch {
                // The recommendations edge is optional (README): a Page token without
                // pages_read_user_content still shows its posts. Token and rate-limit
                // problems concern the posts too, so they end the fetch.
                switch error {
                case .misconfigured, .notFound: ratings = []
                default: throw error
                }
            }
        }
        guard !wirePosts.isEmpty || !ratings.isEmpty else { return PlatformResult(posts: [], state: feed.state) }
        let pageURL = client.url(MetaGraph.facebookBase, MetaGraph.path(pageId), query: [("fields", Self.pageFields), ("access_token", token)])
        let page = try await MetaGraph.read(FacebookPage.self, pageURL, "a Page profile", client: client, context: postsContext)
        let posts = wirePosts.map { FacebookMapping.post($0, page: page) } + ratings.map { FacebookMapping.review($0, page: page) }
        return PlatformResult(posts: Array(PostOrdering.newestFirst(posts).prefix(pager.maxItems)), state: feed.state)
    }

    /// The feed's Page id (digits); nil when missing or malformed.
    static func pageId(_ attributes: [String: FeedAttribute]) -> String? {
        guard let text = text(attributes["page_id"]), (1...25).contains(text.count),
              text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text
    }

    /// `after` (when reading an older page), then the token.
    private static func cursor(_ after: String?, token: String) -> [(String, String)] {
        (after.map { [("after", $0)] } ?? []) + [("access_token", token)]
    }

    private func context(_ subject: String, token: String, permission: String) -> MetaErrorContext {
        MetaErrorContext(platform: "Facebook", subject: subject, reconnectAdvice: "reconnect the Facebook Page",
                         permissionAdvice: permission, token: token)
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
