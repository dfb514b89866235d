import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import NIOCore
@testable import FeedFetchers

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP server on loopback for `GuardedHTTPClient` tests: fixtures, redirects,
/// 304s, error statuses, slow and endless bodies, gzip bombs.
enum LoopbackServer {
    /// The feed document `/feed` serves.
    static let feed = Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8)
    /// The ETag `/feed` and `/conditional` send.
    static let etag = "\"v1\""
    /// The clock the tests' clients read: 2023-11-14T22:13:20Z.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    /// Ten megabytes of zeros, gzipped to about ten kilobytes.
    static let bomb = GzipWriter.gzipZeros(count: 10 << 20)

    /// Runs `body` with the port of a fresh server on 127.0.0.1.
    static func run(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        var logger = Logger(label: "loopback")
        logger.logLevel = .error
        let app = Application(router: router(), logger: logger)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(port)
        }
    }

    /// A port on 127.0.0.1 nothing listens on: bound, read, then closed again.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The routes.
    private static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("feed") { request, _ in
            var headers = feedHeaders
            headers[HTTPField.Name("x-seen-user-agent")!] = request.headers[.userAgent] ?? ""
            headers[HTTPField.Name("x-seen-accept-encoding")!] = request.headers[.acceptEncoding] ?? ""
            headers[HTTPField.Name("x-seen-authorization")!] = request.headers[.authorization] ?? "none"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: feed)))
        }
        router.get("conditional") { request, _ in
            if request.headers[.ifNoneMatch] == etag {
                return Response(status: .notModified, headers: [.eTag: etag])
            }
            return Response(status: .ok, headers: feedHeaders, body: .init(byteBuffer: ByteBuffer(bytes: feed)))
        }
        router.get("gzip") { _, _ in
            encoded(GzipWriter.gzip(feed), as: "gzip")
        }
        router.get("deflate") { _, _ in
            encoded(GzipWriter.zlib(feed), as: "deflate")
        }
        router.get("bomb") { _, _ in
            encoded(bomb, as: "gzip")
        }
        router.get("hops/:n") { _, context in
            let hops = try context.parameters.require("n", as: Int.self)
            return redirect(.found, to: hops > 0 ? "/hops/\(hops - 1)" : "/feed")
        }
        router.get("moved/:n") { request, context in
            // Absolute Locations, as most servers send them.
            let hops = try context.parameters.require("n", as: Int.self)
            let base = "http://\(request.head.authority ?? "127.0.0.1")"
            return redirect(.movedPermanently, to: base + (hops > 1 ? "/moved/\(hops - 1)" : "/feed"))
        }
        router.get("dir/relative") { _, _ in redirect(.temporaryRedirect, to: "../feed?from=relative") }
        router.get("to/:target") { request, context in
            let port = request.head.authority?.split(separator: ":").last.map(String.init) ?? "80"
            return switch context.parameters.get("target") ?? "" {
            case "unspecified": redirect(.found, to: "http://0.0.0.0:\(port)/feed")
            case "multicast": redirect(.found, to: "http://[ff02::1]:\(port)/feed")
            case "ftp": redirect(.found, to: "ftp://example.com/feed")
            case "localhost": redirect(.found, to: "http://localhost:\(port)/feed")
            default: Response(status: .found)
            }
        }
        router.get("status/:code") { _, context in
            let code = try context.parameters.require("code", as: Int.self)
            return Response(status: .init(code: code), headers: [.contentType: "text/plain"],
                            body: .init(byteBuffer: ByteBuffer(string: "status \(code)")))
        }
        router.get("retry") { _, _ in
            Response(status: .serviceUnavailable, headers: [.retryAfter: "120", .cacheControl: "max-age=\"60\""])
        }
        router.get("retry-date") { _, _ in
            Response(status: .tooManyRequests, headers: [.retryAfter: "Tue, 14 Nov 2023 22:15:20 GMT"])
        }
        router.get("slow") { _, _ in
            try await Task.sleep(for: .seconds(3))
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: feed)))
        }
        router.get("endless") { _, _ in
            Response(status: .ok, body: ResponseBody { writer in
                let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 16 << 10)
                while true { try await writer.write(chunk) }
            })
        }
        router.get("trickle") { _, _ in
            Response(status: .ok, body: ResponseBody { writer in
                for _ in 0..<200 {
                    try await writer.write(ByteBuffer(string: "a"))
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await writer.finish(nil)
            })
        }
        return router
    }

    /// The headers of a feed answer.
    private static let feedHeaders: HTTPFields = [
        .contentType: "application/rss+xml; charset=utf-8",
        .eTag: etag,
        .lastModified: "Wed, 21 Oct 2015 07:28:00 GMT",
        .cacheControl: "public, max-age=300",
        HTTPField.Name("X-RateLimit-Remaining")!: "42",
    ]

    /// A body sent with a `Content-Encoding`.
    private static func encoded(_ bytes: [UInt8], as encoding: String) -> Response {
        Response(status: .ok, headers: [.contentEncoding: encoding, .contentType: "application/rss+xml"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A redirect to `location`.
    private static func redirect(_ status: HTTPResponse.Status, to location: String) -> Response {
        Response(status: status, headers: [.location: location])
    }
}
