import HTTPTypes
import Hummingbird
import NIOCore

/// A Hummingbird server that answers every GET with one pre-encoded body: the baseline of
/// the API load test, run with the same framework and settings as `roost serve`.
public enum FixedBodyServer {
    /// Serves `body` until the process is stopped.
    public static func run(body: [UInt8], host: String, port: Int) async throws {
        let router = Router()
        let buffer = ByteBuffer(bytes: body)
        let answer: @Sendable (Request, BasicRequestContext) -> Response = { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: buffer))
        }
        router.get("/", use: answer)
        router.get("**", use: answer)
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "Roost"))
        try await app.runService()
    }
}
