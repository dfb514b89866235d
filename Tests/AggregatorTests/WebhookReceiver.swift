import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 that receives webhook deliveries: it records each request
/// (headers and body) and answers with the statuses a test scripts, then 204.
final class WebhookReceiver: Sendable {
    /// One received request.
    struct Received: Sendable {
        var id: String
        var timestamp: String
        var signature: String
        var body: [UInt8]
    }

    private let received = Mutex<[Received]>([])
    private let script = Mutex<[HTTPResponse.Status]>([])

    /// Every request so far.
    var requests: [Received] { received.withLock { $0 } }
    /// The statuses answered next, one per request, before 204s.
    func answer(_ statuses: [HTTPResponse.Status]) { script.withLock { $0 = statuses } }

    /// Runs `body` with the receiver listening; passes its URL.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let header = { (name: String) in HTTPField.Name(name).flatMap { request.headers[$0] } ?? "" }
            self.received.withLock {
                $0.append(Received(id: header("webhook-id"), timestamp: header("webhook-timestamp"),
                                   signature: header("webhook-signature"), body: Array(bytes.readableBytesView)))
            }
            let status = self.script.withLock { $0.isEmpty ? HTTPResponse.Status.noContent : $0.removeFirst() }
            return Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: status == .noContent ? "" : "receiver says no")))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port else { return }
            try await body("http://127.0.0.1:\(port)/hook")
        }
    }
}
