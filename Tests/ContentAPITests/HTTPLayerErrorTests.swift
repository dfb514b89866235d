import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing
@testable import ContentAPI

/// Sends raw bytes to a live server and reads until it closes the connection.
private func exchange(port: Int, _ request: [UInt8]) async throws -> String {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    return try await channel.executeThenClose { inbound, outbound in
        try await outbound.write(ByteBuffer(bytes: request))
        var answer = ""
        for try await chunk in inbound {
            answer += String(buffer: chunk)
            if answer.utf8.count > 1_000_000 { break }
        }
        return answer
    }
}

@Suite("Errors of the HTTP layer itself")
struct HTTPLayerErrorTests {
    /// Runs `body` against a live server with Roost's HTTP channel.
    private func withLiveServer(_ body: @Sendable (Int, APIFixture) async throws -> Void) async throws {
        let fixture = try APIFixture()
        let router = buildRouter(store: fixture.store, configuration: APIConfiguration(), now: { fixture.now })
        let app = Application(router: router, server: .roostHTTP1(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(port, fixture)
        }
    }

    /// The status line's code and the body's `error` object of a raw answer.
    private func parse(_ answer: String) throws -> (status: Int, error: [String: Any], head: String) {
        let parts = answer.components(separatedBy: "\r\n\r\n")
        let head = try #require(parts.first)
        let status = try #require(Int(head.split(separator: " ").dropFirst().first ?? ""))
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return (status, try #require(object?["error"] as? [String: Any]), head)
    }

    @Test("A URI over the limit is a 414 in the error envelope")
    func uriTooLong() async throws {
        try await withLiveServer { port, fixture in
            let path = "/v2/\(fixture.site.uuid)/posts?filterByTags[]=" + String(repeating: "a", count: 40_000)
            let answer = try await exchange(port: port, Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
            let (status, error, head) = try parse(answer)
            #expect(status == 414)
            #expect(error["type"] as? String == "validation_error")
            #expect((error["message"] as? String)?.contains("URI") == true)
            #expect(head.lowercased().contains("x-content-type-options: nosniff"))
        }
    }

    @Test("Headers over the limit are a 431 in the error envelope")
    func headersTooLarge() async throws {
        try await withLiveServer { port, fixture in
            let header = "X-Padding: " + String(repeating: "b", count: 70_000)
            let answer = try await exchange(port: port, Array("GET /health HTTP/1.1\r\nHost: localhost\r\n\(header)\r\n\r\n".utf8))
            let (status, error, _) = try parse(answer)
            #expect(status == 431)
            #expect((error["message"] as? String)?.contains("headers") == true)
        }
    }

    @Test("A malformed request is a 400 in the error envelope")
    func malformed() async throws {
        try await withLiveServer { port, _ in
            let answer = try await exchange(port: port, Array("GET /health HTTP/1.1\r\nHost: localhost\r\nContent-Length: nope\r\n\r\n".utf8))
            let (status, error, _) = try parse(answer)
            #expect(status == 400)
            #expect(error["code"] as? String == "VALIDATION_ERROR")
        }
    }

    @Test("A well-formed request on the same server still answers normally, with nosniff")
    func normal() async throws {
        try await withLiveServer { port, _ in
            let answer = try await exchange(port: port, Array("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8))
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(answer.lowercased().contains("x-content-type-options: nosniff"))
        }
    }
}

@Suite("Request bodies over the limit")
struct BodyLimitTests {
    @Test("A body larger than an admin endpoint reads is a 413 in the error envelope, never a 500")
    func tooLarge() async throws {
        let fixture = try APIFixture()
        try await fixture.withClient { client in
            let big = #"{"feed": {"name": ""# + String(repeating: "x", count: 400_000) + #""}}"#
            let response = try await client.send(.post, "/v2/\(fixture.site.uuid)/feeds", key: fixture.adminKey, json: big)
            #expect(response.status == .contentTooLarge)
            #expect((try json(response)["error"] as? [String: Any])?["type"] as? String == "payload_too_large")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
        #expect(try fixture.store.feeds(siteId: fixture.site.id, order: .asc, services: []).isEmpty)
    }
}
