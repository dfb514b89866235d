import Foundation

/// A site: one social wall, with its own keys, sections, feeds and posts.
public struct Site: Sendable, Equatable {
    public var id: Int64
    public var uuid: String
    public var name: String
    public var createdAt: Date

    /// Creates a site value.
    public init(id: Int64, uuid: String, name: String, createdAt: Date) {
        self.id = id
        self.uuid = uuid
        self.name = name
        self.createdAt = createdAt
    }
}

/// What a key may do (SPEC §3.1).
public enum KeyScope: String, Sendable, Equatable, CaseIterable {
    /// The posts endpoint only; safe inside an embed page.
    case read
    /// Everything of the key's site.
    case admin
}

/// A key as found by its secret: which site it belongs to and what it may do.
public struct AuthenticatedKey: Sendable, Equatable {
    public var keyId: Int64
    public var siteId: Int64
    public var siteUUID: String
    public var scope: KeyScope

    /// Creates an authenticated key value.
    public init(keyId: Int64, siteId: Int64, siteUUID: String, scope: KeyScope) {
        self.keyId = keyId
        self.siteId = siteId
        self.siteUUID = siteUUID
        self.scope = scope
    }
}

/// A section of a site, into which feeds put their posts.
public struct Section: Sendable, Equatable {
    public var id: Int64
    public var uuid: String
    public var siteId: Int64
    public var name: String
    public var createdAt: Date

    /// Creates a section value.
    public init(id: Int64, uuid: String, siteId: Int64, name: String, createdAt: Date) {
        self.id = id
        self.uuid = uuid
        self.siteId = siteId
        self.name = name
        self.createdAt = createdAt
    }
}
