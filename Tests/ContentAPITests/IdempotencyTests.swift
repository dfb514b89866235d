import Aggregator
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
@testable import ContentAPI

private let idempotencyKey = HTTPField.Name("Idempotency-Key")!
private let replayed = HTTPField.Name("Idempotent-Replayed")!

/// `[Idempotency-Key: value]`.
private func keyed(_ value: String) -> HTTPFields { [idempotencyKey: value] }

@Suite("Idempotency-Key on admin POSTs (SPEC §3.7)")
struct IdempotencyTests {
    @Test("The same key and body answer the first response again, marked replayed; nothing is created twice")
    func replay() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/sections"
            let first = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Lobby"}"#, headers: keyed("k-1"))
            #expect(first.status == .created)
            #expect(first.headers[replayed] == nil)
            let again = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Lobby"}"#, headers: keyed("k-1"))
            #expect(again.status == .created)
            #expect(again.headers[replayed] == "true")
            #expect(again.headers[.contentType] == first.headers[.contentType])
            #expect(Array(buffer: again.body) == Array(buffer: first.body))
            let unkeyed = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Lobby"}"#)
            #expect(unkeyed.status == .conflict, "without the key the request runs again, and the section exists")
            #expect(try fixture.store.sections(siteId: fixture.site.id).filter { $0.name == "Lobby" }.count == 1)
        }
    }

    @Test("Errors under 500 are kept and replayed too")
    func replaysClientErrors() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/posts/999/publish"
            let first = try await client.send(.post, path, key: fixture.adminKey, headers: keyed("k-404"))
            #expect(first.status == .notFound)
            let again = try await client.send(.post, path, key: fixture.adminKey, headers: keyed("k-404"))
            #expect(again.status == .notFound)
            #expect(again.headers[replayed] == "true")
            #expect(Array(buffer: again.body) == Array(buffer: first.body))
        }
    }

    @Test("The same key with another body, path or query is 422 naming Idempotency-Key")
    func mismatch() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/sections"
            #expect(try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "A"}"#, headers: keyed("k-2")).status == .created)
            let other = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "B"}"#, headers: keyed("k-2"))
            #expect(other.status == .unprocessableContent)
            let error = try #require(try json(other)["error"] as? [String: Any])
            #expect(error["type"] as? String == "validation_error")
            #expect((error["details"] as? [[String: Any]])?.first?["field"] as? String == "Idempotency-Key")
            let elsewhere = try await client.send(.post, "/v2/\(fixture.site.uuid)/connections", key: fixture.adminKey,
                                                  json: #"{"name": "A"}"#, headers: keyed("k-2"))
            #expect(elsewhere.status == .unprocessableContent)
            #expect(try fixture.store.sections(siteId: fixture.site.id).map(\.name) == ["A"])
        }
    }

    @Test("While the first request still runs, the same key is 409")
    func inProgress() async throws {
        let fixture = try APIFixture()
        let path = "/v2/\(fixture.site.uuid)/sections"
        let body = #"{"name": "Busy"}"#
        let adminKey = try #require(try fixture.store.authenticate(secret: fixture.adminKey))
        let claim = try fixture.store.claimIdempotencyKey(
            IdempotentRequest(siteId: fixture.site.id, key: "k-3",
                              fingerprint: IdempotentRequest.fingerprint(method: "POST", path: path, query: "", body: Array(body.utf8)),
                              apiKeyId: adminKey.keyId),
            now: fixture.now, lifetime: 86_400, abandonedAfter: 300)
        guard case .claimed = claim else { Issue.record("the key was not claimed: \(claim)"); return }
        try await fixture.withClient { client in
            let busy = try await client.send(.post, path, key: fixture.adminKey, json: body, headers: keyed("k-3"))
            #expect(busy.status == .conflict)
            #expect((try json(busy)["error"] as? [String: Any])?["message"] as? String
                    == "a request with this Idempotency-Key is still running; retry once it has finished")
            #expect(try fixture.store.sections(siteId: fixture.site.id).isEmpty)
        }
    }

    @Test("Keys live 24 hours, per site, and survive a restart (they are in the database)")
    func lifetimeAndScope() async throws {
        let fixture = try APIFixture()
        let clock = TestClock(fixture.now)
        let path = "/v2/\(fixture.site.uuid)/sections"
        try await fixture.withClient(clock: clock) { client in
            #expect(try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Day"}"#, headers: keyed("k-4")).status == .created)
            let other = try await client.send(.post, "/v2/\(fixture.otherSite.uuid)/sections", key: fixture.otherAdminKey,
                                              json: #"{"name": "Night"}"#, headers: keyed("k-4"))
            #expect(other.status == .created, "another site's key of the same name is its own")
            #expect(other.headers[replayed] == nil)
        }
        clock.advance(by: 86_399)
        try await fixture.withClient(clock: clock) { client in
            let replay = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Day"}"#, headers: keyed("k-4"))
            #expect(replay.headers[replayed] == "true", "a new router on the same database still knows the key")
        }
        clock.advance(by: 1)
        try await fixture.withClient(clock: clock) { client in
            let expired = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "Day"}"#, headers: keyed("k-4"))
            #expect(expired.status == .conflict, "after 24 hours the request runs again")
            #expect(expired.headers[replayed] == nil)
        }
    }

    @Test("Only an admin key of the site can replay: a read key gets 403, not the kept response")
    func replayNeedsTheSitesAdminKey() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/sections"
            #expect(try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "S"}"#, headers: keyed("k-5")).status == .created)
            let read = try await client.send(.post, path, key: fixture.readKey, json: #"{"name": "S"}"#, headers: keyed("k-5"))
            #expect(read.status == .forbidden)
            let stranger = try await client.send(.post, path, key: fixture.otherAdminKey, json: #"{"name": "S"}"#, headers: keyed("k-5"))
            #expect(stranger.status == .forbidden)
        }
    }

    @Test("A malformed Idempotency-Key is 400", arguments: [String(repeating: "k", count: 256), "with space", "ünïcode"])
    func malformedKey(value: String) async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            var headers: HTTPFields = [:]
            headers[idempotencyKey] = value
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/sections", key: fixture.adminKey,
                                                 json: #"{"name": "S"}"#, headers: headers)
            #expect(response.status == .badRequest)
            #expect(try fixture.store.sections(siteId: fixture.site.id).isEmpty)
        }
    }

    @Test("5xx and 429 answers are not kept: the same key runs the request again", arguments: [500, 503, 429])
    func failuresAreNotKept(status: Int) async throws {
        let fixture = try APIFixture()
        let calls = CallCounter()
        let router = Router(context: RoostRequestContext.self)
        let now = fixture.now
        router.add(middleware: IdempotencyMiddleware(store: fixture.store, authenticator: Authenticator(store: fixture.store, now: { now }),
                                                     now: { now }))
        router.add(middleware: ErrorMiddleware())
        router.post("/v2/:site/flaky") { _, _ -> Response in
            let call = calls.next()
            if call == 1 { return JSONResponse.make(status: HTTPResponse.Status(code: status), bytes: Array(#"{"error":{}}"#.utf8)) }
            return JSONResponse.make(status: .created, bytes: Array(#"{"call":\#(call)}"#.utf8))
        }
        try await Application(router: router).test(.router) { client in
            let path = "/v2/\(fixture.site.uuid)/flaky"
            let first = try await client.send(.post, path, key: fixture.adminKey, json: "{}", headers: keyed("k-6"))
            #expect(first.status.code == status)
            let second = try await client.send(.post, path, key: fixture.adminKey, json: "{}", headers: keyed("k-6"))
            #expect(second.status == .created)
            #expect(second.headers[replayed] == nil)
            let third = try await client.send(.post, path, key: fixture.adminKey, json: "{}", headers: keyed("k-6"))
            #expect(third.headers[replayed] == "true")
            #expect(String(buffer: third.body) == #"{"call":2}"#)
        }
        #expect(calls.count == 2)
    }
}

/// Counts a test route's calls.
private final class CallCounter: Sendable {
    private let value = Mutex(0)

    /// The number of this call, from 1.
    func next() -> Int {
        value.withLock { count in
            count += 1
            return count
        }
    }

    /// How many calls there were.
    var count: Int { value.withLock { $0 } }
}
