import Aggregator
import FeedFetchers
import Foundation
import Logging
import Moderation
import Testing

@Suite("Classifier rules against a real loopback endpoint: judged off ingest, never published unjudged (issue 15)")
struct ClassifierWorkerTests {
    private func ruleSet(_ url: String, action: Rule.Action = .hide) -> RuleSet {
        RuleSet(rules: [Rule(id: "model", action: action, kind: .classifier(ClassifierSettings(url: url, timeoutMs: 2_000)))])
    }

    /// Stores one post decided as ingest decides it (no classifier call), then runs one worker
    /// pass against `endpoint`; returns the post before and after.
    private func judged(_ endpoint: String, mode: ModerationType = .autoPublish) async throws -> (before: StoredPost, after: StoredPost) {
        let fixture = try StoreFixture(moderation: mode)
        let rules = ruleSet(endpoint)
        try fixture.store.saveRuleSet(siteId: fixture.site.id, rules, keyId: 1, now: fixture.start)
        let post = Post(channel: "instagram", sourceId: "p1", sourceUrl: "https://example.com/p1", title: "Free tickets",
                        textPlain: "Look at this", images: [PostImage(url: "https://cdn.example/p1.jpg")])
        try fixture.store.upsertPosts([post], feed: fixture.feed, now: fixture.start) { post in
            Moderator.decide(post, feedMode: mode, ruleSet: rules)
        }
        let before = try #require(try fixture.store.recentPosts(siteId: fixture.site.id, limit: 1).first)
        let client = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), maxBodyBytes: 64 << 10,
                                       connectTimeout: .seconds(2), totalTimeout: .seconds(11), now: { Date() })
        let worker = ClassifierWorker(store: fixture.store, classifier: HTTPPostClassifier(transport: client),
                                      now: { fixture.start }, logger: Logger(label: "test"))
        await worker.runOnce()
        await client.shutdown()
        let after = try #require(try fixture.store.post(siteId: fixture.site.id, flocklerId: before.flocklerId))
        return (before, after)
    }

    @Test("Ingest holds the post in the inbox, even in auto_publish, without calling the classifier")
    func held() async throws {
        let server = ClassifierServer()
        try await server.run { base in
            let (before, _) = try await judged(base + "/spam")
            #expect(before.state == .inbox)
            #expect(before.moderation.reasons.map(\.detail) == ["waiting for the classifier's answer"])
        }
    }

    @Test("The classifier's labels decide: spam is hidden with its label and score as the reason, clean is published")
    func labels() async throws {
        let server = ClassifierServer()
        try await server.run { base in
            let spam = try await judged(base + "/spam").after
            #expect(spam.state == .hidden)
            #expect(spam.moderation.reasons.map(\.detail) == ["classifier labelled spam 0.97"])
            let clean = try await judged(base + "/clean").after
            #expect(clean.state == .published)
        }
        let sent = try #require(server.received.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sent)) as? [String: Any])
        #expect(object["text"] as? String == "Look at this")
        #expect(object["media"] as? [String] == ["https://cdn.example/p1.jpg"])
        #expect(object["channel"] as? String == "instagram")
    }

    @Test("Slow, garbage, huge or silent classifiers leave the post in the inbox saying why, never published", arguments: [
        ("slow", "no answer within 2000 ms"), ("garbage", "not JSON"), ("huge", "larger than 64 KB"), ("silent", "no answer within 2000 ms"),
    ])
    func failures(kind: String, why: String) async throws {
        let server = ClassifierServer()
        try await server.run { base in
            let after = try await judged(base + "/" + kind).after
            #expect(after.state == .inbox)
            let detail = after.moderation.reasons.first?.detail ?? ""
            #expect(detail.hasPrefix("classifier failed ("), "\(kind): \(detail)")
            #expect(detail.contains(why), "\(kind): \(detail)")
            #expect(detail.hasSuffix("left in the inbox"))
        }
    }

    @Test("A failed post is not asked again, and an operator's decision made meanwhile stays")
    func notAgain() async throws {
        let fixture = try StoreFixture(moderation: .autoPublish)
        let rules = ruleSet("http://127.0.0.1:9/none")
        try fixture.store.saveRuleSet(siteId: fixture.site.id, rules, keyId: 1, now: fixture.start)
        try fixture.store.upsertPosts([Post(channel: "rss", sourceId: "a", textPlain: "Hello")], feed: fixture.feed, now: fixture.start) {
            Moderator.decide($0, feedMode: .autoPublish, ruleSet: rules)
        }
        let stored = try #require(try fixture.store.awaitingClassifier(limit: 10).first)
        _ = try fixture.store.apply(.publish, to: [stored.flocklerId], siteId: fixture.site.id, keyId: 1, now: fixture.start)
        #expect(try fixture.store.awaitingClassifier(limit: 10).isEmpty)
    }
}
