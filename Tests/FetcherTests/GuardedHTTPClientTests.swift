import Foundation
import Testing
@testable import FeedFetchers

@Suite("GuardedHTTPClient")
struct GuardedHTTPClientTests {
    @Test("A 200 answer comes back with its body, validators, caching and every header")
    func okWithHeaders() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let response = try await client.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/feed"))
                #expect(response.status == 200)
                #expect(response.body == LoopbackServer.feed)
                #expect(response.finalURL == "http://127.0.0.1:\(port)/feed")
                #expect(response.redirects.isEmpty)
                #expect(response.contentType == "application/rss+xml; charset=utf-8")
                #expect(response.etag == LoopbackServer.etag)
                #expect(response.lastModified == "Wed, 21 Oct 2015 07:28:00 GMT")
                #expect(response.maxAge == 300)
                #expect(response.headers["x-ratelimit-remaining"] == "42")
                #expect(response.headers["x-seen-user-agent"]?.hasPrefix("Roost/") == true)
                #expect(response.headers["x-seen-accept-encoding"] == "gzip, deflate")
            }
        }
    }

    @Test("A conditional GET sends If-None-Match and reports the server's 304 with no body")
    func conditional() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let url = "http://127.0.0.1:\(port)/conditional"
                let first = try await client.fetch(FetchRequest(url: url))
                #expect(first.status == 200)
                let second = try await client.fetch(FetchRequest(url: url, etag: first.etag, lastModified: first.lastModified))
                #expect(second.status == 304)
                #expect(second.body.isEmpty)
                #expect(second.etag == LoopbackServer.etag)
            }
        }
    }

    @Test("Many 304 passes over pooled connections all answer 304")
    func manyConditional() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let request = FetchRequest(url: "http://127.0.0.1:\(port)/conditional", etag: LoopbackServer.etag)
                let count = 1000
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for worker in 0..<8 {
                        group.addTask {
                            var statuses = 0
                            for _ in stride(from: worker, to: count, by: 8) {
                                statuses += try await client.fetch(request).status == 304 ? 1 : 0
                            }
                            return statuses
                        }
                    }
                    var total = 0
                    for try await statuses in group { total += statuses }
                    #expect(total == count)
                }
            }
        }
    }

    @Test("gzip and deflate bodies are decoded", arguments: ["gzip", "deflate"])
    func compressed(path: String) async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let response = try await client.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/\(path)"))
                #expect(response.status == 200)
                #expect(response.body == LoopbackServer.feed)
                #expect(response.headers["content-encoding"] == path)
            }
        }
    }

    @Test("A gzip bomb (10 MB of zeros in 10 KB) stops at the body cap")
    func gzipBomb() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient(maxBodyBytes: 1 << 20) { client in
                let url = "http://127.0.0.1:\(port)/bomb"
                #expect(await fetchFailure(client, url) == .bodyTooLarge(url: url, limit: 1 << 20))
            }
        }
    }

    @Test("An endless body stops at the body cap")
    func endlessBody() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient(maxBodyBytes: 1 << 20) { client in
                let url = "http://127.0.0.1:\(port)/endless"
                #expect(await fetchFailure(client, url) == .bodyTooLarge(url: url, limit: 1 << 20))
            }
        }
    }

    @Test("A server that answers too slowly, or trickles its body, times out")
    func timeouts() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient(totalTimeout: .milliseconds(700)) { client in
                for path in ["slow", "trickle"] {
                    let url = "http://127.0.0.1:\(port)/\(path)"
                    #expect(await fetchFailure(client, url) == .timedOut(url: url, seconds: 1))
                }
            }
        }
    }

    @Test("Redirects are followed up to ten; an eleventh fails")
    func redirectLimit() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let ten = try await client.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/hops/9"))
                #expect(ten.status == 200)
                #expect(ten.redirects.count == 10)
                #expect(ten.redirects.allSatisfy { $0.status == 302 && !$0.isPermanent })
                let url = "http://127.0.0.1:\(port)/hops/10"
                #expect(await fetchFailure(client, url) == .tooManyRedirects(url: url, limit: 10))
            }
        }
    }

    @Test("A chain of 301s is recorded hop by hop, and the final URL reported")
    func permanentChain() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let base = "http://127.0.0.1:\(port)"
                let response = try await client.fetch(FetchRequest(url: base + "/moved/2"))
                #expect(response.status == 200)
                #expect(response.redirects == [
                    .init(status: 301, location: base + "/moved/1"), .init(status: 301, location: base + "/feed"),
                ])
                #expect(response.redirects.allSatisfy { $0.isPermanent })
                #expect(response.finalURL == base + "/feed")
            }
        }
    }

    @Test("A relative Location is resolved against the URL that sent it")
    func relativeLocation() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let response = try await client.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/dir/relative"))
                #expect(response.redirects == [.init(status: 307, location: "http://127.0.0.1:\(port)/feed?from=relative")])
                #expect(response.body == LoopbackServer.feed)
            }
        }
    }

    @Test("A redirect without Location is an error")
    func redirectWithoutLocation() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let url = "http://127.0.0.1:\(port)/to/none"
                #expect(await fetchFailure(client, url) == .redirectWithoutLocation(url: url, status: 302))
            }
        }
    }

    @Test("Error statuses are answers, not errors", arguments: [404, 410, 500])
    func errorStatuses(code: Int) async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let response = try await client.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/status/\(code)"))
                #expect(response.status == code)
                #expect(response.body == Array("status \(code)".utf8))
            }
        }
    }

    @Test("Retry-After is read as delta-seconds or as a date against the injected clock")
    func retryAfter() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let delta = try await client.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/retry"))
                #expect(delta.status == 503)
                #expect(delta.retryAfter == 120)
                #expect(delta.maxAge == 60)
                let date = try await client.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/retry-date"))
                #expect(date.status == 429)
                #expect(date.retryAfter == 120)
            }
        }
    }

    @Test("Authorization is sent on same-origin hops and dropped on a redirect to another origin")
    func credentialsStayOnOrigin() async throws {
        try await LoopbackServer.run { port in
            try await withGuardedClient { client in
                let same = FetchRequest(url: "http://127.0.0.1:\(port)/hops/0", headers: [("Authorization", "Bearer t")])
                #expect(try await client.fetch(same).headers["x-seen-authorization"] == "Bearer t")
                let other = FetchRequest(url: "http://127.0.0.1:\(port)/to/localhost", headers: [("Authorization", "Bearer t")])
                let response = try await client.fetch(other)
                #expect(response.finalURL == "http://localhost:\(port)/feed")
                #expect(response.headers["x-seen-authorization"] == "none")
            }
        }
    }

    @Test("A closed port is a connection failure")
    func connectionRefused() async throws {
        let port = try LoopbackServer.closedPort()
        try await withGuardedClient { client in
            let url = "http://127.0.0.1:\(port)/feed"
            let error = await fetchFailure(client, url)
            guard case .connectionFailed(let failedURL, let detail)? = error else {
                Issue.record("expected connectionFailed, got \(String(describing: error))")
                return
            }
            #expect(failedURL == url)
            #expect(detail.contains("refused"))
        }
    }

    @Test("A name that does not resolve is a DNS failure")
    func dnsFailure() async throws {
        try await withGuardedClient { client in
            #expect(await fetchFailure(client, "http://no-such-host.invalid/feed") == .dnsFailure(host: "no-such-host.invalid"))
        }
    }
}
