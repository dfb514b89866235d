import FeedFetchers
import Foundation
import Moderation

/// Decides a site's posts under a rule set with the same context wherever it happens: at
/// ingest, in a rules preview, and when the inbox is decided again (SPEC §3.5). The context is
/// what the rules see besides the post: the fingerprints of the site's posts stored before it,
/// for the spam rule's near-duplicate check, which otherwise fires at ingest only.
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
        guard Self.needsContext(ruleSet) else { return ModerationContext() }
        return ModerationContext(recentFingerprints: try store.recentFingerprints(siteId: siteId, before: nil, limit: Self.recentWindow))
    }

    /// The context a stored post had when it arrived: the posts stored before it.
    public func context(of post: StoredPost, ruleSet: RuleSet) throws -> ModerationContext {
        guard Self.needsContext(ruleSet) else { return ModerationContext() }
        return ModerationContext(recentFingerprints: try store.recentFingerprints(siteId: post.siteId, before: post.flocklerId,
                                                                                  limit: Self.recentWindow))
    }

    /// What `ruleSet` would decide for the site's `limit` most recent posts, newest first,
    /// changing nothing.
    public func preview(siteId: Int64, ruleSet: RuleSet, limit: Int) throws -> [(post: StoredPost, decision: Decision)] {
        let posts = try store.recentPosts(siteId: siteId, limit: limit)
        return try decide(posts, siteId: siteId, ruleSet: ruleSet)
    }

    /// Decides again every inbox post no operator decided; operator decisions stay (even one
    /// made while this ran). Returns how many posts changed state.
    public func reevaluateInbox(siteId: Int64, ruleSet: RuleSet, now: Date) throws -> Int {
        let posts = try store.reevaluationCandidates(siteId: siteId)
        // Decided outside the writer's transaction: the rules may take a while over many posts.
        let decisions = try decide(posts, siteId: siteId, ruleSet: ruleSet)
        return try store.applyReevaluation(siteId: siteId, decisions, now: now)
    }

    /// Each post's decision in its feed's mode (a post whose feed is gone counts as
    /// `saved_to_inbox`), with the context it had at ingest.
    private func decide(_ posts: [StoredPost], siteId: Int64, ruleSet: RuleSet) throws -> [(post: StoredPost, decision: Decision)] {
        let feeds = try store.feeds(siteId: siteId, order: .asc, services: [])
        let modes = Dictionary(feeds.map { ($0.id, $0.moderationType) }) { first, _ in first }
        return try posts.map { stored in
            let mode = stored.feedId.flatMap { modes[$0] } ?? .savedToInbox
            let context = try context(of: stored, ruleSet: ruleSet)
            return (post: stored, decision: Moderator.decide(stored.post, feedMode: mode, ruleSet: ruleSet, context: context))
        }
    }

    /// Only the spam rule looks at other posts.
    private static func needsContext(_ ruleSet: RuleSet) -> Bool {
        ruleSet.rules.contains { $0.kind == .spam }
    }
}
