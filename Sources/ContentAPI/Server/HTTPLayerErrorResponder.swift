import HTTPTypes
import NIOCore
import NIOHTTP1
import Hummingbird
import NIOHTTPTypes

/// Answers the HTTP layer's own failures in the error envelope (SPEC §3.7): a URI too long
/// (414), headers too large (431) or a malformed request (400), then closes the connection,
/// as nothing after a broken head can be framed.
final class HTTPLayerErrorResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long a connection is drained after an error answer before it is closed.
    static let linger: TimeAmount = .seconds(2)

    private var meter: RequestLineMeter?
    private var answered = false

    func handlerAdded(context: ChannelHandlerContext) {
        meter = try? context.pipeline.syncOperations.handler(type: RequestLineMeter.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // After the error answer, whatever else the client sends is drained, not processed.
        guard !answered else { return }
        if case .end = unwrapInboundIn(data) { meter?.requestEnded() }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let problem = Self.problem(parseError, requestLineTooLong: meter?.requestLineTooLong ?? false)
        var body = context.channel.allocator.buffer(capacity: 256)
        body.writeBytes(problem.body)
        var fields: HTTPFields = [
            .contentType: "application/json; charset=utf-8",
            .contentLength: String(body.readableBytes),
            .connection: "close",
        ]
        fields.append(contentsOf: SecurityHeadersMiddleware<BasicRequestContext>.headers)
        let head = HTTPResponse(status: problem.status, headerFields: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        // A lingering close, as web servers do: closing at once while the rest of an oversized
        // request is still arriving would reset the connection before the client reads the
        // answer. Close the sending side, keep draining for a moment, then close.
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            bound.value.close(mode: .output, promise: nil)
            bound.value.eventLoop.scheduleTask(in: Self.linger) { bound.value.close(promise: nil) }
        }
    }

    /// The envelope for a decoder failure.
    static func problem(_ error: HTTPParserError, requestLineTooLong: Bool) -> APIError {
        switch error {
        case .headerOverflow where requestLineTooLong:
            return APIError(.validation, status: .uriTooLong,
                            message: "the request URI is longer than \(RoostHTTPChannel.maxRequestLine / 1024) KB")
        case .headerOverflow:
            return APIError(.validation, status: .requestHeaderFieldsTooLarge,
                            message: "the request headers are larger than \(RoostHTTPChannel.maxHeaderBytes / 1024) KB, or more than 200")
        default:
            return APIError(.validation, status: .badRequest, message: "the request is not well-formed HTTP/1.1 (\(error))")
        }
    }
}
