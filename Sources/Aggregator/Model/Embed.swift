import Foundation

/// A saved embed (SPEC §3.9): a view of a site's published posts with its layout, filters
/// and theme, and the read key its pages use to call the posts API.
public struct Embed: Sendable, Equatable {
    public var id: Int64
    public var uuid: String
    public var siteId: Int64
    public var siteUUID: String
    /// The embed's settings as a JSON document; ContentAPI owns its members (DESIGN.md: wire
    /// keys live in one place), the store keeps it whole.
    public var settings: String
    /// The read key created for this embed, deleted with it; its secret is kept sealed so that
    /// the embed's pages can hand it to the browser (a read key only reads public posts).
    public var readKeyId: Int64?
    public var readKey: String
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates an embed value.
    public init(id: Int64, uuid: String, siteId: Int64, siteUUID: String, settings: String, readKeyId: Int64?, readKey: String,
                createdAt: Date, updatedAt: Date) {
        self.id = id
        self.uuid = uuid
        self.siteId = siteId
        self.siteUUID = siteUUID
        self.settings = settings
        self.readKeyId = readKeyId
        self.readKey = readKey
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What an embed's beacon reports (issue 11: views per load, clicks per opened post).
public enum EmbedEvent: Sendable, Equatable {
    /// The embed was shown once.
    case view
    /// A visitor opened a post of the embed.
    case click(flocklerId: Int64)
}

/// Daily counts of one embed: per day, and clicks per post and day.
public struct EmbedStats: Sendable, Equatable {
    /// One day's views and clicks of the whole embed.
    public struct Day: Sendable, Equatable {
        public var day: String
        public var views: Int
        public var clicks: Int

        /// Creates a day's counts.
        public init(day: String, views: Int, clicks: Int) {
            self.day = day
            self.views = views
            self.clicks = clicks
        }
    }

    /// One post's clicks on one day.
    public struct PostDay: Sendable, Equatable {
        public var day: String
        public var flocklerId: Int64
        public var clicks: Int

        /// Creates a post's day of clicks.
        public init(day: String, flocklerId: Int64, clicks: Int) {
            self.day = day
            self.flocklerId = flocklerId
            self.clicks = clicks
        }
    }

    public var days: [Day]
    public var posts: [PostDay]

    /// Creates stats.
    public init(days: [Day], posts: [PostDay]) {
        self.days = days
        self.posts = posts
    }
}

/// The embeds aggregate of the store (DESIGN.md "protocols per aggregate").
public protocol EmbedStore: Sendable {
    /// Creates an embed and the read key its pages use, in one transaction.
    func createEmbed(siteId: Int64, settings: String, now: Date) throws -> Embed
    /// A site's embeds, oldest first.
    func embeds(siteId: Int64) throws -> [Embed]
    /// One embed of a site by id or uuid.
    func embed(siteId: Int64, idOrUUID: String) throws -> Embed?
    /// An embed by its uuid alone (the public embed pages).
    func embed(uuid: String) throws -> Embed?
    /// Replaces an embed's settings; nil when there is no such embed.
    func updateEmbed(id: Int64, settings: String, now: Date) throws -> Embed?
    /// Deletes an embed, its read key and its counts; false when there was none.
    func deleteEmbed(id: Int64) throws -> Bool
    /// Counts one event on the UTC day `day` (`YYYY-MM-DD`). A click on a post that is not a
    /// published post of the embed's site counts nothing and answers false.
    @discardableResult
    func recordEmbedEvent(embedId: Int64, _ event: EmbedEvent, day: String) throws -> Bool
    /// The counts of an embed between two UTC days, inclusive, oldest first.
    func embedStats(embedId: Int64, from: String, to: String) throws -> EmbedStats
}
