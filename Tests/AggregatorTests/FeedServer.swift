import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 whose answers a test sets per path: the loopback
/// server the ingest tests fetch from (DESIGN.md: no mocked HTTP).
final class FeedServer: Sendable {
    /// One scripted answer.
    struct Answer: Sendable {
        var status: HTTPResponse.Status = .ok
        var body: String = ""
        var headers: HTTPFields = [:]
        /// Answer 304 when the request's If-None-Match equals this.
        var etag: String?
        var delay: Duration = .zero
    }

    private let answers = Mutex<[String: Answer]>([:])
    private let hits = Mutex<[String: Int]>([:])
    private let concurrency = Mutex<(now: Int, peak: Int)>((0, 0))

    /// Sets the answer for a path.
    func set(_ path: String, _ answer: Answer) { answers.withLock { $0[path] = answer } }
    /// How often a path was requested.
    func hitCount(_ path: String) -> Int { hits.withLock { $0[path] ?? 0 } }
    /// The most requests served at the same time.
    var peakConcurrency: Int { concurrency.withLock { $0.peak } }

    /// Runs `body` with the server listening; passes the base URL.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.get("**") { request, _ in try await self.answer(request) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port else { return }
            try await body("http://127.0.0.1:\(port)")
        }
    }

    private func answer(_ request: Request) async throws -> Response {
        let path = request.uri.path
        hits.withLock { $0[path, default: 0] += 1 }
        concurrency.withLock { state in
            state.now += 1
            state.peak = max(state.peak, state.now)
        }
        defer { concurrency.withLock { $0.now -= 1 } }
        guard let answer = answers.withLock({ $0[path] }) else { return Response(status: .notFound) }
        if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
        var headers = answer.headers
        if let etag = answer.etag {
            headers[.eTag] = etag
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        }
        return Response(status: answer.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// An RSS document with the given items (id, title).
func rssDocument(_ items: [(String, String)], ttl: Int? = nil) -> String {
    let entries = items.map { id, title in
        "<item><guid>\(id)</guid><title>\(title)</title><link>https://example.com/\(id)</link><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item>"
    }.joined()
    return "<rss version=\"2.0\"><channel><title>T</title>\(ttl.map { "<ttl>\($0)</ttl>" } ?? "")\(entries)</channel></rss>"
}
