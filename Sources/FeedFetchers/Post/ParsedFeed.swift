/// A parsed feed document: what it says about itself and its entries as posts (SPEC §2).
public struct ParsedFeed: Sendable, Equatable {
    public var info: FeedInfo
    public var posts: [Post]

    /// Creates a parsed feed.
    public init(info: FeedInfo, posts: [Post]) {
        self.info = info
        self.posts = posts
    }
}

/// The feed-level fields of a parsed document.
public struct FeedInfo: Sendable, Equatable {
    public var format: FeedFormat
    public var title: String?
    /// The site's home page, absolute.
    public var link: String?
    /// Plain text.
    public var description: String?
    public var language: String?
    public var imageUrl: String?
    /// RSS `ttl` in minutes, a hint for the scheduler.
    public var ttlMinutes: Int?

    /// Creates feed info.
    public init(format: FeedFormat, title: String? = nil, link: String? = nil, description: String? = nil,
                language: String? = nil, imageUrl: String? = nil, ttlMinutes: Int? = nil) {
        self.format = format
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.imageUrl = imageUrl
        self.ttlMinutes = ttlMinutes
    }
}

/// The syndication format of a document, spelled as `roost parse` prints it.
public enum FeedFormat: String, Sendable, Equatable {
    case rss20 = "rss2.0"
    case rss10 = "rss1.0"
    case rss09x = "rss0.9x"
    case atom10 = "atom1.0"
    case atom03 = "atom0.3"
    case jsonFeed1 = "jsonfeed1"
}
