import FeedFetchers
import HTTPTypes
import Hummingbird

/// The client address that failed authentications and keyless requests are counted against
/// (SPEC §3.7). The connection's peer address, or, behind a reverse proxy that sets it and when
/// the operator says so, the last `X-Forwarded-For` entry (the one that proxy wrote; earlier
/// entries come from the client and prove nothing). IPv6 clients are counted per /64, the
/// block one subscriber usually holds.
enum ClientAddress {
    private static let forwardedFor = HTTPField.Name("X-Forwarded-For") ?? .via

    /// The address of `request`, or `unknown` when neither the connection nor a trusted header says.
    static func of(_ request: Request, context: some RequestContext, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let header = request.headers[values: forwardedFor].last,
           let last = header.split(separator: ",").last, let address = IPAddress(last.trimmingCharacters(in: .whitespaces)) {
            return bucket(address)
        }
        guard let peer = (context as? any RemoteAddressRequestContext)?.remoteAddress,
              let text = peer.ipAddress, let address = IPAddress(text) else { return "unknown" }
        return bucket(address)
    }

    /// The text an address is counted under: IPv4 as is (also when mapped into IPv6), IPv6 by /64.
    static func bucket(_ address: IPAddress) -> String {
        switch address {
        case .v4: return address.description
        case .v6(let value):
            if value >> 32 == 0xFFFF { return IPAddress.v4(UInt32(truncatingIfNeeded: value)).description }
            return IPAddress.v6((value >> 64) << 64).description + "/64"
        }
    }
}
