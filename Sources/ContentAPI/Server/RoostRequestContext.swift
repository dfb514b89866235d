import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's basics plus the peer's address, which
/// the embed beacons' rate limit reads (and never stores).
public struct RoostRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection's peer; nil in router tests without a socket.
    public let remoteAddress: SocketAddress?

    /// A context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
