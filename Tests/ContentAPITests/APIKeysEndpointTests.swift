import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Moderation
import Testing

/// `result.data` of a response.
private func data(_ response: TestResponse) throws -> [String: Any] {
    try #require((try json(response)["result"] as? [String: Any])?["data"] as? [String: Any])
}

/// The `error` object of a response.
private func error(_ response: TestResponse) throws -> [String: Any] {
    try #require(try json(response)["error"] as? [String: Any])
}

@Suite("/v2/:site/api-keys (SPEC §3.7)")
struct APIKeysEndpointTests {
    @Test("Create shows the secret once; the key works; list and get show name, scope and times but never the secret")
    func lifecycle() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/api-keys"
            let created = try await client.send(.post, base, key: fixture.adminKey, json: #"{"name": " Lobby screen ", "scope": "read"}"#)
            #expect(created.status == .created)
            let key = try #require(try data(created)["api_key"] as? [String: Any])
            #expect(key["name"] as? String == "Lobby screen")
            #expect(key["scope"] as? String == "read")
            #expect(key["created_at"] as? String == "2025-05-08T04:43:21Z")
            #expect(key["last_used_at"] is NSNull)
            let secret = try #require(key["secret"] as? String)
            #expect(secret.hasPrefix("rk_") && secret.count == 67)
            let id = try #require(key["id"] as? Int)

            #expect(try await client.get("/v2/\(fixture.site.uuid)/posts", key: secret).status == .ok)
            #expect(try await client.get(base, key: secret).status == .forbidden, "a read key manages no keys")

            let listed = try #require(try data(try await client.get(base, key: fixture.adminKey))["api_keys"] as? [[String: Any]])
            let names = listed.compactMap { $0["name"] as? String }
            #expect(names.count == 3 && names[0].hasPrefix("admin key ") && names[1].hasPrefix("read key ") && names[2] == "Lobby screen",
                    "keys made without a name are called after their scope and id: \(names)")
            #expect(listed.allSatisfy { $0["secret"] == nil })
            let one = try #require(try data(try await client.get("\(base)/\(id)", key: fixture.adminKey))["api_key"] as? [String: Any])
            #expect(one["last_used_at"] as? String == "2025-05-08T04:43:21Z", "using the key recorded its last use")
            #expect(one["secret"] == nil)
        }
    }

    @Test("PATCH renames and changes scope; DELETE stops the key at once")
    func updateAndDelete() async throws {
        let fixture = try APIFixture()
        let (second, secret) = try fixture.store.createKey(siteId: fixture.site.id, scope: .admin, name: "Desk", now: fixture.now)
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/api-keys/\(second.id)"
            #expect(try await client.get("/v2/\(fixture.site.uuid)/feeds", key: secret).status == .ok)
            let renamed = try await client.send(.patch, path, key: fixture.adminKey, json: #"{"name": "Moderation desk"}"#)
            #expect(renamed.status == .ok)
            #expect((try data(renamed)["api_key"] as? [String: Any])?["name"] as? String == "Moderation desk")
            let demoted = try await client.send(.patch, path, key: fixture.adminKey, form: "scope=read")
            #expect((try data(demoted)["api_key"] as? [String: Any])?["scope"] as? String == "read")
            #expect(try await client.get("/v2/\(fixture.site.uuid)/feeds", key: secret).status == .forbidden, "demoted at once")
            let deleted = try await client.send(.delete, path, key: fixture.adminKey)
            #expect(deleted.status == .ok)
            #expect((try data(deleted)["api_key"] as? [String: Any])?["id"] as? Int == Int(second.id))
            #expect(try await client.get("/v2/\(fixture.site.uuid)/posts", key: secret).status == .unauthorized)
            #expect(try await client.get(path, key: fixture.adminKey).status == .notFound)
            #expect(try await client.send(.delete, path, key: fixture.adminKey).status == .notFound)
        }
    }

    @Test("The site's last admin key can be neither deleted nor demoted; with a second admin key it can")
    func lastAdminKey() async throws {
        let fixture = try APIFixture()
        let own = try #require(try fixture.store.authenticate(secret: fixture.adminKey))
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/api-keys"
            let refused = try await client.send(.delete, "\(base)/\(own.keyId)", key: fixture.adminKey)
            #expect(refused.status == .unprocessableContent)
            #expect((try error(refused)["message"] as? String)?.contains("last admin key") == true)
            let demote = try await client.send(.patch, "\(base)/\(own.keyId)", key: fixture.adminKey, json: #"{"scope": "read"}"#)
            #expect(demote.status == .unprocessableContent)
            #expect(((try error(demote)["details"] as? [[String: Any]])?.first)?["field"] as? String == "scope")
            #expect(try await client.send(.patch, "\(base)/\(own.keyId)", key: fixture.adminKey, json: #"{"scope": "admin"}"#).status == .ok)
            let created = try await client.send(.post, base, key: fixture.adminKey, json: #"{"name": "Spare", "scope": "admin"}"#)
            let spare = try #require((try data(created)["api_key"] as? [String: Any])?["secret"] as? String)
            #expect(try await client.send(.delete, "\(base)/\(own.keyId)", key: fixture.adminKey).status == .ok, "a key may delete itself")
            #expect(try await client.get(base, key: fixture.adminKey).status == .unauthorized)
            let spareId = try #require(try fixture.store.authenticate(secret: spare)?.keyId)
            #expect(try await client.send(.delete, "\(base)/\(spareId)", key: spare).status == .unprocessableContent)
        }
    }

    @Test("Bad input is answered in the error envelope, naming the field", arguments: [
        (#"{"scope": "read"}"#, "name"), (#"{"name": "x"}"#, "scope"), (#"{"name": "x", "scope": "owner"}"#, "scope"),
        (#"{"name": "", "scope": "read"}"#, "name"), (#"{"name": 7, "scope": "read"}"#, "name"),
        (#"{"name": "x", "scope": "read", "secret": "rk_mine"}"#, "secret"),
    ])
    func badCreate(body: String, field: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/api-keys", key: fixture.adminKey, json: body)
            #expect(response.status == .unprocessableContent)
            #expect(((try error(response)["details"] as? [[String: Any]]) ?? []).contains { $0["field"] as? String == field })
        }
    }

    @Test("Ids that are not numbers are 400, unknown ones and other sites' keys 404, empty changes 422")
    func badIds() async throws {
        let fixture = try APIFixture()
        let foreign = try #require(try fixture.store.authenticate(secret: fixture.otherAdminKey))
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/api-keys"
            #expect(try await client.get("\(base)/abc", key: fixture.adminKey).status == .badRequest)
            #expect(try await client.get("\(base)/0", key: fixture.adminKey).status == .badRequest)
            #expect(try await client.get("\(base)/99999999999999999999", key: fixture.adminKey).status == .badRequest)
            #expect(try await client.get("\(base)/999", key: fixture.adminKey).status == .notFound)
            #expect(try await client.get("\(base)/\(foreign.keyId)", key: fixture.adminKey).status == .notFound)
            #expect(try await client.send(.delete, "\(base)/\(foreign.keyId)", key: fixture.adminKey).status == .notFound)
            let own = try #require(try fixture.store.authenticate(secret: fixture.adminKey))
            #expect(try await client.send(.patch, "\(base)/\(own.keyId)", key: fixture.adminKey, json: "{}").status == .unprocessableContent)
            #expect(try await client.send(.patch, "\(base)/\(own.keyId)", key: fixture.adminKey, json: "not json").status == .badRequest)
            #expect(try await client.send(.post, base, key: fixture.adminKey, json: "[]").status == .unprocessableContent)
        }
    }

    @Test("The moderation log names the key by id and name, also after the key is deleted")
    func logNamesKeys() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish([Post(channel: "rss", sourceId: "a", title: "A", publishedAt: Date(timeIntervalSince1970: 1_700_000_000))])
        let post = try #require(try fixture.store.posts(PostQuery(siteId: fixture.site.id, state: .published, count: 10)).posts.first)
        let (moderator, secret) = try fixture.store.createKey(siteId: fixture.site.id, scope: .admin, name: "Night moderator", now: fixture.now)
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)"
            #expect(try await client.send(.post, "\(base)/posts/\(post.flocklerId)/hide", key: secret).status == .ok)
            #expect(try await client.send(.delete, "\(base)/api-keys/\(moderator.id)", key: fixture.adminKey).status == .ok)
            let log = try #require((try json(try await client.get("\(base)/moderation/log", key: fixture.adminKey))["result"]
                as? [String: Any])?["data"] as? [[String: Any]])
            #expect(log.first?["keyId"] as? Int == Int(moderator.id))
            #expect(log.first?["keyName"] as? String == "Night moderator")
            let detail = try data(try await client.get("\(base)/posts/\(post.flocklerId)", key: fixture.adminKey))
            let history = try #require(detail["history"] as? [[String: Any]])
            #expect(history.map { $0["keyName"] as? String } == [nil, "Night moderator"])
        }
    }
}
