import FeedFetchers
import Foundation
import Moderation

/// A configured source of posts for one section of a site (SPEC §3.4).
public struct Feed: Sendable, Equatable {
    /// The attribute naming the connection a platform feed fetches with (SPEC §3.6).
    public static let connectionAttribute = "connection_id"

    public var id: Int64
    public var uuid: String
    public var siteId: Int64
    public var sectionId: Int64
    public var name: String?
    public var service: FeedService
    /// The service's parameters, e.g. `{"url": "https://..."}` for `rss`.
    public var attributes: [String: FeedAttribute]
    public var moderationType: ModerationType
    public var enabled: Bool
    public var health: FeedHealth
    public var fetchState: FeedFetchState
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a feed value.
    public init(id: Int64, uuid: String, siteId: Int64, sectionId: Int64, name: String?, service: FeedService,
                attributes: [String: FeedAttribute], moderationType: ModerationType, enabled: Bool,
                health: FeedHealth = FeedHealth(), fetchState: FeedFetchState = FeedFetchState(),
                createdAt: Date, updatedAt: Date) {
        self.id = id
        self.uuid = uuid
        self.siteId = siteId
        self.sectionId = sectionId
        self.name = name
        self.service = service
        self.attributes = attributes
        self.moderationType = moderationType
        self.enabled = enabled
        self.health = health
        self.fetchState = fetchState
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Whether a feed's last fetches worked, in words an operator can act on (SPEC §3.4).
public struct FeedHealth: Sendable, Equatable {
    public var isHealthy: Bool
    public var errorMessage: String?

    /// Creates a health value; a new feed is healthy.
    public init(isHealthy: Bool = true, errorMessage: String? = nil) {
        self.isHealthy = isHealthy
        self.errorMessage = errorMessage
    }
}

/// What the fetcher remembers between fetches of a feed.
public struct FeedFetchState: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    /// When the feed is due; nil means at once.
    public var nextFetchAt: Date?
    public var lastFetchedAt: Date?
    public var lastSuccessAt: Date?
    public var consecutiveFailures: Int
    /// Where a repeated permanent redirect now points, replacing the configured URL.
    public var redirectedURL: String?
    /// Permanent redirects seen in a row to `redirectedURL`'s candidate.
    public var permanentRedirects: Int
    /// Platform cursors (since_id and the like) as the fetcher left them.
    public var cursor: String?

    /// Creates fetch state; a new feed is due at once.
    public init(etag: String? = nil, lastModified: String? = nil, nextFetchAt: Date? = nil, lastFetchedAt: Date? = nil,
                lastSuccessAt: Date? = nil, consecutiveFailures: Int = 0, redirectedURL: String? = nil,
                permanentRedirects: Int = 0, cursor: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.nextFetchAt = nextFetchAt
        self.lastFetchedAt = lastFetchedAt
        self.lastSuccessAt = lastSuccessAt
        self.consecutiveFailures = consecutiveFailures
        self.redirectedURL = redirectedURL
        self.permanentRedirects = permanentRedirects
        self.cursor = cursor
    }
}

/// A feed to create; the store assigns ids and times.
public struct NewFeed: Sendable, Equatable {
    public var siteId: Int64
    public var sectionId: Int64
    public var name: String?
    public var service: FeedService
    public var attributes: [String: FeedAttribute]
    public var moderationType: ModerationType
    public var enabled: Bool

    /// Creates a new-feed value.
    public init(siteId: Int64, sectionId: Int64, name: String?, service: FeedService,
                attributes: [String: FeedAttribute], moderationType: ModerationType, enabled: Bool = true) {
        self.siteId = siteId
        self.sectionId = sectionId
        self.name = name
        self.service = service
        self.attributes = attributes
        self.moderationType = moderationType
        self.enabled = enabled
    }
}

/// The fields of a feed an operator may change (SPEC §3.4 PATCH).
public struct FeedChanges: Sendable, Equatable {
    public var name: String??
    public var moderationType: ModerationType?
    public var enabled: Bool?
    public var attributes: [String: FeedAttribute]?

    /// Creates a change set; nil members stay as they are.
    public init(name: String?? = nil, moderationType: ModerationType? = nil, enabled: Bool? = nil,
                attributes: [String: FeedAttribute]? = nil) {
        self.name = name
        self.moderationType = moderationType
        self.enabled = enabled
        self.attributes = attributes
    }
}

/// How to order a feed listing.
public enum SortOrder: String, Sendable {
    case asc, desc
}
