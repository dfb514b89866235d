import Foundation

/// Google reviews of one place (fixtures/platforms/google_review/README.md), by one of three
/// routes: Places API (New) or legacy Place Details for any public place (at most five reviews,
/// an API key), or the Business Profile API for an owned location (all reviews, OAuth).
struct GoogleReviewAdapter: PlatformAdapter {
    let service = "google_review"
    let attributeNames: Set<String> = ["place_id", "api", "language", "min_rating", "account_id", "location_id"]
    /// Places routes use `api_key` (the server's ROOST_GOOGLE_API_KEY when the connection has
    /// none); Business Profile uses the OAuth token, refreshed when the client pair is present.
    let credentialFields = [
        CredentialField("api_key", required: false, aliases: ["key"]), CredentialField("access_token", required: false),
        CredentialField("refresh_token", required: false), CredentialField("client_id", required: false, secret: false),
        CredentialField("client_secret", required: false),
        // When the refresh token ends (apps in testing: 7 days), where the operator knows it (issue 12).
        CredentialField("refresh_token_expires_at", required: false, secret: false),
    ]
    /// Every Places call is billed and reviews change slowly: hourly at most.
    let minimumInterval: TimeInterval = 60 * 60
    /// Per-minute quotas (Place Details: 600 a minute per project); half of it per credential.
    let ratePolicy = RatePolicy(requests: 300, per: 60)

    /// Which API a feed reads.
    enum Route: Sendable, Equatable {
        case places(placeId: String)
        case legacy(placeId: String)
        case business(account: String, location: String, placeId: String?)
    }

    /// Every route needs a credential: an API key or an OAuth token.
    func needsCredentials(_ attributes: [String: FeedAttribute]) -> Bool { true }

    /// A place id or an account and location pair, plus well-formed options.
    func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        var problems: [AttributeProblem] = []
        let account = attributes["account_id"], location = attributes["location_id"]
        if let place = attributes["place_id"], Self.placeId(place) == nil {
            problems.append(AttributeProblem("place_id", "must be a Google place id: letters, digits, - and _ (such as ChIJx7Qm2K3vkkYR0FqLwA9pZ1s)"))
        }
        if account != nil || location != nil {
            if Self.numericId(account, prefix: "accounts/") == nil {
                problems.append(AttributeProblem("account_id", "must be the Business Profile account id: digits (accounts/<id>), given with location_id"))
            }
            if Self.numericId(location, prefix: "locations/") == nil {
                problems.append(AttributeProblem("location_id", "must be the Business Profile location id: digits (locations/<id>), given with account_id"))
            }
        } else if attributes["place_id"] == nil {
            problems.append(AttributeProblem("place_id", "is required: a Google place id, or account_id and location_id of a Business Profile location you manage"))
        }
        if let api = attributes["api"], Self.api(api) == nil {
            problems.append(AttributeProblem("api", "must be \"places\" (Places API, New) or \"legacy\" (legacy Place Details)"))
        }
        if let language = attributes["language"], Self.language(language) == nil {
            problems.append(AttributeProblem("language", "must be a language code such as en, fi or pt-BR"))
        }
        if let rating = attributes["min_rating"], Self.minRating(rating) == nil {
            problems.append(AttributeProblem("min_rating", "must be a number of stars from 1 to 5"))
        }
        return problems
    }

    /// The route's reviews, those under `min_rating` dropped, newest first.
    func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let route = Self.route(feed.attributes) else {
            throw .misconfigured("The Google reviews feed needs a place_id, or an account_id and a location_id")
        }
        let minRating = feed.attributes["min_rating"].flatMap(Self.minRating)
        let language = feed.attributes["language"].flatMap(Self.language) ?? "en"
        let requests = Requests(client: client, feed: feed, route: route)
        var fetched = try await requests.reviews(language: language)
        fetched.posts = fetched.posts.filter { post in
            guard let minRating else { return true }
            return Self.rating(of: post).map { $0 >= minRating } ?? false
        }
        return PlatformResult(posts: Array(PostOrdering.newestFirst(fetched.posts).prefix(feed.maxPosts)), state: feed.state,
                              refreshedCredentials: fetched.refreshed)
    }

    /// The route the attributes choose: Business Profile when account and location are set.
    /// Places (New), legacy Places and Business Profile have separate quotas: a 429 on one
    /// does not stop the others.
    func budgetScope(for attributes: [String: FeedAttribute]) -> String? {
        switch Self.route(attributes) {
        case .places?: return "places"
        case .legacy?: return "legacy"
        case .business?: return "business"
        case nil: return nil
        }
    }

    static func route(_ attributes: [String: FeedAttribute]) -> Route? {
        let place = attributes["place_id"].flatMap(placeId)
        if attributes["account_id"] != nil || attributes["location_id"] != nil {
            guard let account = numericId(attributes["account_id"], prefix: "accounts/"),
                  let location = numericId(attributes["location_id"], prefix: "locations/") else { return nil }
            return .business(account: account, location: location, placeId: place)
        }
        guard let place else { return nil }
        return attributes["api"].flatMap(api) == "legacy" ? .legacy(placeId: place) : .places(placeId: place)
    }

    /// A place id: 10–400 letters, digits, `-` and `_`.
    static func placeId(_ value: FeedAttribute) -> String? {
        guard let text = value.textValue?.trimmingCharacters(in: .whitespaces), (10...400).contains(text.count),
              text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        else { return nil }
        return text
    }

    /// A Business Profile id: digits, with or without its `accounts/` or `locations/` prefix.
    static func numericId(_ value: FeedAttribute?, prefix: String) -> String? {
        guard var text = value?.textValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        guard (1...30).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text
    }

    /// `places` or `legacy`.
    static func api(_ value: FeedAttribute) -> String? {
        guard let text = value.textValue?.trimmingCharacters(in: .whitespaces).lowercased(), ["places", "legacy"].contains(text) else { return nil }
        return text
    }

    /// A BCP 47 language code (`en`, `pt-BR`).
    static func language(_ value: FeedAttribute) -> String? {
        guard let text = value.textValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return text
    }

    /// A star count from 1 to 5.
    static func minRating(_ value: FeedAttribute) -> Double? {
        guard let number = value.numberValue, (1...5).contains(number) else { return nil }
        return number
    }

    /// The rating attachment's stars.
    static func rating(of post: Post) -> Double? {
        for attachment in post.attachments where attachment.type == "rating" {
            for (name, value) in attachment.fields where name == "rating" {
                if case .number(let stars) = value { return stars }
            }
        }
        return nil
    }

}
