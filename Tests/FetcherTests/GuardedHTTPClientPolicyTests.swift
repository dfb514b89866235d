import Testing
@testable import FeedFetchers

@Suite("GuardedHTTPClient network policy")
struct GuardedHTTPClientPolicyTests {
    @Test("The default policy refuses loopback in any spelling, before connecting",
          arguments: ["127.0.0.1", "2130706433", "0x7f.1", "[::ffff:127.0.0.1]", "[::1]", "localhost"])
    func loopbackRefused(host: String) async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient(policy: NetworkPolicy()) { client in
                let url = "http://\(host):\(port)/feed"
                let violation = try #require(NetworkPolicy().check(url: url))
                #expect(await fetchFailure(client, url) == .refused(violation))
            }
        }
    }

    @Test("A public-looking name that resolves to a private address is refused")
    func resolvedToPrivate() async throws {
        let fixed: [String: [IPAddress]] = [
            "feeds.example.com": [.v4(0x7F00_0001)],
            "mixed.example.com": [.v4(0x5DB8_D822), .v4(0x0A00_0001)],
        ]
        try await withGuardedClient(policy: NetworkPolicy(), fixed: fixed) { client in
            let url = "http://feeds.example.com/feed"
            let loopback = NetworkPolicyViolation(
                subject: url, rule: .resolvedAddress(.v4(0x7F00_0001), .loopback))
            #expect(await fetchFailure(client, url) == .refused(loopback))
            let mixed = "http://mixed.example.com/feed"
            let privateUse = NetworkPolicyViolation(
                subject: mixed, rule: .resolvedAddress(.v4(0x0A00_0001), .privateUse))
            #expect(await fetchFailure(client, mixed) == .refused(privateUse))
        }
    }

    @Test("Every redirect hop is checked: unspecified, multicast and non-http targets are refused",
          arguments: ["unspecified", "multicast", "ftp"])
    func redirectHopRefused(target: String) async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let error = await fetchFailure(client, "http://127.0.0.1:\(port)/to/\(target)")
                guard case .refused(let violation)? = error else {
                    Issue.record("expected a refusal, got \(String(describing: error))")
                    return
                }
                #expect(!violation.isLiftedByAllowPrivateNetworks)
            }
        }
    }

    @Test("Schemes other than http and https are refused")
    func scheme() async throws {
        try await withGuardedClient { client in
            let url = "file:///etc/passwd"
            let violation = try #require(NetworkPolicy(allowPrivateNetworks: true).check(url: url))
            #expect(await fetchFailure(client, url) == .refused(violation))
        }
    }
}

@Suite("GuardedHTTPClient header values and hosts")
struct GuardedHTTPClientPartsTests {
    @Test("Cache-Control max-age is read leniently", arguments: [
        ("max-age=300", 300), ("public, MAX-AGE = 60", 60), ("max-age=\"90\"", 90), ("no-cache, max-age=300", 0),
        ("s-maxage=10", nil), ("max-age=-1", nil), ("max-age=abc", nil), ("==,", nil), ("max-age=99999999999999999999", 31_536_000),
    ] as [(String, Int?)])
    func maxAge(value: String, expected: Int?) {
        #expect(HTTPHeaderValues.maxAge(cacheControl: value) == expected)
    }

    @Test("Retry-After is delta-seconds or an HTTP date; past dates are 0, garbage is nil", arguments: [
        ("120", 120), (" 0 ", 0), ("Tue, 14 Nov 2023 22:15:20 GMT", 120), ("Tue, 14 Nov 2023 22:00:00 GMT", 0),
        ("soon", nil), ("-5", nil), ("", nil),
    ] as [(String, Int?)])
    func retryAfter(value: String, expected: Int?) {
        #expect(HTTPHeaderValues.retryAfter(value, now: LoopbackServer.now) == expected)
    }

    @Test("Hosts are keyed the way AsyncHTTPClient keys its DNS overrides", arguments: [
        ("http://[::1]:8080/feed", "[::1]", IPAddress.v6(1) as IPAddress?),
        ("http://127.0.0.1/", "127.0.0.1", .v4(0x7F00_0001)),
        ("https://Example.com/feed", "Example.com", nil),
        ("http://2130706433/", "2130706433", nil),
    ])
    func connectionHost(url: String, key: String, literal: IPAddress?) throws {
        let host = try #require(ConnectionHost(url: url))
        #expect(host.key == key)
        #expect(host.literal == literal)
    }
}
