import NIOCore

/// Sits before NIO's HTTP decoder and measures each request's first line, so that when the
/// decoder gives up on an oversized head, `HTTPLayerErrorResponder` can tell a URI too long
/// (414) from headers too large (431): NIO reports both as one `headerOverflow`.
final class RequestLineMeter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let limit: Int
    /// Whether the bytes arriving belong to a request line (at the start of the connection
    /// and after each complete request).
    private var inRequestLine = true
    private var lineLength = 0
    /// Whether the current request's first line went past the limit.
    private(set) var requestLineTooLong = false

    /// A meter flagging request lines longer than `limit` bytes.
    init(limit: Int) {
        self.limit = limit
    }

    /// Called by the responder when a request ended: the next bytes start a new request line.
    func requestEnded() {
        inRequestLine = true
        lineLength = 0
        requestLineTooLong = false
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if inRequestLine {
            let buffer = unwrapInboundIn(data)
            let view = buffer.readableBytesView
            if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
                lineLength += newline - view.startIndex
                inRequestLine = false
            } else {
                lineLength += view.count
            }
            if lineLength > limit { requestLineTooLong = true }
        }
        context.fireChannelRead(data)
    }
}
