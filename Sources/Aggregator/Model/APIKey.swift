import Foundation

/// An API key as an operator sees it (SPEC §3.7): never its secret, which is stored only as a
/// hash and shown once, when the key is created.
public struct APIKey: Sendable, Equatable {
    public var id: Int64
    public var siteId: Int64
    public var name: String
    public var scope: KeyScope
    public var createdAt: Date
    /// When a request last used the key, to the minute (SPEC §3.7 "last used"); nil if never.
    public var lastUsedAt: Date?

    /// Creates a key value.
    public init(id: Int64, siteId: Int64, name: String, scope: KeyScope, createdAt: Date, lastUsedAt: Date?) {
        self.id = id
        self.siteId = siteId
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}

/// Why a change to a site's keys was refused.
public enum APIKeyStoreError: Error, Equatable, CustomStringConvertible {
    /// No key of the site has this id.
    case notFound(Int64)
    /// The change would leave the site without an admin key, and so without a way to manage it.
    case lastAdminKey(Int64)

    public var description: String {
        switch self {
        case .notFound(let id): return "no API key of this site has the id \(id)"
        case .lastAdminKey(let id):
            return "API key \(id) is the site's last admin key: create another admin key first, or the site could no longer be managed"
        }
    }
}
