import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HummingbirdTesting
import Testing

@Suite("Connections endpoints (SPEC §3.6)")
struct ConnectionsEndpointTests {
    @Test("A connection is stored, listed and deleted; its secrets are never returned")
    func lifecycle() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let base = "/v2/\(fixture.site.uuid)/connections"
            let created = try await client.send(.post, base, key: fixture.adminKey,
                                                json: #"{"service": "bluesky", "name": "Brand", "credentials": {"identifier": "roost.bsky.social", "app_password": "abcd-efgh-ijkl-mnop"}}"#)
            #expect(created.status == .created)
            let text = String(buffer: created.body)
            #expect(!text.contains("abcd-efgh-ijkl-mnop"))
            let data = try #require(((try json(created)["result"] as? [String: Any])?["data"] as? [String: Any])?["connection"] as? [String: Any])
            let credentials = try #require(data["credentials"] as? [String: String])
            #expect(credentials == ["identifier": "roost.bsky.social", "app_password": "[stored]"])
            #expect(data["service"] as? String == "bluesky")
            let id = try #require((data["id"] as? NSNumber)?.intValue)

            let listed = try await client.get(base, key: fixture.adminKey)
            #expect(listed.status == .ok)
            #expect(!String(buffer: listed.body).contains("abcd-efgh-ijkl-mnop"))
            let list = try #require(((try json(listed)["result"] as? [String: Any])?["data"] as? [String: Any])?["connections"] as? [[String: Any]])
            #expect(list.count == 1)

            // Another site's key and a read key cannot see it.
            #expect(try await client.get(base, key: fixture.readKey).status == .forbidden)
            #expect(try await client.get("/v2/\(fixture.otherSite.uuid)/connections/\(id)", key: fixture.otherAdminKey).status == .notFound)

            #expect(try await client.send(.delete, "\(base)/\(id)", key: fixture.adminKey).status == .ok)
            #expect(try await client.get("\(base)/\(id)", key: fixture.adminKey).status == .notFound)
        }
    }

    @Test("Unknown services, unknown and missing credential fields are 422s naming the field", arguments: [
        (#"{"service": "myspace", "credentials": {}}"#, "service"),
        (#"{"service": "youtube", "credentials": {}}"#, "service"),
        (#"{"service": "twitter_v2", "credentials": {}}"#, "credentials.bearer_token"),
        (#"{"service": "twitter_v2", "credentials": {"bearer_token": "x", "password": "y"}}"#, "credentials.password"),
        (#"{"service": "twitter_v2"}"#, "credentials"),
        (#"{"service": "twitter_v2", "credentials": {"bearer_token": 5}}"#, "credentials.bearer_token"),
        (#"{"service": "instagram_basic_display", "credentials": {"access_token": "x"}}"#, "service"),
    ])
    func rejects(body: String, field: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/connections", key: fixture.adminKey, json: body)
            #expect(response.status == .unprocessableContent || response.status == .badRequest)
            let error = try #require(try json(response)["error"] as? [String: Any])
            let details = try #require(error["details"] as? [[String: Any]])
            #expect(details.contains { $0["field"] as? String == field }, "\(details)")
        }
    }

    @Test("Credentials given as feed attributes become a connection the feed names; the feed never shows them")
    func credentialsInFeedAttributes() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let id = try await client.createFeed(fixture, #"{"feed": {"service": "vimeo", "feed_attributes": {"user": "kettleandcrow", "access_token": "secret-vimeo-token"}}}"#)
            let feed = try await client.feedData(fixture, id)
            let attributes = try #require(feed["feed_attributes"] as? [String: Any])
            #expect(attributes["access_token"] == nil)
            #expect(attributes["user"] as? String == "kettleandcrow")
            let connectionId = try #require(attributes["connection_id"] as? String)
            let connection = try #require(try fixture.store.connection(siteId: fixture.site.id, idOrUUID: connectionId))
            #expect(connection.credentials["access_token"] == "secret-vimeo-token")
            let listing = try await client.get("/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey)
            #expect(!String(buffer: listing.body).contains("secret-vimeo-token"))
        }
    }

    @Test("A credential given under a common other name is stored under the platform's field name")
    func aliases() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/connections", key: fixture.adminKey,
                                                 json: #"{"service": "twitter_v2", "credentials": {"access_token": "AAAA-alias"}}"#)
            #expect(response.status == .created)
            let connection = try #require(try fixture.store.connections(siteId: fixture.site.id).first)
            #expect(connection.credentials == ["bearer_token": "AAAA-alias"])
        }
    }

    @Test("instagram_basic_display feeds cannot be created: the 422 says Meta retired it and what to use")
    func basicDisplayRetired() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey,
                                                 json: #"{"feed": {"service": "instagram_basic_display", "feed_attributes": {}}}"#)
            #expect(response.status == .unprocessableContent)
            let text = String(buffer: response.body)
            #expect(text.contains("retired") && text.contains("instagram_graph_api"))
        }
    }

    @Test("A feed naming a connection of another service or site is a 422")
    func foreignConnection() async throws {
        let fixture = try APIFixture()
        let other = try fixture.store.createConnection(NewConnection(siteId: fixture.otherSite.id, service: .vimeo, name: nil,
                                                                     credentials: ["access_token": "x"]), now: fixture.now)
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey,
                                                 json: #"{"feed": {"service": "vimeo", "feed_attributes": {"user": "kettleandcrow", "connection_id": "\#(other.id)"}}}"#)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("connection_id"))
        }
    }
}

@Suite("Platform attributes and credential names")
struct PlatformAttributeNameTests {
    @Test("No platform uses a credential name or alias that is also one of its feed attributes")
    func noClashes() {
        for adapter in PlatformAdapters.all {
            let credentialNames = Set(adapter.credentialFields.flatMap { [$0.name] + $0.aliases })
            #expect(credentialNames.isDisjoint(with: adapter.attributeNames), "\(adapter.service)")
        }
    }
}
