import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 playing an operator's classifier: a good one, a clean one,
/// a slow one, one answering garbage, one answering a huge body, one that never answers.
final class ClassifierServer: Sendable {
    private let bodies = Mutex<[[UInt8]]>([])

    /// The request bodies received so far.
    var received: [[UInt8]] { bodies.withLock { $0 } }

    /// Runs `body` with the server listening; passes its base URL.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/:kind") { request, context -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            self.bodies.withLock { $0.append(Array(bytes.readableBytesView)) }
            let text: String
            switch context.parameters.get("kind") ?? "" {
            case "spam": text = #"{"labels": [{"label": "spam", "score": 0.97}, {"label": "ok", "score": 0.03}]}"#
            case "clean": text = #"{"labels": {"ok": 0.99, "spam": 0.01}}"#
            case "slow":
                try await Task.sleep(for: .seconds(6))
                text = #"{"labels": {"spam": 0.99}}"#
            case "garbage": text = "<html>Service Unavailable</html>"
            case "huge": text = #"{"labels": {"spam": 0.99}, "pad": ""# + String(repeating: "x", count: 300_000) + #""}"#
            default:
                try await Task.sleep(for: .seconds(8))
                text = "{}"
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port else { return }
            try await body("http://127.0.0.1:\(port)")
        }
    }
}
