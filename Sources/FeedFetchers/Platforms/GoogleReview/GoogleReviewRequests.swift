import Foundation

extension GoogleReviewAdapter {
    /// The reviews one fetch read, and a renewed OAuth token to keep.
    struct Fetched: Sendable {
        var posts: [Post]
        var refreshed: [String: String]
    }

    /// The requests of one fetch: the route's call, paging, token renewal and Google's errors.
    struct Requests: Sendable {
        let client: PlatformClient
        let feed: PlatformFeed
        let route: Route

        static let fieldMask = "id,displayName,rating,userRatingCount,googleMapsUri,reviews"
        static let legacyFields = "name,rating,user_ratings_total,reviews,url"

        /// The route's reviews.
        func reviews(language: String) async throws(PlatformError) -> Fetched {
            switch route {
            case .places(let place): return Fetched(posts: try await places(place, language: language), refreshed: [:])
            case .legacy(let place): return Fetched(posts: try await legacy(place, language: language), refreshed: [:])
            case .business(let account, let location, let place): return try await business(account, location, place)
            }
        }

        /// Places API (New): one call with the key and the mandatory field mask.
        private func places(_ place: String, language: String) async throws(PlatformError) -> [Post] {
            let url = client.url("https://places.googleapis.com", "/v1/places/\(PlatformQuery.escape(place))", query: [("languageCode", language)])
            let response = try await client.get(url, headers: [("X-Goog-Api-Key", try apiKey(place)), ("X-Goog-FieldMask", Self.fieldMask)])
            guard (200..<300).contains(response.status) else { throw await error(response) }
            let details = try client.decode(GooglePlace.self, from: response, "place details")
            return (details.reviews ?? []).compactMap { GoogleReviewMapping.post($0, place: details) }
        }

        /// Legacy Place Details, newest reviews first; HTTP 200 carries errors in `status`.
        private func legacy(_ place: String, language: String) async throws(PlatformError) -> [Post] {
            let key = try apiKey(place)
            let url = client.url("https://maps.googleapis.com", "/maps/api/place/details/json", query: [
                ("place_id", place), ("fields", Self.legacyFields), ("reviews_sort", "newest"), ("language", language), ("key", key),
            ])
            let response: FetchResponse
            do {
                response = try await client.get(url)
            } catch {
                // Transport messages name the URL, and this one carries the key.
                throw error.redacting([key])
            }
            guard (200..<300).contains(response.status) else { throw await error(response) }
            let details = try client.decode(GoogleLegacyDetails.self, from: response, "place details")
            let said = details.errorMessage.flatMap(SocialText.nonEmpty).map { " (Google said: \($0.trimmingCharacters(in: .whitespaces)))" } ?? ""
            switch details.status ?? "OK" {
            case "OK":
                guard let result = details.result else { return [] }
                return (result.reviews ?? []).compactMap { GoogleReviewMapping.post($0, place: result) }
            case "REQUEST_DENIED":
                throw .reconnect("Google refused the API key for place \(place)\(said): check the key (ROOST_GOOGLE_API_KEY or the connection's api_key) and that the Places API is enabled for it, then reconnect")
            case "OVER_QUERY_LIMIT":
                throw await client.throttled(response, "Google's Places quota was exceeded for place \(place)\(said)")
            case "OVER_DAILY_LIMIT":
                throw .misconfigured("Google stopped the API key's requests for place \(place)\(said): check billing and the key's usage cap in the Google Cloud console")
            case "NOT_FOUND", "ZERO_RESULTS":
                throw .notFound("Google place \(place) was not found\(said); check the feed's place_id")
            case "INVALID_REQUEST":
                throw .misconfigured("Google refused the request for place \(place) as invalid\(said); check the feed's place_id")
            case "UNKNOWN_ERROR":
                throw .unavailable("Google had a server error for place \(place)\(said); Roost tries again later")
            case let status:
                throw .failed("Google answered \(status) for place \(place)\(said)")
            }
        }

        /// Business Profile: pages of 50 by update time, the token renewed once on a 401.
        private func business(_ account: String, _ location: String, _ place: String?) async throws(PlatformError) -> Fetched {
            var refreshed: [String: String] = [:]
            var token = feed.credential("access_token")
            if token == nil {
                guard canRefresh else {
                    throw .misconfigured("The Google reviews feed of Business Profile location \(location) needs an access_token (OAuth, scope business.manage) in its google_review connection")
                }
                token = try await renew(into: &refreshed)
            }
            var posts: [Post] = []
            var seen: Set<String> = []
            var pageToken: String?
            for page in 0..<max(1, feed.maxPages) {
                do {
                    var query = [("pageSize", "50"), ("orderBy", "updateTime desc")]
                    if let pageToken { query.append(("pageToken", pageToken)) }
                    let url = client.url("https://mybusiness.googleapis.com", "/v4/accounts/\(account)/locations/\(location)/reviews", query: query)
                    let list = try await reviewPage(url, token: &token, refreshed: &refreshed)
                    let reviews = (list.reviews ?? []).filter { $0.reviewId.map { !seen.contains($0) } ?? false }
                    guard !reviews.isEmpty else { break }
                    for review in reviews {
                        guard let post = GoogleReviewMapping.post(review, placeId: place), let id = post.sourceId else { continue }
                        seen.insert(id)
                        posts.append(post)
                    }
                    if posts.count >= feed.maxPosts || reviews.contains(where: { $0.reviewId.map(feed.isKnown) ?? false }) { break }
                    guard let next = SocialText.nonEmpty(list.nextPageToken) else { break }
                    pageToken = next
                } catch {
                    // Later pages only add older reviews: keep what the first pages gave.
                    if page == 0 || posts.isEmpty { throw error }
                    break
                }
            }
            return Fetched(posts: posts, refreshed: refreshed)
        }

