import Foundation

/// Pinterest's public board and profile RSS (`/{user}/{board}.rss`, `/{user}/feed.rss`): no
/// auth, no pagination, the newest 25 pins. A `pin.it` short link is followed once and its
/// target kept in the state.
public struct PinterestAdapter: PlatformAdapter {
    public var service: String { "pinterest" }
    public var attributeNames: Set<String> { ["url"] }
    /// Public RSS: no connection.
    public var credentialFields: [CredentialField] { [] }
    /// Poll at most every 15 minutes (fixtures README: 15–30).
    public var minimumInterval: TimeInterval { 15 * 60 }
    /// No documented limit: a polite ceiling for one site's feeds.
    public var ratePolicy: RatePolicy { RatePolicy(requests: 60, per: 60) }

    static let base = "https://www.pinterest.com"

    /// Creates the adapter.
    public init() {}

    /// What is wrong with the attributes: `url` must be a Pinterest profile or board (or a pin.it link).
    public func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        guard let value = attributes["url"] else {
            return [AttributeProblem("url", "a Pinterest feed needs the url of a profile or board, such as https://www.pinterest.com/user/board/")]
        }
        guard let text = value.textValue?.trimmingCharacters(in: .whitespacesAndNewlines), PinterestAddress.parse(text) != nil else {
            return [AttributeProblem("url", "must be the address of a Pinterest profile or board on a pinterest.* host or a pin.it link, such as https://www.pinterest.com/user/board/ (not a pin or a board section)")]
        }
        return []
    }

    /// Reads the board's or profile's feed.
    public func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let url = feed.string("url"), let parsed = PinterestAddress.parse(url) else {
            throw .misconfigured("This Pinterest feed needs the url of a profile or board")
        }
        var state = feed.state
        let address: PinterestAddress
        switch parsed {
        case .feed(let found): address = found
        case .shortLink(let path): address = try await follow(path, state: &state, client: client)
        }
        let requestURL = client.url(Self.base, address.path)
        let response = try await client.conditionalGet(requestURL, state: state)
        switch response.status {
        case 304:
            return PlatformResult(posts: [], state: state, notModified: true)
        case 200..<300:
            break
        case 404:
            throw .notFound("The Pinterest \(address.label) was not found (404); check the feed's url")
        case 429:
            throw await client.throttled(response, "Pinterest rate limit reached for the \(address.label)")
        default:
            throw .failed("Pinterest answered \(response.status) for the feed of the \(address.label)")
        }
        let document: PinterestFeedDocument
        do {
            guard let read = PinterestFeedDocument(root: try PlatformXML.parse(response.body, contentType: response.contentType)) else {
                throw FeedParseError.notAFeed(rootElement: "?")
            }
            document = read
        } catch {
            throw .failed("Pinterest answered the feed of the \(address.label) with a document Roost could not read as RSS: \(error)")
        }
        let profileName = address.board == nil ? document.title : nil
        let posts = document.items.map { PinterestMapping.post($0, address: address, profileName: profileName) }
        state.rememberValidators(of: response, for: requestURL)
        return PlatformResult(posts: Array(posts.prefix(feed.maxPosts)), state: state)
    }

    /// The board or profile a `pin.it` link leads to: its redirect followed once (the target
    /// host checked again), the answer kept in the state.
    private func follow(_ path: String, state: inout PlatformState, client: PlatformClient) async throws(PlatformError) -> PinterestAddress {
        let shortURL = "https://pin.it" + path
        if state["short_link"] == shortURL, let kept = state["short_link_path"],
           case .feed(let address)? = PinterestAddress.parse(Self.base + kept) {
            return address
        }
        let response = try await client.get(client.url("https://pin.it", path))
        switch response.status {
        case 200..<300: break
        case 404, 410: throw .notFound("The Pinterest short link \(shortURL) was not found (\(response.status)); use the board's address instead")
        default: throw .failed("Pinterest answered \(response.status) for the short link \(shortURL)")
        }
        // The target must again be a Pinterest profile or board (a replacement base counts as Pinterest's host).
        let target = response.redirects.last?.location ?? response.finalURL
        var address: PinterestAddress?
        if response.redirects.isEmpty {
            address = nil
        } else if client.endpoints.isOverridden(response.finalURL, service: service), let parts = URLComponents(string: response.finalURL) {
            address = PinterestAddress.feed(path: parts.percentEncodedPath.split(separator: "/").map(String.init))
        } else if case .feed(let found)? = PinterestAddress.parse(response.finalURL) {
            address = found
        }
        guard let address else {
            throw .misconfigured("The Pinterest short link \(shortURL) leads to \(target), which is not a Pinterest profile or board; use the board's address instead")
        }
        state["short_link"] = shortURL
        state["short_link_path"] = address.path
        return address
    }
}
