import Foundation

extension LinkedInAdapter {
    /// The requests of one fetch, with the Rest.li headers and LinkedIn's errors read.
    struct Requests: Sendable {
        let client: PlatformClient
        /// The organization id (digits).
        let organization: String
        let token: String

        /// `GET /rest/organizations/{id}`.
        func organization() async throws(PlatformError) -> LinkedInOrganization {
            let url = client.url(LinkedInAdapter.realBase, "/rest/organizations/\(organization)")
            return try await get(url, LinkedInOrganization.self, "organization \(organization)", "an organization")
        }

        /// `GET /rest/posts?author=…&q=author&count=5&sortBy=LAST_MODIFIED[&start=N]`.
        func posts(start: Int) async throws(PlatformError) -> LinkedInPostsPage {
            var query = "author=" + PlatformQuery.escape("urn:li:organization:\(organization)")
                + "&q=author&count=\(LinkedInAdapter.pageSize)&sortBy=LAST_MODIFIED"
            if start > 0 { query += "&start=\(start)" }
            let url = client.url(LinkedInAdapter.realBase, "/rest/posts", rawQuery: query)
            return try await get(url, LinkedInPostsPage.self, "organization \(organization)", "a post list")
        }

        /// One BATCH_GET of the page's images and one of its videos, each only when there are any.
        func media(for posts: [LinkedInPost]) async throws(PlatformError) -> LinkedInMapping.Media {
            var media = LinkedInMapping.Media()
            let images = LinkedInMapping.imageURNs(posts)
            // Media are enrichment: a batch that fails for its own reasons (a 403 on one asset
            // type, a 5xx) leaves those posts without media; token and rate-limit errors end the fetch.
            if !images.isEmpty {
                let url = client.url(LinkedInAdapter.realBase, "/rest/images", rawQuery: Self.ids(images))
                do throws(PlatformError) {
                    media.images = try await get(url, LinkedInBatch<LinkedInImage>.self, "the images of organization \(organization)'s posts", "an image batch").results ?? [:]
                } catch {
                    try Self.rethrowIfFatal(error)
                }
            }
            let videos = LinkedInMapping.videoURNs(posts)
            if !videos.isEmpty {
                let url = client.url(LinkedInAdapter.realBase, "/rest/videos", rawQuery: Self.ids(videos))
                do throws(PlatformError) {
                    media.videos = try await get(url, LinkedInBatch<LinkedInVideo>.self, "the videos of organization \(organization)'s posts", "a video batch").results ?? [:]
                } catch {
                    try Self.rethrowIfFatal(error)
                }
            }
            return media
        }

        /// Rethrows token and rate-limit errors, which concern every request; others a media batch survives.
        static func rethrowIfFatal(_ error: PlatformError) throws(PlatformError) {
            switch error {
            case .reconnect, .rateLimited: throw error
            default: return
            }
        }

        /// `ids=List(urn%3Ali%3A…,…)`: URNs encoded, the Rest.li list syntax not.
        static func ids(_ urns: [String]) -> String {
            "ids=List(" + urns.map { PlatformQuery.escape($0) }.joined(separator: ",") + ")"
        }

        func get<T: Decodable>(_ url: String, _ type: T.Type, _ object: String, _ what: String) async throws(PlatformError) -> T {
            let response = try await client.get(url, headers: [
                ("Authorization", "Bearer \(token)"),
                ("LinkedIn-Version", LinkedInAdapter.apiVersion),
                ("X-Restli-Protocol-Version", "2.0.0"),
            ])
            guard (200..<300).contains(response.status) else { throw await error(response, object) }
            return try client.decode(T.self, from: response, what)
        }

        /// LinkedIn's error classified: 401 reconnect, 429 until midnight UTC, 403 setup, 404 missing.
        func error(_ response: FetchResponse, _ object: String) async -> PlatformError {
            let body = client.decodeIfPossible(LinkedInErrorBody.self, from: response)
            let said = body?.message.flatMap(SocialText.nonEmpty).map { " (LinkedIn said: \($0))" } ?? ""
            let account = "reconnect the LinkedIn account that administers organization \(organization)"
            switch response.status {
            case 401 where body?.serviceErrorCode == 65601 || body?.code == "REVOKED_ACCESS_TOKEN":
                return .reconnect("LinkedIn says the access token was revoked: \(account)")
            case 401:
                return .reconnect("LinkedIn refused the access token as expired or invalid\(said): \(account)")
            case 429:
                // No rate-limit headers: the daily quotas reset at midnight UTC.
                return await client.throttled(response, until: Self.nextMidnight(after: client.now()),
                                              "LinkedIn's daily request limit was reached\(said)")
            case 403:
                return .misconfigured("LinkedIn refused access to \(object)\(said): the connected member must be an administrator or content administrator of the page, and the app needs the r_organization_social permission")
            case 404:
                return .notFound("LinkedIn \(object) was not found\(said); check the feed's organization_id")
            default:
                return .failed("LinkedIn answered HTTP \(response.status) for \(object)\(said)")
            }
        }

        /// The next midnight UTC after `date`.
        static func nextMidnight(after date: Date) -> Date {
            let day: TimeInterval = 24 * 60 * 60
            return Date(timeIntervalSince1970: ((date.timeIntervalSince1970 / day).rounded(.down) + 1) * day)
        }
    }
}
