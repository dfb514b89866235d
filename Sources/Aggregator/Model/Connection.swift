import Foundation

/// A site's credentials for one platform account (SPEC §3.6): stored, used by the site's
/// feeds of that service, never returned by the API.
public struct Connection: Sendable, Equatable {
    public var id: Int64
    public var uuid: String
    public var siteId: Int64
    public var service: FeedService
    /// What the operator calls it ("Brand account"); nil when not named.
    public var name: String?
    /// The credential fields (`access_token`, `app_password`, ...), including refreshed tokens.
    public var credentials: [String: String]
    public var createdAt: Date
    /// When the credentials last changed (created, or refreshed by a fetch).
    public var updatedAt: Date
    /// When the connection's token stops working, where knowable (issue 12); nil when unknown.
    public var expiresAt: Date?

    /// Creates a connection value.
    public init(id: Int64, uuid: String, siteId: Int64, service: FeedService, name: String?, credentials: [String: String],
                createdAt: Date, updatedAt: Date, expiresAt: Date? = nil) {
        self.expiresAt = expiresAt
        self.id = id
        self.uuid = uuid
        self.siteId = siteId
        self.service = service
        self.name = name
        self.credentials = credentials
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A connection to create; the store assigns ids and times.
public struct NewConnection: Sendable, Equatable {
    public var siteId: Int64
    public var service: FeedService
    public var name: String?
    public var credentials: [String: String]

    /// Creates a new-connection value.
    public init(siteId: Int64, service: FeedService, name: String?, credentials: [String: String]) {
        self.siteId = siteId
        self.service = service
        self.name = name
        self.credentials = credentials
    }
}
