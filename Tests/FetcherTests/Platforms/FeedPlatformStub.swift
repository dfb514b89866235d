import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PlatformReplay
import Synchronization
@testable import FeedFetchers

/// A loopback server for the feed platforms' answers the recorded fixtures lack (a 304, a
/// 500, a pin.it redirect): `answer` gets each request's path and headers and the server's
/// own base URL.
enum FeedPlatformStub {
    /// One request as the stub saw it.
    struct Seen: Sendable {
        var path: String
        var query: String
        var headers: [String: String]
    }

    /// Runs `body` with a client of `adapter` whose base is the stub.
    static func run(
        _ adapter: any PlatformAdapter,
        answer: @escaping @Sendable (_ seen: Seen, _ base: String) -> Response,
        _ body: @escaping @Sendable (PlatformClient) async throws -> Void
    ) async throws {
        let router = Router()
        router.get("**") { request, _ in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let base = "http://\(request.head.authority ?? "127.0.0.1")"
            return answer(Seen(path: request.uri.path, query: request.uri.query ?? "", headers: headers), base)
        }
        var logger = Logger(label: "feed-platform-stub")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        let transport = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), now: { AdapterHarness.recordedAt })
        try await app.test(.live) { client in
            guard let port = client.port else { throw ReplayError("the stub server has no port") }
            let platformClient = PlatformClient(
                service: adapter.service, transport: transport,
                endpoints: PlatformEndpoints(overrides: [adapter.service: "http://127.0.0.1:\(port)"]), budgets: RateBudgets(),
                budgetKey: "stub:\(adapter.service)", policy: adapter.ratePolicy, now: { AdapterHarness.recordedAt })
            try await body(platformClient)
        }
        await transport.shutdown()
    }

    /// A 200 with `bytes` and the given headers.
    static func ok(_ bytes: Data, _ headers: HTTPFields = [:]) -> Response {
        Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An answer with no body.
    static func status(_ code: Int, _ headers: HTTPFields = [:]) -> Response {
        Response(status: .init(code: code), headers: headers)
    }
}

/// A value shared between a test and the stub's request handler.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    /// Creates the box.
    init(_ value: Value) { mutex = Mutex(value) }

    /// The current value.
    var value: Value { mutex.withLock { $0 } }

    /// Changes the value.
    func update(_ change: (inout Value) -> Void) { mutex.withLock { change(&$0) } }
}
