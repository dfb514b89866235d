import Foundation

/// A change to what a site's posts endpoint shows (SPEC §3.8), in the order it happened.
public struct Change: Sendable, Equatable {
    /// What happened to the post.
    public enum Kind: String, Sendable, CaseIterable {
        case published = "post.published"
        case updated = "post.updated"
        case unpublished = "post.unpublished"
        case pinned = "post.pinned"
        case unpinned = "post.unpinned"
    }

    /// The change's position in the feed; a cursor is the id of the last change read.
    public var id: Int64
    public var kind: Kind
    public var at: Date
    public var flocklerId: Int64
    /// The post as it is now, for changes that show it and while it is still published; nil
    /// for unpublish events and for posts no longer shown (nothing hidden ever leaks).
    public var post: StoredPost?

    /// Creates a change.
    public init(id: Int64, kind: Kind, at: Date, flocklerId: Int64, post: StoredPost?) {
        self.id = id
        self.kind = kind
        self.at = at
        self.flocklerId = flocklerId
        self.post = post
    }
}

/// One page of the change feed and the cursor to poll on with.
public struct ChangePage: Sendable, Equatable {
    public var changes: [Change]
    /// The cursor of the last change returned, or the one asked with when nothing was new.
    public var next: Int64

    /// Creates a page.
    public init(changes: [Change], next: Int64) {
        self.changes = changes
        self.next = next
    }
}

/// Why a change-feed cursor cannot be read.
public enum ChangeCursorError: Error, Equatable {
    /// Changes after the cursor were pruned: the client must reload the posts and start over.
    case expired(oldestKept: Int64)
    /// The cursor is past every change this server recorded: it did not come from here.
    case unknown
}
