import Aggregator
import FeedFetchers
import Foundation
import Moderation
import Testing

@Suite("Moderation decides with the same context at ingest, in a preview and in re-evaluation")
struct ModerationServiceTests {
    private static let original = "The town council meets on Tuesday evening to discuss the new library opening hours."
    private static let copy = "The town council meets on Tuesday evening to discuss the new library opening hours!"
    private let spam = RuleSet(rules: [Rule(id: "spam", action: .hide, kind: .spam(threshold: Rule.defaultSpamThreshold))])

    /// A store with an original post and then a near-copy, both waiting in the inbox, stored
    /// while the site had no spam rule (so without fingerprints).
    private func fixture() throws -> (StoreFixture, original: StoredPost, copy: StoredPost) {
        let fixture = try StoreFixture(moderation: .savedToInbox)
        for (id, text) in [("original", Self.original), ("copy", Self.copy)] {
            let post = Post(channel: "rss", sourceId: id, sourceUrl: "https://example.com/\(id)", title: id, textPlain: text)
            try fixture.store.upsertPosts([post], feed: fixture.feed, now: fixture.start) { _ in Decision(state: .inbox, decidedBy: .auto) }
        }
        let posts = try fixture.store.recentPosts(siteId: fixture.site.id, limit: 10)
        let original = try #require(posts.first { $0.post.sourceId == "original" })
        let copy = try #require(posts.first { $0.post.sourceId == "copy" })
        return (fixture, original, copy)
    }

    @Test("At ingest, a near-copy of a stored post is caught by the spam rule")
    func ingest() throws {
        let (fixture, original, _) = try fixture()
        let service = ModerationService(store: fixture.store)
        let context = try service.contextForNewPosts(siteId: fixture.site.id, ruleSet: spam)
        let again = Post(channel: "instagram", title: "again", textPlain: Self.copy + " #library #council")
        let decision = Moderator.decide(again, feedMode: .savedToInbox, ruleSet: spam, context: context)
        // The first of the two stored copies is the one named: keep the first, say why.
        #expect(decision.state == .hidden)
        #expect(decision.reasons.first?.detail.hasPrefix("spam score 1: repeats post \(original.flocklerId) (") == true)
    }

    @Test("A preview flags the near-copy, not the post it copies, as ingest would have")
    func preview() throws {
        let (fixture, original, copy) = try fixture()
        let previewed = try ModerationService(store: fixture.store).preview(siteId: fixture.site.id, ruleSet: spam, limit: 200)
        let states = Dictionary(uniqueKeysWithValues: previewed.map { ($0.post.flocklerId, $0.decision) })
        #expect(states[copy.flocklerId]?.state == .hidden)
        #expect(states[copy.flocklerId]?.reasons.first?.detail.hasPrefix("spam score 1: repeats post \(original.flocklerId) (") == true)
        #expect(states[original.flocklerId]?.state == .inbox)
        #expect(try fixture.store.post(siteId: fixture.site.id, flocklerId: copy.flocklerId)?.state == .inbox, "a preview changes nothing")
    }

    @Test("Re-evaluating the inbox hides the near-copy and keeps the original waiting; operator decisions stay")
    func reevaluate() throws {
        let (fixture, original, copy) = try fixture()
        let service = ModerationService(store: fixture.store)
        let changed = try service.reevaluateInbox(siteId: fixture.site.id, ruleSet: spam, now: fixture.start)
        #expect(changed == 1)
        let hidden = try #require(try fixture.store.post(siteId: fixture.site.id, flocklerId: copy.flocklerId))
        #expect(hidden.state == .hidden)
        #expect(hidden.moderation.reasons.first?.detail.hasPrefix("spam score 1: repeats post \(original.flocklerId) (") == true)
        #expect(try fixture.store.post(siteId: fixture.site.id, flocklerId: original.flocklerId)?.state == .inbox)

        _ = try fixture.store.apply(.hide, to: [original.flocklerId], siteId: fixture.site.id, keyId: 1, now: fixture.start)
        #expect(try service.reevaluateInbox(siteId: fixture.site.id, ruleSet: .empty, now: fixture.start) == 0)
        #expect(try fixture.store.post(siteId: fixture.site.id, flocklerId: original.flocklerId)?.moderation.decidedBy == .operator)
    }

    @Test("A decision an operator makes after re-evaluation read the inbox is kept")
    func operatorWinsARace() throws {
        let (fixture, _, copy) = try fixture()
        let candidates = try fixture.store.reevaluationCandidates(siteId: fixture.site.id)
        _ = try fixture.store.apply(.publish, to: [copy.flocklerId], siteId: fixture.site.id, keyId: 1, now: fixture.start)
        let decisions = candidates.map { (post: $0, decision: Decision(state: .hidden, decidedBy: .rules)) }
        #expect(try fixture.store.applyReevaluation(siteId: fixture.site.id, decisions, now: fixture.start) == 1)
        #expect(try fixture.store.post(siteId: fixture.site.id, flocklerId: copy.flocklerId)?.state == .published)
    }
}
