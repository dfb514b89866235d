/// The feed types Roost knows (SPEC §3.4, §3.6), by their wire name.
public enum FeedService: String, Sendable, Equatable, CaseIterable {
    case rss
    case twitterV2 = "twitter_v2"
    case pinterest, youtube
    case instagramGraphAPI = "instagram_graph_api"
    case instagramBasicDisplay = "instagram_basic_display"
    case facebook, linkedin, tiktok
    case googleReview = "google_review"
    case bluesky, flickr, vimeo

    /// The channel its posts carry (SPEC §3.6).
    public var channel: String {
        switch self {
        case .twitterV2: return "twitter"
        case .instagramGraphAPI, .instagramBasicDisplay: return "instagram"
        default: return rawValue
        }
    }
}
