import Foundation

/// An organization page's posts through LinkedIn's Community Management API
/// (fixtures/platforms/linkedin/README.md): the organization for `from`, the posts newest
/// first (100 a page, offset paging), then one batch lookup each for the page's images and videos.
struct LinkedInAdapter: PlatformAdapter {
    let service = "linkedin"
    let attributeNames: Set<String> = ["organization_id"]
    /// The token, and when it and its refresh token end (from `expires_in` and
    /// `refresh_token_expires_in` of the token exchange), for the expiry notices of issue 12.
    let credentialFields = [
        CredentialField("access_token", aliases: ["token"]), CredentialField("refresh_token", required: false),
        CredentialField("expires_at", required: false, secret: false), CredentialField("refresh_token_expires_at", required: false, secret: false),
    ]
    /// Quotas are daily, per member and per application: poll at most every half hour.
    let minimumInterval: TimeInterval = 30 * 60
    /// LinkedIn publishes no number; a member's daily allowance is in the low thousands.
    let ratePolicy = RatePolicy(requests: 1000, per: 24 * 60 * 60)

    /// `YYYYMM` of the Rest.li API version Roost speaks (each is served about a year).
    static let apiVersion = "202608"
    static let realBase = "https://api.linkedin.com"
    /// Posts a page: `/rest/posts` allows `count` up to 100 (fixtures README `linkedin/`).
    static let pageSize = 100
    /// How long the organization's name stays cached in the feed's state.
    static let organizationTTL: TimeInterval = 24 * 60 * 60

    /// `organization_id` must be a numeric organization id.
    func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        guard Self.organizationId(attributes["organization_id"]) == nil else { return [] }
        return [AttributeProblem("organization_id", "must be a LinkedIn organization id: digits, as in linkedin.com/company/<id>/admin (or urn:li:organization:<id>)")]
    }

    /// The organization, then pages of posts (each with its media batches) until enough, a known post or the last page.
    func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let organization = Self.organizationId(feed.attributes["organization_id"]) else {
            throw .misconfigured("The LinkedIn feed has no valid organization_id")
        }
        guard let token = feed.credential("access_token") else {
            throw .misconfigured("The LinkedIn connection has no access token: reconnect the LinkedIn account that administers organization \(organization)")
        }
        let request = Requests(client: client, organization: organization, token: token)
        var state = feed.state
        let author = try await self.author(request, state: &state, now: feed.now)
        var posts: [Post] = []
        var seen: Set<String> = []
        var start = 0
        for page in 0..<max(1, feed.maxPages) {
            do {
                let result = try await request.posts(start: start)
                let elements = (result.elements ?? []).filter { $0.id.map { !seen.contains($0) } ?? false }
                // An empty page, or one repeating what this fetch already has, ends the walk.
                guard !elements.isEmpty else { break }
                let media = try await request.media(for: elements)
                for element in elements {
                    guard let post = LinkedInMapping.post(element, author: author, media: media), let id = post.sourceId else { continue }
                    seen.insert(id)
                    posts.append(post)
                }
                if posts.count >= feed.maxPosts || elements.contains(where: { $0.id.map(feed.isKnown) ?? false }) { break }
                guard let next = Self.nextStart(result.paging, after: start) else { break }
                start = next
            } catch {
                // Later pages only add older posts: keep what the first pages gave.
                if page == 0 || posts.isEmpty { throw error }
                break
            }
        }
        return PlatformResult(posts: Array(PostOrdering.newestFirst(posts).prefix(feed.maxPosts)), state: state)
    }

    /// The organization as author: from the state when looked up within a day, else asked for.
    private func author(_ request: Requests, state: inout PlatformState, now: Date) async throws(PlatformError) -> PostAuthor {
        if state["organization_id"] == request.organization, let checked = state["organization_checked_at"].flatMap(FeedDate.parse),
           now.timeIntervalSince(checked) < Self.organizationTTL, state["organization_name"] != nil {
            return LinkedInMapping.author(name: state["organization_name"], vanityName: state["organization_vanity"])
        }
        let organization = try await request.organization()
        state["organization_id"] = request.organization
        state["organization_name"] = organization.localizedName
        state["organization_vanity"] = organization.vanityName
        state["organization_checked_at"] = FeedDate.isoString(now)
        return LinkedInMapping.author(name: organization.localizedName, vanityName: organization.vanityName)
    }

    /// The `start` of the next page: from the `next` link (never followed as such), else start + count.
    static func nextStart(_ paging: LinkedInPaging?, after start: Int) -> Int? {
        guard let next = paging?.links?.first(where: { $0.rel == "next" }) else { return nil }
        if let href = next.href, let value = PlatformQuery.value("start", inURL: href).flatMap({ Int($0) }), value > start {
            return value
        }
        return (paging?.start ?? start) + max(1, paging?.count ?? Self.pageSize)
    }

    /// The organization id in an attribute: digits, or the digits of an organization URN.
    static func organizationId(_ value: FeedAttribute?) -> String? {
        guard var text = value?.textValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix("urn:li:organization:") { text.removeFirst("urn:li:organization:".count) }
        guard (1...20).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text
    }

}
