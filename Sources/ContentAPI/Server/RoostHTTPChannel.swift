import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// Hummingbird's HTTP/1 channel with Roost's limits, and with the errors of the HTTP layer
/// itself (a URI or headers too long, a malformed request) answered in the error envelope of
/// SPEC §3.2/§3.7 instead of Hummingbird's empty 400.
struct RoostHTTPChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    /// The longest request line (method, URI, version) read; a longer one is a 414.
    static let maxRequestLine = 16 * 1024
    /// The most bytes of headers read; more is a 431.
    static let maxHeaderBytes = 64 * 1024

    private let inner: HTTP1Channel

    /// Wraps Hummingbird's channel around `responder`.
    init(responder: @escaping HTTPChannelHandler.Responder, idleTimeout: TimeAmount? = .seconds(75)) {
        let configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [HTTPLayerErrorResponder()],
            idleTimeout: idleTimeout,
            httpDecoderConfiguration: .init(maxHeaderFieldSize: Self.maxRequestLine, maxHeaderListSize: Self.maxHeaderBytes,
                                            maxHeaderFieldCount: 200))
        inner = HTTP1Channel(responder: responder, configuration: configuration)
    }

    /// The pipeline: a request-line meter before NIO's decoder, then Hummingbird's own handlers.
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RequestLineMeter(limit: Self.maxRequestLine), position: .first)
        }
        .flatMap { inner.setup(channel: channel, logger: logger) }
    }

    /// Requests are handled as Hummingbird handles them.
    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// Hummingbird's HTTP/1 server with Roost's limits and enveloped HTTP-layer errors.
    static func roostHTTP1() -> HTTPServerBuilder {
        HTTPServerBuilder { responder in RoostHTTPChannel(responder: responder) }
    }
}
