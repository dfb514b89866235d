import Foundation

/// One platform's fetcher (SPEC §3.6): it checks a feed's attributes, builds the requests its
/// fixtures README describes, follows pagination, maps the answers to `Post`s and turns the
/// platform's errors into `PlatformError`s. Each platform lives in `Platforms/<Service>/` as
/// wire types, an adapter to `Post`, and this entry point (DESIGN.md).
public protocol PlatformAdapter: Sendable {
    /// The feed service this adapter fetches (`twitter_v2`, `youtube`, ...).
    var service: String { get }
    /// The channel of the posts it produces (SPEC §3.6: `twitter_v2` → `twitter`).
    var channel: String { get }
    /// The attribute names a feed of this service may have; anything else is a 422.
    var attributeNames: Set<String> { get }
    /// The credential fields a connection of this service holds; the first group that is
    /// complete is used. Empty when the platform is public.
    var credentialFields: [CredentialField] { get }
    /// The shortest time between two fetches of one feed, whatever the feed's rhythm.
    var minimumInterval: TimeInterval { get }
    /// The request budget one credential (or, for public platforms, one site) gets.
    var ratePolicy: RatePolicy { get }

    /// A part of the credential's budget this feed draws from, when one credential reaches
    /// APIs with separate quotas (Google's Places key and Business Profile token); nil for one budget.
    func budgetScope(for attributes: [String: FeedAttribute]) -> String?
    /// What is wrong with `attributes`, one problem per attribute; empty when the feed can be created.
    func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem]
    /// Whether a feed with these attributes needs credentials from a connection.
    func needsCredentials(_ attributes: [String: FeedAttribute]) -> Bool
    /// Fetches the feed's new posts, newest first.
    func fetch(_ feed: PlatformFeed, client: PlatformClient) async throws(PlatformError) -> PlatformResult
}

extension PlatformAdapter {
    public var channel: String { service }
    public var credentialFields: [CredentialField] { [] }
    public var minimumInterval: TimeInterval { 5 * 60 }
    public var ratePolicy: RatePolicy { RatePolicy(requests: 60, per: 60) }
    public func needsCredentials(_ attributes: [String: FeedAttribute]) -> Bool { !credentialFields.isEmpty }
    public func budgetScope(for attributes: [String: FeedAttribute]) -> String? { nil }

    /// The credential fields that are not secret (a Bluesky identifier, a TikTok client key):
    /// shown by the API and left in messages; every other stored field is treated as a secret.
    public var visibleCredentialNames: Set<String> { Set(credentialFields.filter { !$0.secret }.map(\.name)) }
}

/// One field of a connection's credentials.
public struct CredentialField: Sendable, Equatable {
    /// The name in `credentials` (`access_token`, `app_password`, ...).
    public var name: String
    /// Whether a connection of this service must have it.
    public var required: Bool
    /// Whether it is a secret (never returned by the API); ids and user names are not.
    public var secret: Bool
    /// Other names operators use for it (`access_token` for X's bearer token); a connection
    /// stores the field under `name`.
    public var aliases: [String]

    /// Creates a field description.
    public init(_ name: String, required: Bool = true, secret: Bool = true, aliases: [String] = []) {
        self.name = name
        self.required = required
        self.secret = secret
        self.aliases = aliases
    }
}

/// One thing wrong with one feed attribute: the attribute's name and what to do about it.
public struct AttributeProblem: Sendable, Equatable {
    /// The attribute, as in `feed_attributes` (`author`, `url`, ...).
    public var attribute: String
    public var message: String

    /// Creates a problem.
    public init(_ attribute: String, _ message: String) {
        self.attribute = attribute
        self.message = message
    }
}
