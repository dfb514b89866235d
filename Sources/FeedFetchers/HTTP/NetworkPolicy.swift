/// Which URLs and addresses Roost may fetch from (issue 4, "Network policy").
///
/// `check(url:)` runs before any connection: at feed creation (a refusal is a 422) and on
/// every redirect target. `check(address:url:)` runs on the address actually connected to,
/// after DNS, at every hop, because a public name can resolve to a private address.
///
/// `allowPrivateNetworks` (`--allow-private-networks`, `ROOST_ALLOW_PRIVATE_NETWORKS=1`)
/// lifts the address rules only: loopback, private, link-local, CGNAT, unique-local,
/// documentation, benchmarking and reserved addresses, and local names (`localhost`,
/// `*.local`, dotless names). It never lifts the scheme, credential and syntax rules, nor
/// unspecified, multicast and broadcast addresses, which are never a feed server.
public struct NetworkPolicy: Sendable, Equatable {
    /// Whether addresses and names on local and private networks may be fetched.
    public var allowPrivateNetworks: Bool

    /// A policy; by default private networks are refused.
    public init(allowPrivateNetworks: Bool = false) {
        self.allowPrivateNetworks = allowPrivateNetworks
    }

    /// Checks a URL before any connection; `nil` means it may be fetched.
    ///
    /// Only `http` and `https`, a host, no user name or password (they would leak into
    /// logs and the API), a port 1–65535 if any. A literal address in any spelling is
    /// checked as the address it is; names reserved for local use are refused too.
    public func check(url: String) -> NetworkPolicyViolation? {
        let subject = NetworkPolicyViolation.displayed(url: url)
        let target: URLTarget
        do {
            target = try HostParser.parse(url)
        } catch {
            return NetworkPolicyViolation(subject: subject, rule: error)
        }
        switch target.host {
        case .address(let address):
            return check(address, subject: subject, rule: Rule.literalAddress)
        case .name(let name):
            guard !allowPrivateNetworks, let reason = Self.localNameReason(name) else { return nil }
            return NetworkPolicyViolation(subject: subject, rule: .localName(name, reason))
        }
    }

    /// Checks an address actually connected to; `url`, if given, is the URL being fetched
    /// at this hop and names the problem in the message.
    public func check(address: IPAddress, url: String? = nil) -> NetworkPolicyViolation? {
        guard let url else {
            return check(address, subject: address.description, rule: Rule.connectedAddress)
        }
        return check(address, subject: NetworkPolicyViolation.displayed(url: url), rule: Rule.resolvedAddress)
    }

    /// The rules' type, shortened so that case constructors can be passed by name.
    private typealias Rule = NetworkPolicyViolation.Rule

    /// Applies the address rules, building a violation with the given wording.
    private func check(
        _ address: IPAddress, subject: String, rule: (IPAddress, AddressClass) -> Rule
    ) -> NetworkPolicyViolation? {
        let kind = address.addressClass
        guard kind != .global else { return nil }
        guard !(allowPrivateNetworks && kind.isLiftedByAllowPrivateNetworks) else { return nil }
        return NetworkPolicyViolation(subject: subject, rule: rule(address, kind))
    }

    /// Suffixes of names that resolve only on the local network: RFC 6761 `localhost`,
    /// RFC 6762 mDNS `.local`, RFC 8375 `.home.arpa`, ICANN's private-use `.internal`, and
    /// the `/etc/hosts` conventions `localhost.localdomain`, `ip6-localhost`, `ip6-loopback`.
    static let localSuffixes = ["localhost", "localdomain", "local", "home.arpa", "internal"]

    /// Why `name` is a local-network name, or `nil` for an ordinary public name.
    ///
    /// A dotless name is completed by the resolver's search domains, so it reaches the local
    /// network (`http://router/`); no public feed lives at a top-level domain.
    static func localNameReason(_ name: String) -> String? {
        if name == "ip6-localhost" || name == "ip6-loopback" { return "a name for the local host" }
        for suffix in localSuffixes where name == suffix || name.hasSuffix("." + suffix) {
            return "a name reserved for the local network (.\(suffix))"
        }
        return name.contains(".") ? nil : "a single-label name, which only the local network resolves"
    }
}
