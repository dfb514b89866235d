import Moderation
import Aggregator
import ContentAPI
import FeedFetchers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

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
    /// OpenAPI document (`OpenAPIValidatingClient`), with the default rate limits unless told
    /// otherwise, on a clock that stands still unless `clock` is given.
    func withClient(pageCache: Bool = true, rateLimits: RateLimits = RateLimits(), clock: TestClock? = nil,
                    connectionVerifier: ConnectionVerifier? = nil,
                    _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let clock = clock ?? TestClock(now)
        let configuration = APIConfiguration(publicBaseURL: "http://roost.test", pageCache: pageCache, rateLimits: rateLimits,
                                             connectionVerifier: connectionVerifier)
        let router = buildRouter(store: store, configuration: configuration, now: { clock.now })
        try await Application(router: router).test(.router) { client in
            try await body(OpenAPIValidatingClient(inner: client, rateLimited: rateLimits != .unlimited))
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

/// A clock tests move by hand, for rate limits and idempotency expiry (no wall-clock waits).
final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock showing `start`.
    init(_ start: Date) {
        current = Mutex(start)
    }

    /// The time it shows.
    var now: Date { current.withLock { $0 } }

    /// Moves the clock on.
    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Moves the clock on (the same, as the source-check tests spell it).
    func advance(_ seconds: TimeInterval) {
        advance(by: seconds)
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
    func send(_ method: HTTPRequest.Method, _ uri: String, key: String, json: String? = nil, form: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(key)"]
        headers.append(contentsOf: extra)
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
