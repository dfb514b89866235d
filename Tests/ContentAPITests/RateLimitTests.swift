import Aggregator
import FeedFetchers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import ContentAPI

/// The header names of SPEC §3.7.
private enum Header {
    static let limit = HTTPField.Name("X-RateLimit-Limit")!
    static let remaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let reset = HTTPField.Name("X-RateLimit-Reset")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let apiKey = HTTPField.Name("X-FL-API-Key")!
}

extension TestClientProtocol {
    /// A GET with a key (or none) from a client address given as `X-Forwarded-For`.
    func get(_ uri: String, key: String?, from address: String) async throws -> TestResponse {
        var headers: HTTPFields = [Header.forwardedFor: address]
        if let key { headers[Header.apiKey] = key }
        return try await execute(uri: uri, method: .get, headers: headers)
    }
}

@Suite("Rate limits (SPEC §3.7)")
struct RateLimitTests {
    private func limits(_ change: (inout RateLimits) -> Void) -> RateLimits {
        var limits = RateLimits()
        change(&limits)
        return limits
    }

    @Test("Every response of every route says where its budget stands: successes, errors, 304s, unknown routes")
    func headersEverywhere() async throws {
        let fixture = try APIFixture()
        _ = try fixture.publish([Post(channel: "rss", sourceId: "a", title: "A", publishedAt: Date(timeIntervalSince1970: 1_700_000_000))])
        try await fixture.withClient { client in
            let posts = "/v2/\(fixture.site.uuid)/posts"
            let first = try await client.get(posts, key: fixture.readKey)
            #expect(first.headers[Header.limit] == "12000")
            #expect(first.headers[Header.remaining] == "11999")
            #expect(first.headers[Header.reset] == String(Int(fixture.now.timeIntervalSince1970) + 1))
            let etag = try #require(first.headers[.eTag])
            let notModified = try await client.execute(uri: posts, method: .get, headers: [Header.apiKey: fixture.readKey, .ifNoneMatch: etag])
            #expect(notModified.status == .notModified)
            #expect(notModified.headers[Header.remaining] == "11998")
            let admin = try await client.get("/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey)
            #expect(admin.headers[Header.limit] == "100")
            let invalid = try await client.send(.post, "/v2/\(fixture.site.uuid)/sections", key: fixture.adminKey, json: "[1]")
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.headers[Header.limit] == "30", "a creating route reports its own, smaller budget")
            #expect(invalid.headers[Header.remaining] == "29")
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.headers[Header.limit] == "1200")
            let unknown = try await client.execute(uri: "/nowhere", method: .get)
            #expect(unknown.status == .notFound)
            let unauthorized = try await client.get(posts, key: "rk_wrong")
            #expect(unauthorized.status == .unauthorized)
            #expect(unauthorized.headers[Header.limit] == "20")
            // Every response above was also checked for the three headers by the validating client.
        }
    }

    @Test("An admin key over its budget gets 429 rate_limited with Retry-After; its read key is not affected")
    func keyBudget() async throws {
        let fixture = try APIFixture()
        let clock = TestClock(fixture.now)
        try await fixture.withClient(rateLimits: limits { $0.admin = RateLimit(3, per: 60) }, clock: clock) { client in
            let feeds = "/v2/\(fixture.site.uuid)/feeds"
            for remaining in ["2", "1", "0"] {
                let response = try await client.get(feeds, key: fixture.adminKey)
                #expect(response.status == .ok)
                #expect(response.headers[Header.remaining] == remaining)
            }
            let refused = try await client.get(feeds, key: fixture.adminKey)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "20", "3 a minute: one request back every 20 seconds")
            #expect(refused.headers[Header.reset] == String(Int(fixture.now.timeIntervalSince1970) + 60))
            let error = try #require(try json(refused)["error"] as? [String: Any])
            #expect(error["type"] as? String == "rate_limited")
            #expect(error["code"] as? String == "RATE_LIMITED")
            #expect((error["message"] as? String)?.contains("20 seconds") == true)
            #expect(try await client.get("/v2/\(fixture.site.uuid)/posts", key: fixture.readKey).status == .ok)
            #expect(try await client.get(feeds, key: fixture.otherAdminKey).status == .forbidden, "another key has its own budget")
            clock.advance(by: 19)
            #expect(try await client.get(feeds, key: fixture.adminKey).status == .tooManyRequests)
            clock.advance(by: 1)
            let again = try await client.get(feeds, key: fixture.adminKey)
            #expect(again.status == .ok)
            #expect(again.headers[Header.remaining] == "0")
        }
    }

    @Test("Key creation has its own stricter budget: the sixth in a minute is 429 while the key's budget lasts")
    func keyCreationBudget() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let path = "/v2/\(fixture.site.uuid)/api-keys"
            for index in 1...5 {
                let created = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "k\#(index)", "scope": "read"}"#)
                #expect(created.status == .created)
                #expect(created.headers[Header.limit] == "5")
                #expect(created.headers[Header.remaining] == String(5 - index))
            }
            let refused = try await client.send(.post, path, key: fixture.adminKey, json: #"{"name": "k6", "scope": "read"}"#)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "12")
            #expect(try await client.get(path, key: fixture.adminKey).status == .ok)
            let listed = try json(try await client.get(path, key: fixture.adminKey))
            let keys = ((listed["result"] as? [String: Any])?["data"] as? [String: Any])?["api_keys"] as? [Any]
            #expect(keys?.count == 7, "the admin key, the read key and five new ones: the refused request created nothing")
        }
    }

    @Test("Wrong keys are limited per client address: after a burst 429 with Retry-After, other addresses and valid keys go on")
    func failedAuthentication() async throws {
        let fixture = try APIFixture()
        let clock = TestClock(fixture.now)
        try await fixture.withClient(rateLimits: limits { $0.trustForwardedFor = true }, clock: clock) { client in
            let posts = "/v2/\(fixture.site.uuid)/posts"
            let attacker = "203.0.113.5"
            #expect(try await client.get(posts, key: fixture.readKey, from: attacker).status == .ok, "a known key, cached")
            for attempt in 0..<20 {
                let response = try await client.get(posts, key: "rk_guess\(attempt)", from: attacker)
                #expect(response.status == .unauthorized)
            }
            let refused = try await client.get(posts, key: "rk_guess20", from: attacker)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "3")
            #expect(refused.headers[.accessControlAllowOrigin] == "*", "a page's script can read the refusal")
            let error = try #require(try json(refused)["error"] as? [String: Any])
            #expect((error["message"] as? String)?.contains("unknown API key") == true)
            #expect(try await client.get(posts, key: "rk_typo", from: "198.51.100.7").status == .unauthorized)
            #expect(try await client.get(posts, key: fixture.readKey, from: "198.51.100.7").status == .ok)
            #expect(try await client.get(posts, key: fixture.readKey, from: attacker).status == .ok,
                    "a key known to be valid still works from the limited address")
            #expect(try await client.get(posts, key: "rk_guess21", from: "192.0.2.1, \(attacker)").status == .tooManyRequests,
                    "only the last X-Forwarded-For entry counts: the client writes the earlier ones")
            clock.advance(by: 3)
            #expect(try await client.get(posts, key: "rk_guess22", from: attacker).status == .unauthorized)
        }
    }

    @Test("Without ROOST_TRUST_FORWARDED_FOR the header is ignored: wrong keys count against the connection's address")
    func forwardedForOffByDefault() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient(rateLimits: limits { $0.failedAuthentication = RateLimit(2, per: 60) }) { client in
            let posts = "/v2/\(fixture.site.uuid)/posts"
            var statuses: [HTTPResponse.Status] = []
            for (key, address) in [("rk_a", "203.0.113.1"), ("rk_b", "203.0.113.2"), ("rk_c", "203.0.113.3")] {
                statuses.append(try await client.get(posts, key: key, from: address).status)
            }
            #expect(statuses == [.unauthorized, .unauthorized, .tooManyRequests])
        }
    }

    @Test("Requests without a key spend their address's anonymous budget")
    func anonymousBudget() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient(rateLimits: limits { $0.anonymous = RateLimit(2, per: 1) }) { client in
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/openapi.json", method: .get).status == .ok)
            let refused = try await client.execute(uri: "/health", method: .get)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "1")
        }
    }

    @Test("A budget switched off adds no headers and never refuses")
    func switchedOff() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient(rateLimits: .unlimited) { client in
            for _ in 0..<30 {
                let response = try await client.get("/v2/\(fixture.site.uuid)/posts", key: "rk_wrong")
                #expect(response.status == .unauthorized)
                #expect(response.headers[Header.limit] == nil)
            }
        }
    }

    @Test("Settings read N/s, N/min, N/h and off; anything else is refused with a reason",
          arguments: [("100/min", "100/min"), ("5/s", "5/s"), ("3000/h", "3000/h"), (" 7/MINUTE ", "7/min"), ("off", "off")])
    func settings(text: String, expected: String) throws {
        #expect(try RateLimit.setting(text).map(\.description) ?? "off" == expected)
    }

    @Test("Malformed settings are refused", arguments: ["", "100", "0/min", "-1/min", "ten/min", "10/day", "10/min/x", "1000001/s"])
    func badSettings(text: String) {
        #expect(throws: RateLimit.SyntaxError.self) { try RateLimit.setting(text) }
    }

    @Test("Addresses are counted as IPv4, mapped IPv4 as IPv4, IPv6 per /64", arguments: [
        ("192.0.2.1", "192.0.2.1"), ("::ffff:192.0.2.1", "192.0.2.1"), ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("[2001:db8:1:2::9]", "2001:db8:1:2::/64"),
    ])
    func addressBuckets(text: String, bucket: String) throws {
        #expect(ClientAddress.bucket(try #require(IPAddress(text))) == bucket)
    }

    @Test("Memory stays bounded: full buckets are dropped, and past the bound the least recently used")
    func boundedMemory() {
        let clock = TestClock(Date(timeIntervalSince1970: 1_000_000))
        let limiter = RateLimiter(now: { clock.now }, maxBuckets: 100)
        let limit = RateLimit(10, per: 10)
        for address in 0..<99 { _ = limiter.take([(.anonymous("a\(address)"), limit)]) }
        #expect(limiter.bucketCount == 99)
        clock.advance(by: 61)
        _ = limiter.take([(.anonymous("fresh"), limit)])
        #expect(limiter.bucketCount == 1, "idle buckets have refilled and are dropped at the minute's sweep")
        for address in 0..<250 {
            clock.advance(by: 0.001)
            _ = limiter.take([(.anonymous("b\(address)"), limit)])
        }
        #expect(limiter.bucketCount <= 100)
        let spent = (0..<10).map { _ in limiter.take([(.anonymous("b249"), limit)])?.allowed }
        #expect(spent.filter { $0 == true }.count == 9, "the most recent bucket survived the eviction")
    }
}
