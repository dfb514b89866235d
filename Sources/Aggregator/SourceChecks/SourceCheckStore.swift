import Foundation

/// A stored post a source re-check asks about.
public struct SourcePostRef: Sendable, Equatable {
    /// The post's id (its Flockler id).
    public var postId: Int64
    /// The platform's id of the post.
    public var sourceId: String

    /// Creates a reference.
    public init(postId: Int64, sourceId: String) {
        self.postId = postId
        self.sourceId = sourceId
    }
}

/// What `SourceCheckService` reads and writes (issue 12: deleted at the source).
public protocol SourceCheckStore: Sendable {
    /// Enabled feeds of `services` not re-checked since `checkedBefore`, longest unchecked first.
    func feedsDueForSourceCheck(services: [FeedService], checkedBefore: Date, limit: Int) throws -> [Feed]
    /// A feed's posts that are not hidden and were published (else stored) since `since`, newest first.
    func recentSourcePosts(feedId: Int64, since: Date, limit: Int) throws -> [SourcePostRef]
    /// Records that the feed's recent posts were re-checked at `now`.
    func markSourceChecked(feedId: Int64, now: Date) throws
    /// Hides the feed's posts with these source ids, decided by the source, with a history entry
    /// "deleted at source", all in one transaction; returns how many changed.
    func unpublishDeletedAtSource(feedId: Int64, sourceIds: Set<String>, now: Date) throws -> Int
}
