import FeedFetchers
import Foundation
import Logging
import Moderation

/// Judges the posts that wait in the inbox for a classifier rule's answer, off the ingest path
/// (issue 15). Ingest decides every other rule at once and holds such posts in the inbox; this
/// asks the classifiers, a few posts at a time within a budget, and decides each post again
/// with the answers: published, hidden, or left in the inbox saying the classifier failed.
/// An operator's decision made meanwhile stays.
public struct ClassifierWorker: Sendable {
    /// Most posts judged in one pass (the budget of a pass).
    public let batch: Int
    /// Most classifier calls in flight at once.
    public let concurrency: Int

    let store: any RoostStore
    let classifier: any PostClassifier
    let now: @Sendable () -> Date
    let logger: Logger

    /// A worker over `store` asking `classifier`.
    public init(store: any RoostStore, classifier: any PostClassifier, batch: Int = 32, concurrency: Int = 4,
                now: @escaping @Sendable () -> Date, logger: Logger) {
        self.store = store
        self.classifier = classifier
        self.batch = max(1, batch)
        self.concurrency = max(1, concurrency)
        self.now = now
        self.logger = logger
    }

    /// Judges up to `batch` waiting posts; returns how many were decided again.
    @discardableResult
    public func runOnce() async -> Int {
        let posts: [StoredPost]
        do {
            posts = try store.awaitingClassifier(limit: batch)
        } catch {
            logger.error("could not read the posts waiting for a classifier: \(error)")
            return 0
        }
        var judged = 0
        for start in stride(from: 0, to: posts.count, by: concurrency) {
            let slice = Array(posts[start..<min(posts.count, start + concurrency)])
            judged += await withTaskGroup(of: Int.self) { group in
                for post in slice { group.addTask { await judge(post) ? 1 : 0 } }
                return await group.reduce(0, +)
            }
        }
        return judged
    }

    /// Asks the classifiers about one post and stores its new decision.
    private func judge(_ stored: StoredPost) async -> Bool {
        do {
            let ruleSet = try store.ruleSet(siteId: stored.siteId)
            let verdicts = await ClassifierJudge.judge(stored.post, ruleSet: ruleSet, classifier: classifier)
            let service = ModerationService(store: store)
            var context = try service.context(of: stored, ruleSet: ruleSet)
            context.classifierVerdicts = verdicts
            let feeds = try store.feeds(siteId: stored.siteId, order: .asc, services: [])
            let mode = feeds.first { $0.id == stored.feedId }?.moderationType ?? .savedToInbox
            let decision = Moderator.decide(stored.post, feedMode: mode, ruleSet: ruleSet, context: context)
            _ = try store.applyReevaluation(siteId: stored.siteId, [(post: stored, decision: decision)], now: now())
            return true
        } catch {
            logger.error("could not judge post \(stored.flocklerId) with its classifier: \(error)")
            return false
        }
    }

    /// Runs passes until `shouldStop`, pausing `interval` when nothing waits.
    public func run(interval: Duration = .milliseconds(500), shouldStop: @escaping @Sendable () -> Bool) async {
        while !shouldStop() {
            if await runOnce() == 0 { try? await Task.sleep(for: interval) }
        }
    }
}
