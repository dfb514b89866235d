import Hummingbird
import NIOCore

/// The request context of Roost's router: Hummingbird's basic context plus the connection's
/// peer address, which rate limiting counts failed authentications and embed beacons against
/// (SPEC §3.7; never stored).
public struct RoostRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address as the connection reports it (nil in router tests).
    public let remoteAddress: SocketAddress?

    /// A context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
