/// Why `NetworkPolicy` refused a URL or an address; its description is a sentence an
/// operator can act on, fit for a feed's `error_message` and a 422 response.
public struct NetworkPolicyViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule broken, with what broke it.
    public enum Rule: Error, Sendable, Equatable {
        /// Not a URL Roost can read at all; the text says how.
        case malformed(String)
        /// A scheme other than http and https.
        case scheme(String)
        case missingHost
        /// A user name or password (`user:pass@host`).
        case credentials
        /// A host no resolver should be given; the text says why.
        case invalidHost(String)
        /// A port that is not a number from 1 to 65535.
        case invalidPort
        /// A name that resolves only on the local network, and why.
        case localName(String, String)
        /// A URL whose host is a refused address, in whatever spelling.
        case literalAddress(IPAddress, AddressClass)
        /// A URL whose host name resolved to a refused address.
        case resolvedAddress(IPAddress, AddressClass)
        /// A refused address connected to, with no URL given.
        case connectedAddress(IPAddress, AddressClass)
    }

    /// The URL (credentials masked, shortened) or address refused.
    public var subject: String
    /// The rule broken.
    public var rule: Rule

    /// A violation of `rule` by `subject`.
    public init(subject: String, rule: Rule) {
        self.subject = subject
        self.rule = rule
    }

    /// Whether `--allow-private-networks` would have allowed it.
    public var isLiftedByAllowPrivateNetworks: Bool {
        switch rule {
        case .localName: true
        case .literalAddress(_, let kind), .resolvedAddress(_, let kind), .connectedAddress(_, let kind):
            kind.isLiftedByAllowPrivateNetworks
        default: false
        }
    }

    /// What is wrong with the subject, as the rest of a sentence that starts with it.
    public var reason: String {
        switch rule {
        case .malformed(let detail): detail
        case .scheme(let scheme): "uses the scheme \"\(scheme)\"; Roost fetches only http and https URLs"
        case .missingHost: "has no host (a feed URL looks like https://example.com/feed)"
        case .credentials:
            "contains a user name or password; remove them (Roost does not keep credentials in feed URLs, "
                + "where logs and the API would show them)"
        case .invalidHost(let detail): "has an invalid host: it \(detail)"
        case .invalidPort: "has an invalid port (a port is a number from 1 to 65535)"
        case .localName(let name, let why): "points to \(name), \(why)"
        case .literalAddress(let address, let kind): "points to \(kind.phrase) (\(Self.spelled(address)))"
        case .resolvedAddress(let address, let kind): "resolved to \(kind.phrase) (\(Self.spelled(address)))"
        case .connectedAddress(let address, let kind):
            "is \(kind.phrase)" + (address.embeddedIPv4.map { " (it carries \(IPAddress.v4($0)))" } ?? "")
        }
    }

    /// The whole sentence, with what the operator can do about it.
    public var description: String {
        let sentence = "\(subject) \(reason)"
        switch rule {
        case .localName, .literalAddress, .resolvedAddress, .connectedAddress:
            if isLiftedByAllowPrivateNetworks {
                return sentence + "; Roost does not fetch from private networks unless started with "
                    + "--allow-private-networks (or ROOST_ALLOW_PRIVATE_NETWORKS=1)"
            }
            return sentence + ", which is never a feed server, even with --allow-private-networks"
        default:
            return sentence
        }
    }

    /// An address as text, saying which IPv4 address an IPv6 form carries.
    private static func spelled(_ address: IPAddress) -> String {
        guard address.carriesIPv4, let inner = address.embeddedIPv4 else { return address.description }
        return "\(address), which carries \(IPAddress.v4(inner))"
    }

    /// Longest URL text repeated in a message, in characters.
    static let maxShown = 200

    /// A URL as it may be shown: user name and password masked as `***`, control
    /// characters replaced, and cut to `maxShown` characters.
    static func displayed(url: String) -> String {
        var shown = String.UnicodeScalarView()
        for scalar in masked(url).unicodeScalars.prefix(maxShown + 1) {
            let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            shown.append(control ? "\u{FFFD}" : scalar)
        }
        guard shown.count > maxShown else { return String(shown) }
        return String(shown.prefix(maxShown)) + "…"
    }

    /// `url` with everything before the last `@` of its authority replaced by `***`. The
    /// authority is found as leniently as any parser would (`http:u:p@h`, `http:\\u@h`).
    private static func masked(_ url: String) -> String {
        let utf8 = url.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return url }
        let slashes: Set<UInt8> = [UInt8(ascii: "/"), UInt8(ascii: "\\")]
        let rest = utf8[utf8.index(after: colon)...]
        let start = rest.firstIndex { !slashes.contains($0) } ?? rest.endIndex
        let end = rest[start...].firstIndex {
            slashes.contains($0) || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
        } ?? rest.endIndex
        guard let at = rest[start..<end].lastIndex(of: UInt8(ascii: "@")) else { return url }
        return String(url[..<start]) + "***" + String(url[at...])
    }
}

extension IPAddress {
    /// Whether this is an IPv6 form whose class comes from an IPv4 address it carries.
    var carriesIPv4: Bool { embeddedIPv4 != nil }
}
