import FeedFetchers
import Foundation
import Moderation

/// Decides a site's posts under a rule set with the same context wherever it happens: at
/// ingest, in a rules preview, and when the inbox is decided again (SPEC §3.5). The context is
/// what the rules see besides the post: the site's posts stored before it, whatever their feed
/// or platform, for the spam rule's near-duplicate check (issue 15: a cross-post shows once).
public struct ModerationService: Sendable {
    /// How many of the posts stored before a post its near-duplicate check compares with.
    public static let recentWindow = 500

    let store: any RoostStore

    /// Creates the service over a store.
    public init(store: any RoostStore) {
        self.store = store
    }

    /// The context of a post about to be stored (ingest): the site's most recent posts.
    public func contextForNewPosts(siteId: Int64, ruleSet: RuleSet) throws -> ModerationContext {
        guard ruleSet.needsRecentPosts else { return ModerationContext() }
        return Self.context(try store.recentTexts(siteId: siteId, before: nil, limit: Self.recentWindow))
    }

    /// The context a stored post had when it arrived: the posts stored before it.
    public func context(of post: StoredPost, ruleSet: RuleSet) throws -> ModerationContext {
        guard ruleSet.needsRecentPosts else { return ModerationContext() }
        return Self.context(try store.recentTexts(siteId: post.siteId, before: post.flocklerId, limit: Self.recentWindow))
    }

    /// A context remembering `texts` (oldest first) under their Flockler ids.
    static func context(_ texts: [(id: Int64, text: String)]) -> ModerationContext {
        var recent = RecentPostIndex()
        for (id, text) in texts { recent.insert(id: String(id), text: text) }
        return ModerationContext(recent: recent)
    }

    /// What `ruleSet` would decide for the site's `limit` most recent posts, newest first,
    /// changing nothing.
    public func preview(siteId: Int64, ruleSet: RuleSet, limit: Int) throws -> [(post: StoredPost, decision: Decision)] {
        let posts = try store.recentPosts(siteId: siteId, limit: limit)
        let modes = try self.modes(siteId: siteId)
        guard ruleSet.needsRecentPosts else {
            return posts.map { (post: $0, decision: decide($0, modes: modes, ruleSet: ruleSet, context: ModerationContext())) }
        }
        // One pass, oldest first: each post sees the posts stored before it, as it did at ingest.
        let texts = try store.recentTexts(siteId: siteId, before: nil, limit: limit + Self.recentWindow)
        let wanted = Dictionary(posts.map { ($0.flocklerId, $0) }) { first, _ in first }
        var context = ModerationContext()
        var decided: [Int64: Decision] = [:]
        for (id, text) in texts {
            if let stored = wanted[id] { decided[id] = decide(stored, modes: modes, ruleSet: ruleSet, context: context) }
            context.recent.insert(id: String(id), text: text)
        }
        return posts.map { stored in
            (post: stored, decision: decided[stored.flocklerId] ?? decide(stored, modes: modes, ruleSet: ruleSet, context: ModerationContext()))
        }
    }

    /// Decides again every inbox post no operator decided; operator decisions stay (even one
    /// made while this ran). Returns how many posts changed state.
    public func reevaluateInbox(siteId: Int64, ruleSet: RuleSet, now: Date) throws -> Int {
        let posts = try store.reevaluationCandidates(siteId: siteId)
        let modes = try self.modes(siteId: siteId)
        // Decided outside the writer's transaction: the rules may take a while over many posts.
        let decisions = try posts.map { stored in
            (post: stored, decision: decide(stored, modes: modes, ruleSet: ruleSet, context: try context(of: stored, ruleSet: ruleSet)))
        }
        return try store.applyReevaluation(siteId: siteId, decisions, now: now)
    }

    /// Each feed's mode; a post whose feed is gone counts as `saved_to_inbox`.
    private func modes(siteId: Int64) throws -> [Int64: ModerationType] {
        let feeds = try store.feeds(siteId: siteId, order: .asc, services: [])
        return Dictionary(feeds.map { ($0.id, $0.moderationType) }) { first, _ in first }
    }

    private func decide(_ stored: StoredPost, modes: [Int64: ModerationType], ruleSet: RuleSet, context: ModerationContext) -> Decision {
        let mode = stored.feedId.flatMap { modes[$0] } ?? .savedToInbox
        return Moderator.decide(stored.post, feedMode: mode, ruleSet: ruleSet, context: context)
    }
}