        /// One Business Profile page; on a 401 the token is renewed (once a fetch) when the connection can.
        private func reviewPage(_ url: String, token: inout String?, refreshed: inout [String: String]) async throws(PlatformError) -> GoogleBusinessReviews {
            var response = try await client.get(url, headers: [("Authorization", "Bearer \(token ?? "")")])
            if response.status == 401, refreshed.isEmpty, canRefresh {
                token = try await renew(into: &refreshed)
                response = try await client.get(url, headers: [("Authorization", "Bearer \(token ?? "")")])
            }
            guard (200..<300).contains(response.status) else { throw await error(response) }
            return try client.decode(GoogleBusinessReviews.self, from: response, "a review list")
        }

        /// Whether the connection can renew its access token.
        private var canRefresh: Bool {
            feed.credential("refresh_token") != nil && feed.credential("client_id") != nil && feed.credential("client_secret") != nil
        }

        /// `POST https://oauth2.googleapis.com/token` (grant_type=refresh_token): a new access token.
        private func renew(into refreshed: inout [String: String]) async throws(PlatformError) -> String {
            let form = PlatformQuery.encode([
                ("grant_type", "refresh_token"), ("refresh_token", feed.credential("refresh_token") ?? ""),
                ("client_id", feed.credential("client_id") ?? ""), ("client_secret", feed.credential("client_secret") ?? ""),
            ])
            let response = try await client.send(FetchRequest(
                url: client.url("https://oauth2.googleapis.com", "/token"),
                headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                method: "POST", body: Array(form.utf8)))
            let answer = client.decodeIfPossible(GoogleTokenResponse.self, from: response)
            if response.status >= 500 { throw .failed("Google's token service answered HTTP \(response.status) while renewing the Business Profile access token") }
            guard (200..<300).contains(response.status), let token = answer?.accessToken.flatMap(SocialText.nonEmpty) else {
                let why = answer?.error.map { " (\($0))" } ?? " (HTTP \(response.status))"
                throw .reconnect("Google refused to renew the Business Profile access token\(why): reconnect the Google account that manages \(subject)")
            }
            refreshed["access_token"] = token
            if let renewed = answer?.refreshToken.flatMap(SocialText.nonEmpty) { refreshed["refresh_token"] = renewed }
            return token
        }

        /// The API key of a Places route, or why the feed cannot run.
        private func apiKey(_ place: String) throws(PlatformError) -> String {
            guard let key = feed.credential("api_key") else {
                throw .misconfigured("The Google reviews feed of place \(place) needs a Google API key: set ROOST_GOOGLE_API_KEY on the server or add api_key to the site's google_review connection")
            }
            return key
        }

        /// What the feed reads, for messages.
        private var subject: String {
            switch route {
            case .places(let place), .legacy(let place): return "place \(place)"
            case .business(let account, let location, _): return "Business Profile location \(location) of account \(account)"
            }
        }

        /// A google.rpc error (or a bare HTTP status) classified the way the README says.
        func error(_ response: FetchResponse) async -> PlatformError {
            let body = client.decodeIfPossible(GoogleRPCErrorBody.self, from: response)?.error
            let reasons = Set(body?.details?.compactMap(\.reason) ?? [])
            let said = body?.message.flatMap(SocialText.nonEmpty).map { " (Google said: \($0))" } ?? ""
            let isKeyRoute = if case .business = route { false } else { true }
            if response.status == 429 || body?.status == "RESOURCE_EXHAUSTED" {
                // No rate-limit headers: back off (Retry-After if any, else the client's default wait).
                return await client.throttled(response, "Google's request quota was exceeded for \(subject)\(said)")
            }
            if reasons.contains("API_KEY_INVALID") || reasons.contains("API_KEY_EXPIRED") || (isKeyRoute && response.status == 401) {
                return .reconnect("Google refused the API key for \(subject)\(said): check the key (ROOST_GOOGLE_API_KEY or the connection's api_key), then reconnect")
            }
            switch response.status {
            case 401:
                return .reconnect("Google refused the Business Profile access token as expired or revoked\(said): reconnect the Google account that manages \(subject)")
            case 403:
                let fix = isKeyRoute
                    ? "enable the Places API for the key's Google Cloud project and allow the key to call it"
                    : "the connected Google account must own or manage the location, and its project needs Business Profile API access"
                return .misconfigured("Google refused access to \(subject)\(said): \(fix)")
            case 404:
                return .notFound("Google \(subject) was not found\(said); check the feed's \(isKeyRoute ? "place_id" : "account_id and location_id")")
            case 400:
                return .misconfigured("Google refused the request for \(subject) as invalid\(said); check the feed's \(isKeyRoute ? "place_id" : "account_id and location_id")")
            default:
                return .failed("Google answered HTTP \(response.status) for \(subject)\(said)")
            }
        }
    }
}
