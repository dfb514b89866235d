import Foundation

/// The answer of `GET /rest/organizationAcls?q=roleAssignee` (Microsoft Learn, "Organization
/// Access Control by Role"): the pages the token's member administers.
struct LinkedInOrganizationAcls: Decodable, Sendable {
    /// One role of the member on one organization.
    struct Element: Decodable, Sendable {
        var organization: String?
        var role: String?
        var state: String?
    }
    @LossyList var elements: [Element]?
}

extension LinkedInAdapter: ConnectionVerifying {
    /// Lists the organizations the member administers: a 200 means the token works and says
    /// which pages it can read; the connection's stored expiry (from `expires_in` and
    /// `refresh_token_expires_in` at connect) is its known end.
    func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification {
        let feed = PlatformFeed(attributes: [:], credentials: credentials, now: now)
        guard let token = feed.credential("access_token") else {
            return ConnectionVerification(valid: false, message: "The LinkedIn connection has no access token: reconnect the LinkedIn account")
        }
        let url = client.url(Self.realBase, "/rest/organizationAcls", query: [("q", "roleAssignee"), ("state", "APPROVED")])
        let response = try await client.get(url, headers: [
            ("Authorization", "Bearer \(token)"), ("LinkedIn-Version", Self.apiVersion), ("X-Restli-Protocol-Version", "2.0.0"),
        ])
        let until = ConnectionVerification.storedExpiry(credentials, feed.credential("refresh_token") == nil
            ? ["expires_at"] : ["refresh_token_expires_at", "expires_at"])
        switch response.status {
        case 200..<300:
            let acls = try client.decode(LinkedInOrganizationAcls.self, from: response, "an organization role list")
            let pages = (acls.elements ?? []).compactMap { $0.organization.flatMap(SocialText.nonEmpty) }
            let which = pages.isEmpty ? "no organization page: make the member an administrator of the page the feeds read"
                : "the organization \(pages.count == 1 ? "page" : "pages") \(pages.joined(separator: ", "))"
            return ConnectionVerification(valid: true, validUntil: until, account: pages.first,
                                          message: "LinkedIn accepted the access token, which administers \(which)")
        case 401:
            return ConnectionVerification(valid: false, message: "LinkedIn refused the access token as expired or revoked: reconnect the LinkedIn account")
        case 403:
            return ConnectionVerification(valid: false, message: "LinkedIn refused to list the member's pages (403): the app needs the r_organization_social and rw_organization_admin permissions; reconnect granting them")
        case 429:
            throw await client.throttled(response, until: Requests.nextMidnight(after: client.now()), "LinkedIn's daily request limit was reached")
        default:
            throw .unavailable("LinkedIn answered \(response.status) while checking the connection; try again later")
        }
    }
}
