import Foundation

/// Everything a platform fetch knows about its feed: the attributes the operator set, the
/// credentials of the feed's connection, what the last fetch left behind, and which posts
/// are already stored.
public struct PlatformFeed: Sendable {
    /// The feed's attributes (no secrets: those live in the connection).
    public var attributes: [String: FeedAttribute]
    /// The connection's credentials; empty for public platforms.
    public var credentials: [String: String]
    /// Cursors, resolved ids and validators from the last fetch.
    public var state: PlatformState
    /// Source ids of posts this feed already stored (the newest few hundred): polling stops at the first one.
    public var knownSourceIds: Set<String>
    /// The clock, for token expiry and time windows.
    public var now: Date
    /// Most posts one fetch collects ("the newest N posts on first fetch", issue 6).
    public var maxPosts: Int
    /// Most pages one fetch reads.
    public var maxPages: Int

    /// Creates the input of one fetch.
    public init(attributes: [String: FeedAttribute], credentials: [String: String] = [:], state: PlatformState = PlatformState(),
                knownSourceIds: Set<String> = [], now: Date, maxPosts: Int = 100, maxPages: Int = 10) {
        self.attributes = attributes
        self.credentials = credentials
        self.state = state
        self.knownSourceIds = knownSourceIds
        self.now = now
        self.maxPosts = maxPosts
        self.maxPages = maxPages
    }

    /// A text attribute, trimmed; nil when absent or empty.
    public func string(_ name: String) -> String? {
        guard let text = attributes[name]?.textValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// A boolean attribute; `false` when absent.
    public func flag(_ name: String) -> Bool { attributes[name]?.boolValue ?? false }

    /// A credential, trimmed; nil when absent or empty.
    public func credential(_ name: String) -> String? {
        guard let text = credentials[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// Whether `sourceId` is already stored: polling stops there.
    public func isKnown(_ sourceId: String) -> Bool { knownSourceIds.contains(sourceId) }
}

/// What a platform fetcher keeps between fetches (since ids, resolved ids, validators),
/// stored as a small JSON object with the feed.
public struct PlatformState: Sendable, Equatable {
    public var values: [String: String]

    /// Creates state.
    public init(_ values: [String: String] = [:]) { self.values = values }

    /// Reads state stored by `encoded`; unreadable text is empty state.
    public init(encoded: String?) {
        values = StringMapJSON.decode(encoded)
    }

    /// The state as JSON text; nil when empty.
    public var encoded: String? {
        values.isEmpty ? nil : StringMapJSON.encode(values)
    }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }
}

/// What a platform fetch produced.
public struct PlatformResult: Sendable {
    /// The new posts (and new versions of stored ones), newest first.
    public var posts: [Post]
    /// The state to keep for the next fetch.
    public var state: PlatformState
    /// Credentials the platform replaced (a refreshed token), to store in the connection.
    public var refreshedCredentials: [String: String]
    /// True when the platform said nothing changed (a 304).
    public var notModified: Bool

    /// Creates a result.
    public init(posts: [Post], state: PlatformState, refreshedCredentials: [String: String] = [:], notModified: Bool = false) {
        self.posts = posts
        self.state = state
        self.refreshedCredentials = refreshedCredentials
        self.notModified = notModified
    }
}
