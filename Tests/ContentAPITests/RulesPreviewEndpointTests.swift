import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Moderation
import Testing

@Suite("Rules preview and re-evaluation through the router")
struct RulesPreviewEndpointTests {
    private static let original = "The town council meets on Tuesday evening to discuss the new library opening hours."

    /// Stores posts of a `saved_to_inbox` feed, in order, all waiting in the inbox.
    private func inbox(_ fixture: APIFixture, _ texts: [(id: String, text: String)]) throws {
        let section = try fixture.store.section(siteId: fixture.site.id, named: "default", now: fixture.now)
        let feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: section.id, name: nil, service: .rss,
                                                        attributes: ["url": .string("https://example.com/f")], moderationType: .savedToInbox),
                                                now: fixture.now)
        for (id, text) in texts {
            let post = Post(channel: "rss", sourceId: id, title: id, textPlain: text)
            try fixture.store.upsertPosts([post], feed: feed, now: fixture.now) { _ in Decision(state: .inbox, decidedBy: .auto) }
        }
    }

    private func data(_ response: TestResponse) throws -> Any? {
        (try json(response)["result"] as? [String: Any])?["data"]
    }

    @Test("The spam rule's near-duplicate check fires in a preview and on re-evaluation, as at ingest")
    func nearDuplicates() async throws {
        let fixture = try APIFixture()
        try inbox(fixture, [("original", Self.original), ("copy", Self.original.replacingOccurrences(of: ".", with: "!"))])
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/moderation/rules"
            let ruleSet = #"{"rules": [{"id": "spam", "type": "spam", "action": "hide"}]}"#
            let preview = try await client.send(.post, base + "/preview", key: fixture.adminKey, json: ruleSet)
            let previewed = try #require(try data(preview) as? [[String: Any]])
            let states = Dictionary(uniqueKeysWithValues: previewed.compactMap { item in
                (item["title"] as? String).map { ($0, item["state"] as? String ?? "") }
            })
            #expect(states == ["original": "inbox", "copy": "hidden"])
            let reasons = previewed.first { $0["title"] as? String == "copy" }?["reasons"] as? [[String: Any]]
            #expect((reasons?.first?["detail"] as? String)?.hasPrefix("spam score 1: repeats post ") == true)

            let saved = try await client.send(.put, base + "?reevaluate=true", key: fixture.adminKey, json: ruleSet)
            #expect((try data(saved) as? [String: Any])?["reevaluated"] as? Int == 1)
            let waiting = try json(try await client.get("/v2/\(fixture.site.uuid)/inbox", key: fixture.adminKey))
            #expect((waiting["posts"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["original"])
        }
    }

    @Test("A back-reference is refused with 422 naming rules[N].pattern; a pathological pattern previews a 3,000-character post")
    func regexGuard() async throws {
        let fixture = try APIFixture()
        try inbox(fixture, [("long", String(repeating: "a", count: 3_000)), ("dots", String(repeating: "=", count: 3_000))])
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/moderation/rules"
            let refused = try await client.send(.post, base + "/preview", key: fixture.adminKey,
                                                json: #"{"rules": [{"id": "r", "type": "regex", "action": "hide", "pattern": "(?<x>a+)\\k<x>+$"}]}"#)
            #expect(refused.status == .unprocessableContent)
            let details = (try json(refused)["error"] as? [String: Any])?["details"] as? [[String: Any]]
            #expect(details?.first?["field"] as? String == "rules[0].pattern")
            #expect((details?.first?["message"] as? String)?.contains("back-reference") == true)

            let slow = #"{"rules": [{"id": "a", "type": "regex", "action": "hide", "pattern": "a*a*a*a*a*a*a*a*a*a*b"}, "#
                + #"{"id": "d", "type": "regex", "action": "inbox", "pattern": ".*.*.*.*.*.*.*.*.*.*=x"}]}"#
            let preview = try await client.send(.post, base + "/preview", key: fixture.adminKey, json: slow)
            #expect(preview.status == .ok)
            let previewed = try #require(try data(preview) as? [[String: Any]])
            #expect(previewed.count == 2)
            #expect(previewed.allSatisfy { ($0["reasons"] as? [Any])?.isEmpty == true })
        }
    }
}
