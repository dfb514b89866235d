import Moderation
import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A real router on a real (in-memory) database, with a site and its keys.
struct APIFixture {
    let store: SQLiteStore
    let site: Site
    let adminKey: String
    let readKey: String
    let otherSite: Site
    let otherAdminKey: String
    let now = Date(timeIntervalSince1970: 1_746_679_401)

    init() throws {
        store = try SQLiteStore.inMemory()
        (site, adminKey) = try store.createSite(name: "Main", now: now)
        readKey = try store.createKey(siteId: site.id, scope: .read, now: now)
        (otherSite, otherAdminKey) = try store.createSite(name: "Other", now: now)
    }

    /// Runs `body` with a client of the router whose every response is checked against the
    /// OpenAPI document (`OpenAPIValidatingClient`).
    func withClient(pageCache: Bool = true, connectionVerifier: ConnectionVerifier? = nil,
                    _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let fixedNow = now
        let configuration = APIConfiguration(publicBaseURL: "http://roost.test", pageCache: pageCache, connectionVerifier: connectionVerifier)
        let router = buildRouter(store: store, configuration: configuration, now: { fixedNow })
        try await Application(router: router).test(.router) { client in
            try await body(OpenAPIValidatingClient(inner: client))
        }
    }

    /// Publishes posts straight into the store, in a feed of the site.
    func publish(_ posts: [Post], section: String = "default") throws -> Feed {
        let sectionRow = try store.section(siteId: site.id, named: section, now: now)
        let feed = try store.createFeed(NewFeed(siteId: site.id, sectionId: sectionRow.id, name: nil, service: .rss,
                                                attributes: ["url": .string("https://example.com/\(section)")], moderationType: .autoPublish),
                                        now: now)
        try store.upsertPosts(posts, feed: feed, now: now) { _ in Decision(state: .published, decidedBy: .auto) }
        return feed
    }
}

/// A response's body as JSON.
func json(_ response: TestResponse) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    return object as? [String: Any] ?? [:]
}

extension TestClientProtocol {
    /// A GET with the key in the header.
    func get(_ uri: String, key: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let key, let name = HTTPField.Name("X-FL-API-Key") { headers[name] = key }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    /// A request with a JSON or form body and the admin key as Bearer.
    func send(_ method: HTTPRequest.Method, _ uri: String, key: String, json: String? = nil, form: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(key)"]
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        } else if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: body)
    }
}
