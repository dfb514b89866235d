import Foundation

/// YouTube's public channel and playlist feeds (`/feeds/videos.xml`): no key, no pagination,
/// the 15 newest uploads. Channel pages (`/@handle`, `/c/name`, `/user/name`) are looked up
/// once for their `UC…` id, which the state keeps with the handle and avatar.
public struct YouTubeAdapter: PlatformAdapter {
    public var service: String { "youtube" }
    public var attributeNames: Set<String> { YouTubeSource.attributeNames }
    /// The feeds are public (fixtures README): no connection.
    public var credentialFields: [CredentialField] { [] }
    /// Poll each feed at most every 15 minutes (fixtures README).
    public var minimumInterval: TimeInterval { 15 * 60 }
    /// No documented limit: a polite ceiling for one site's feeds.
    public var ratePolicy: RatePolicy { RatePolicy(requests: 60, per: 60) }

    static let base = "https://www.youtube.com"

    /// Creates the adapter.
    public init() {}

    /// What is wrong with the attributes.
    public func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        YouTubeSource.problems(in: attributes)
    }

    /// Reads the feed, resolving a channel page first when the feed names one.
    public func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        guard let source = YouTubeSource.from(feed.attributes) else {
            throw .misconfigured("This YouTube feed needs exactly one valid channel_id, playlist_id or url")
        }
        var state = feed.state
        var extras = YouTubeMapping.ChannelExtras()
        let query: [(String, String)]
        let what: String
        switch source {
        case .playlist(let id):
            query = [("playlist_id", id)]
            what = "playlist \(id)"
        case .channel(let id):
            query = channelQuery(id, feed: feed)
            what = "channel \(id)"
        case .page(let path, let handle):
            let page = try await resolve(path: path, handle: handle, state: &state, client: client)
            extras = YouTubeMapping.ChannelExtras(handle: page.handle, imageURL: page.imageURL)
            query = channelQuery(page.channelId, feed: feed)
            what = "channel \(page.channelId) (\(Self.base + path))"
        }
        let url = client.url(Self.base, "/feeds/videos.xml", query: query)
        let response = try await client.conditionalGet(url, state: state)
        switch response.status {
        case 304:
            return PlatformResult(posts: [], state: state, notModified: true)
        case 200..<300:
            break
        case 429:
            throw await client.throttled(response, "YouTube rate limit reached for the feed of \(what)")
        case 404 where feed.knownSourceIds.isEmpty && feed.state["etag"] == nil && feed.state["last_modified"] == nil:
            // A feed that has never worked: the id is most likely wrong, so say so at once.
            throw .notFound("YouTube has no feed of \(what) (404); check the id")
        case 404, 500...:
            // Feeds of valid channels answer 404 or 500 now and then (fixtures README): the
            // feed turns unhealthy only when this keeps happening.
            throw .unavailable("YouTube answered \(response.status) for the feed of \(what); its feeds fail now and then, so Roost tries again and flags the feed only if this keeps happening (check the id if it does)")
        default:
            throw .failed("YouTube answered \(response.status) for the feed of \(what)")
        }
        let document: YouTubeFeedDocument
        do {
            guard let read = YouTubeFeedDocument(root: try PlatformXML.parse(response.body, contentType: response.contentType)) else {
                throw FeedParseError.notAFeed(rootElement: "?")
            }
            document = read
        } catch {
            throw .failed("YouTube answered the feed of \(what) with a document Roost could not read as an Atom feed: \(error)")
        }
        let posts = document.entries.compactMap { YouTubeMapping.post($0, extras: extras) }
        state.rememberValidators(of: response, for: url)
        return PlatformResult(posts: Array(PostOrdering.newestFirst(posts).prefix(feed.maxPosts)), state: state)
    }

    /// `channel_id=UC…`, or the channel's long-form uploads playlist (`UULF…`) without Shorts.
    private func channelQuery(_ id: String, feed: PlatformFeed) -> [(String, String)] {
        feed.flag("exclude_shorts") ? [("playlist_id", "UULF" + id.dropFirst(2))] : [("channel_id", id)]
    }

    /// The channel id, handle and avatar of a channel page: from the state when this page was
    /// read before, else from the page (sent with the consent cookie, fixtures README).
    private func resolve(path: String, handle: String?, state: inout PlatformState,
                         client: PlatformClient) async throws(PlatformError) -> (channelId: String, handle: String?, imageURL: String?) {
        let pageURL = Self.base + path
        if state["page_url"] == pageURL, let id = state["channel_id"], YouTubeSource.isChannelId(id) {
            return (id, state["handle"], state["profile_image_url"])
        }
        let response = try await client.get(client.url(Self.base, path), headers: [("Cookie", "SOCS=CAI"), ("Accept-Language", "en")])
        switch response.status {
        case 200..<300:
            break
        case 404:
            throw .notFound("The YouTube channel page \(pageURL) was not found (404); check the feed's url")
        case 429:
            throw await client.throttled(response, "YouTube rate limit reached while looking up \(pageURL)")
        case 500...:
            throw .unavailable("YouTube answered \(response.status) for the channel page \(pageURL); Roost tries again later")
        default:
            throw .failed("YouTube answered \(response.status) for the channel page \(pageURL)")
        }
        if response.finalURL.contains("consent.youtube.com") {
            throw .failed("YouTube sent its cookie consent page instead of \(pageURL); use the channel_id (UC…) of the channel instead")
        }
        let page = YouTubeChannelPage(html: String(decoding: response.body, as: UTF8.self))
        guard let id = page.channelId else {
            throw .failed("The YouTube page \(pageURL) names no channel id; check that the url is a channel, or give its channel_id (UC…)")
        }
        let resolvedHandle = page.handle ?? handle
        state["page_url"] = pageURL
        state["channel_id"] = id
        state["handle"] = resolvedHandle
        state["profile_image_url"] = page.imageURL
        return (id, resolvedHandle, page.imageURL)
    }

}
