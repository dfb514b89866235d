import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("/v2/:site/embeds (SPEC §3.9)")
struct EmbedsEndpointTests {
    /// `data.embed` of a response.
    static func embed(_ response: TestResponse) throws -> [String: Any] {
        let data = try #require((try json(response)["result"] as? [String: Any])?["data"] as? [String: Any])
        return try #require(data["embed"] as? [String: Any])
    }

    @Test("Create with defaults, list, read by id and uuid, change, delete: the read key goes with the embed")
    func lifecycle() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let site = "/v2/\(fixture.site.uuid)/embeds"
            let created = try await client.send(.post, site, key: fixture.adminKey, json: #"{"name": "Lobby screen"}"#)
            #expect(created.status == .created)
            let embed = try Self.embed(created)
            let uuid = try #require(embed["uuid"] as? String)
            let id = try #require(embed["id"] as? Int)
            #expect(embed["layout"] as? String == "wall")
            #expect(embed["count"] as? Int == 20)
            #expect(embed["order"] as? String == "pinned_first")
            #expect((embed["live"] as? [String: Any])?["enabled"] as? Bool == true)
            #expect(embed["pageUrl"] as? String == "http://roost.test/embed/\(uuid)")
            let snippet = try #require(embed["snippet"] as? String)
            #expect(snippet.contains("<div data-roost-embed=\"\(uuid)\"></div>"))
            #expect(snippet.contains("<script src=\"http://roost.test/embed.js\" async></script>"))
            #expect(!snippet.contains(fixture.adminKey))

            let list = try await client.get(site, key: fixture.adminKey)
            let data = try #require((try json(list)["result"] as? [String: Any])?["data"] as? [String: Any])
            #expect((data["embeds"] as? [[String: Any]])?.map { $0["uuid"] as? String } == [uuid])
            for name in [uuid, String(id)] {
                let one = try await client.get("\(site)/\(name)", key: fixture.adminKey)
                #expect(one.status == .ok)
                #expect(try Self.embed(one)["uuid"] as? String == uuid)
            }

            let patched = try await client.send(.patch, "\(site)/\(uuid)", key: fixture.adminKey,
                                                json: #"{"layout": "slideshow", "theme": {"preset": "dark", "radius": 0}, "live": {"interval": 60}}"#)
            #expect(patched.status == .ok)
            let changed = try Self.embed(patched)
            #expect(changed["layout"] as? String == "slideshow")
            #expect(changed["name"] as? String == "Lobby screen")
            let theme = try #require(changed["theme"] as? [String: Any])
            #expect(theme["preset"] as? String == "dark")
            #expect(theme["background"] as? String == "#121214")
            #expect(theme["radius"] as? Int == 0)
            #expect((changed["live"] as? [String: Any])?["interval"] as? Int == 60)
            #expect((changed["live"] as? [String: Any])?["enabled"] as? Bool == true)

            let config = try json(try await client.get("/embed/\(uuid)/config", key: nil))
            let readKey = try #require((config["embed"] as? [String: Any])?["readKey"] as? String)
            #expect(try await client.get("/v2/\(fixture.site.uuid)/posts", key: readKey).status == .ok)
            #expect(try await client.get(site, key: readKey).status == .forbidden)

            let deleted = try await client.send(.delete, "\(site)/\(uuid)", key: fixture.adminKey)
            #expect(deleted.status == .ok)
            #expect(try await client.get("\(site)/\(uuid)", key: fixture.adminKey).status == .notFound)
            #expect(try await client.get("/embed/\(uuid)/config", key: nil).status == .notFound)
            #expect(try fixture.store.authenticate(secret: readKey) == nil)
        }
    }

    @Test("A bad field is a 422 naming it", arguments: [
        (#"{"layout": "tiles"}"#, "layout"),
        (#"{"count": 0}"#, "count"),
        (#"{"count": true}"#, "count"),
        (#"{"colour": "red"}"#, "colour"),
        (#"{"order": "oldest"}"#, "order"),
        (#"{"filters": {"sectionIds": [999]}}"#, "filters.sectionIds"),
        (#"{"filters": {"channels": ["myspace"]}}"#, "filters.channels"),
        (#"{"filters": {"tagFilterType": "some"}}"#, "filters.tagFilterType"),
        (##"{"theme": {"text": "#fefefe"}}"##, "theme.text"),
        (#"{"theme": {"accent": "blue"}}"#, "theme.accent"),
        (#"{"theme": {"radius": 99}}"#, "theme.radius"),
        (#"{"theme": {"font": "Comic Sans"}}"#, "theme.font"),
        (#"{"card": {"textLength": "long"}}"#, "card.textLength"),
        (#"{"live": {"interval": 5}}"#, "live.interval"),
        (#"{"live": 1}"#, "live"),
        (#"{"slideInterval": 1}"#, "slideInterval"),
    ])
    func validation(body: String, field: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/embeds", key: fixture.adminKey, json: body)
            #expect(response.status == .unprocessableContent)
            let details = try #require((try json(response)["error"] as? [String: Any])?["details"] as? [[String: Any]])
            #expect(details.contains { $0["field"] as? String == field }, "\(body): \(details)")
        }
    }

    @Test("Custom colours with enough contrast are kept and mark the theme custom; filters name real sections")
    func customTheme() async throws {
        let fixture = try APIFixture()
        let section = try fixture.store.section(siteId: fixture.site.id, named: "News", now: fixture.now)
        try await fixture.withClient { client in
            let body = ##"{"theme": {"background": "#FFFFFF", "card": "#fffbe6", "text": "#222222", "accent": "#8a2be2", "gap": 8},"##
                + #""filters": {"sectionIds": [\#(section.id)], "tags": ["Coffee"], "tagFilterType": "any"}, "card": {"mediaOnly": true}}"#
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/embeds", key: fixture.adminKey, json: body)
            #expect(response.status == .created)
            let embed = try Self.embed(response)
            let theme = try #require(embed["theme"] as? [String: Any])
            #expect(theme["preset"] as? String == "custom")
            #expect(theme["background"] as? String == "#ffffff")
            #expect(theme["gap"] as? Int == 8)
            let filters = try #require(embed["filters"] as? [String: Any])
            #expect(filters["sectionIds"] as? [Int] == [Int(section.id)])
            #expect(filters["tags"] as? [String] == ["Coffee"])
            #expect((embed["card"] as? [String: Any])?["mediaOnly"] as? Bool == true)
        }
    }

    @Test("Keys: none is 401, a read key or another site's admin key is 403")
    func access() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/embeds"
            let none = try await client.get(path, key: nil)
            let read = try await client.get(path, key: fixture.readKey)
            let other = try await client.get(path, key: fixture.otherAdminKey)
            let readPost = try await client.send(.post, path, key: fixture.readKey, json: "{}")
            let missing = try await client.get("\(path)/12345", key: fixture.adminKey)
            #expect(none.status == .unauthorized)
            #expect(read.status == .forbidden)
            #expect(other.status == .forbidden)
            #expect(readPost.status == .forbidden)
            #expect(missing.status == .notFound)
        }
    }
}
