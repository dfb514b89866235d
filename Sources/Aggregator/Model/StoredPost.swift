import FeedFetchers
import Foundation
import Moderation

/// A post as stored: the normalized post plus its identity, place and moderation state.
public struct StoredPost: Sendable, Equatable {
    /// The installation-wide id, positive, never changing (SPEC §3.3 `flocklerId`).
    public var flocklerId: Int64
    public var siteId: Int64
    public var sectionId: Int64
    public var feedId: Int64?
    public var post: Post
    public var state: ModerationState
    public var pinnedIndex: Int?
    /// The last decision about the post.
    public var moderation: ModerationRecord
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a stored post value.
    public init(flocklerId: Int64, siteId: Int64, sectionId: Int64, feedId: Int64?, post: Post, state: ModerationState,
                pinnedIndex: Int?, moderation: ModerationRecord = ModerationRecord(), createdAt: Date, updatedAt: Date) {
        self.flocklerId = flocklerId
        self.siteId = siteId
        self.sectionId = sectionId
        self.feedId = feedId
        self.post = post
        self.state = state
        self.pinnedIndex = pinnedIndex
        self.moderation = moderation
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What storing a batch of fetched posts did.
public struct UpsertSummary: Sendable, Equatable {
    public var inserted: Int = 0
    public var updated: Int = 0
    public var unchanged: Int = 0

    /// Creates an empty summary.
    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }
}
