import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Moderation
import Testing

@Suite("The scam and classifier rule types and spam thresholds through the router (issue 15)")
struct RuleTypesEndpointTests {
    private func data(_ response: TestResponse) throws -> Any? {
        (try json(response)["result"] as? [String: Any])?["data"]
    }

    private func fields(_ response: TestResponse) throws -> [String] {
        ((try json(response)["error"] as? [String: Any])?["details"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
    }

    @Test("A rule set with scam, classifier and tuned spam rules is saved and read back with every setting")
    func saveAndRead() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/moderation/rules"
            let ruleSet = """
                {"rules": [
                  {"id": "scam", "type": "scam", "action": "hide", "threshold": 0.8},
                  {"id": "spam", "type": "spam", "action": "score", "weight": 0.5, "threshold": 0.4},
                  {"id": "model", "type": "classifier", "action": "hide", "url": "https://models.example/judge",
                   "timeoutMs": 1500, "minScore": 0.9, "labels": ["nsfw", "hate"]}
                ], "thresholds": {"publish": 0.2, "hide": 0.8}}
                """
            let saved = try await client.send(.put, base, key: fixture.adminKey, json: ruleSet)
            #expect(saved.status == .ok)
            let read = try #require(try data(try await client.get(base, key: fixture.adminKey)) as? [String: Any])
            let rules = try #require(read["rules"] as? [[String: Any]])
            #expect(rules.count == 3)
            #expect(rules[0]["threshold"] as? Double == 0.8)
            #expect(rules[1]["threshold"] as? Double == 0.4)
            #expect(rules[2]["url"] as? String == "https://models.example/judge")
            #expect(rules[2]["timeoutMs"] as? Int == 1500)
            #expect(rules[2]["minScore"] as? Double == 0.9)
            #expect(rules[2]["labels"] as? [String] == ["nsfw", "hate"])
        }
    }

    @Test("Bad settings of the new rule types are refused with 422 naming each field")
    func refused() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/moderation/rules"
            let bad = try await client.send(.put, base, key: fixture.adminKey, json: """
                {"rules": [
                  {"id": "a", "type": "scam", "action": "hide", "threshold": 2},
                  {"id": "b", "type": "classifier", "action": "hide", "url": "ftp://models.example/judge"},
                  {"id": "c", "type": "classifier", "action": "hide", "url": "https://m.example", "timeoutMs": 60000},
                  {"id": "d", "type": "spam", "action": "hide", "words": ["x"]}
                ]}
                """)
            #expect(bad.status == .unprocessableContent)
            #expect(try fields(bad) == ["rules[0].threshold", "rules[1].url", "rules[2].timeoutMs", "rules[3].words"])
        }
    }

    @Test("A preview with the scam rule hides a crypto-doubling post with its signals as the reason, and keeps a ticket offer")
    func scamPreview() async throws {
        let fixture = try APIFixture()
        let section = try fixture.store.section(siteId: fixture.site.id, named: "default", now: fixture.now)
        let feed = try fixture.store.createFeed(NewFeed(siteId: fixture.site.id, sectionId: section.id, name: nil, service: .rss,
                                                        attributes: ["url": .string("https://example.com/f")], moderationType: .aiModeration),
                                                now: fixture.now)
        let posts = [
            Post(channel: "rss", sourceId: "scam", title: "scam",
                 textPlain: "Double your bitcoin today! Send 0.1 BTC and get 0.2 back, DM to claim."),
            Post(channel: "rss", sourceId: "offer", title: "offer", textPlain: "Early bird tickets are 15 pounds until Sunday, only today at the gate."),
        ]
        try fixture.store.upsertPosts(posts, feed: feed, now: fixture.now) { _ in Decision(state: .inbox, decidedBy: .auto) }
        try await fixture.withClient { client in
            let preview = try await client.send(.post, "/v2/\(fixture.site.uuid)/moderation/rules/preview", key: fixture.adminKey,
                                                json: #"{"rules": [{"id": "scam", "type": "scam", "action": "hide"}]}"#)
            #expect(preview.status == .ok)
            let items = try #require(try data(preview) as? [[String: Any]])
            let byTitle = Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["title"] as? String).map { ($0, item) } })
            #expect(byTitle["scam"]?["state"] as? String == "hidden")
            #expect(byTitle["offer"]?["state"] as? String != "hidden")
            let detail = ((byTitle["scam"]?["reasons"] as? [[String: Any]])?.first?["detail"] as? String) ?? ""
            #expect(detail.contains("scam phrase 'double your bitcoin'"))
            #expect(detail.contains("crypto amount"))
        }
    }
}
