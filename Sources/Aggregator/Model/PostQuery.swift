import Foundation
import Moderation

/// Which posts to read, and in which order (SPEC §3.3).
public struct PostQuery: Sendable, Equatable {
    /// How the listed tags combine.
    public enum TagMatch: String, Sendable, Equatable { case all, any }
    /// Newest first with keyset cursors, or a random sample.
    public enum Order: Sendable, Equatable { case newest, random }

    public var siteId: Int64
    public var state: ModerationState
    public var count: Int
    public var channels: [String]
    public var sectionIds: [Int64]
    /// Tags, lower-cased: tag filters compare case-insensitively.
    public var tags: [String]
    public var tagMatch: TagMatch
    public var order: Order
    public var cursor: PostCursor?

    /// Creates a query for published posts, newest first.
    public init(siteId: Int64, state: ModerationState = .published, count: Int = 20, channels: [String] = [],
                sectionIds: [Int64] = [], tags: [String] = [], tagMatch: TagMatch = .all, order: Order = .newest,
                cursor: PostCursor? = nil) {
        self.siteId = siteId
        self.state = state
        self.count = count
        self.channels = channels
        self.sectionIds = sectionIds
        self.tags = tags.map { $0.lowercased() }
        self.tagMatch = tagMatch
        self.order = order
        self.cursor = cursor
    }
}

/// A position in the one total order of a site's posts: pinned posts first by index, then
/// newest first, ties broken by id (SPEC §3.3). Keyset, so that inserts never shift a walk.
public struct PostCursor: Sendable, Equatable, Hashable {
    /// Which side of the position to read.
    public enum Direction: String, Sendable { case older, newer }

    public var direction: Direction
    /// For polling links: the site's highest shown-sequence number when the page was read;
    /// the posts shown (published or pinned) since come next. Nil for positions in the order.
    public var shownSince: Int64?
    /// 1 for pinned posts, 0 for the others.
    public var pinned: Int64
    /// For pinned posts minus the pin index, for others the time in milliseconds.
    public var orderKey: Int64
    public var flocklerId: Int64

    /// Creates a cursor.
    public init(direction: Direction, pinned: Int64, orderKey: Int64, flocklerId: Int64) {
        self.direction = direction
        self.pinned = pinned
        self.orderKey = orderKey
        self.flocklerId = flocklerId
    }

    /// A polling cursor: what was shown after sequence number `shownSince`.
    public init(shownSince: Int64) {
        self.init(direction: .newer, pinned: 0, orderKey: 0, flocklerId: 0)
        self.shownSince = shownSince
    }

    /// The opaque token put in pagination links: `p_k_id` for a position, `s<n>` for polling; URL-safe.
    public var token: String {
        if let shownSince { return "s\(shownSince)" }
        return "\(pinned)_\(orderKey)_\(flocklerId)"
    }

    /// Reads a token; nil when it is not one this server wrote.
    public init?(token: String, direction: Direction) {
        if token.hasPrefix("s") {
            guard direction == .newer, let since = Int64(token.dropFirst()), since >= 0 else { return nil }
            self.init(shownSince: since)
            return
        }
        let parts = token.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, let pinned = Int64(parts[0]), pinned == 0 || pinned == 1,
              let key = Int64(parts[1]), let id = Int64(parts[2]), id > 0 else { return nil }
        self.init(direction: direction, pinned: pinned, orderKey: key, flocklerId: id)
    }
}

/// One page of posts in display order, with the cursors of its ends.
public struct PostPage: Sendable, Equatable {
    public var posts: [StoredPost]
    /// Where the next older page starts; nil when there are no older posts.
    public var older: PostCursor?
    /// Where posts newer than this page start (for polling); nil only for random order.
    public var newer: PostCursor?

    /// Creates a page.
    public init(posts: [StoredPost], older: PostCursor?, newer: PostCursor?) {
        self.posts = posts
        self.older = older
        self.newer = newer
    }
}
