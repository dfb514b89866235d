import Foundation
import NIOCore

/// The host of a URL exactly as AsyncHTTPClient 1.37 will read it, so that its
/// `dnsOverride` key matches and no connection is ever made to an address we did not check.
///
/// AsyncHTTPClient parses with Foundation's `URL`, takes `host` without IPv6 brackets, and
/// treats it as an address when `inet_pton` accepts it (then its key is bracketed for IPv6),
/// otherwise as a name (`DeconstructedURL.swift`, `ConnectionTarget.swift`,
/// `ConnectionPool.swift` `applyDNSOverride`). `HostParser` reads hosts more strictly and
/// more like browsers; the two views are compared and a URL they disagree on is refused.
struct ConnectionHost: Equatable {
    /// The `dnsOverride` key: the connection target's host (`[::1]`, `127.0.0.1`, `example.com`).
    var key: String
    /// The host without brackets: what a resolver is asked for when it is a name.
    var bare: String
    /// The address, when AsyncHTTPClient treats the host as an address.
    var literal: IPAddress?

    /// Reads `url` as AsyncHTTPClient will; `nil` when it would refuse the URL.
    init?(url: String) {
        guard let parsed = URL(string: url), let host = parsed.host, !host.isEmpty else { return nil }
        var bare = Substring(host)
        if bare.hasPrefix("[") { bare = bare.dropFirst() }
        if bare.hasSuffix("]") { bare = bare.dropLast() }
        guard !bare.isEmpty else { return nil }
        self.bare = String(bare)
        let socketAddress: SocketAddress?
        do { socketAddress = try SocketAddress(ipAddress: self.bare, port: 80) } catch { socketAddress = nil }
        switch socketAddress {
        case .v4?:
            guard let address = IPAddress(self.bare) else { return nil }
            key = self.bare
            literal = address
        case .v6?:
            guard let address = IPAddress(self.bare) else { return nil }
            key = "[" + self.bare + "]"
            literal = address
        default:
            key = self.bare
            literal = nil
        }
    }

    /// Whether this name is the one `HostParser` read (`name`, lowercase, no trailing dot).
    /// Non-ASCII names are compared after the policy runs on this form too (IDNA).
    func names(_ name: String, policy: NetworkPolicy) -> Bool {
        var seen = bare.lowercased()
        if seen.hasSuffix(".") { seen.removeLast() }
        if seen == name { return true }
        guard !name.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return policy.check(url: "http://\(seen)/") == nil
    }
}
