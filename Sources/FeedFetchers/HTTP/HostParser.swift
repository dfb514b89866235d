/// Where a URL points, as read by `HostParser`: scheme, host and port.
struct URLTarget: Equatable {
    /// A host: a literal address in any spelling, or a name (lowercase, no trailing dot).
    enum Host: Equatable {
        case address(IPAddress)
        case name(String)
    }

    var scheme: String
    var host: Host
    var port: Int?
}

/// Reads the scheme and authority of a URL (RFC 3986 §3) without Foundation, whose URL
/// parsing differs between platforms. It is strict where parsers disagree (a backslash,
/// whitespace, an `@`), so that no other parser can see a different host than this one.
enum HostParser {
    /// Longest authority read; DNS names stop at 253 bytes, so anything longer is refused.
    static let maxAuthority = 1024

    /// Splits `url` into scheme, host and port, or says which rule it breaks.
    static func parse(_ url: String) throws(NetworkPolicyViolation.Rule) -> URLTarget {
        let bytes = Array(url.utf8)
        guard !bytes.isEmpty else { throw .malformed("is empty") }
        // WHATWG parsers strip or skip these while others refuse them: a parser differential.
        if bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
            throw .malformed("contains spaces or control characters")
        }
        let (scheme, rest) = try splitScheme(bytes)
        let authority = try authority(of: bytes[rest...])
        guard !authority.contains(UInt8(ascii: "@")) else { throw .credentials }
        guard !authority.contains(UInt8(ascii: "\\")) else { throw .invalidHost("contains a backslash") }
        let (host, port) = try splitPort(authority)
        guard !host.isEmpty else { throw .missingHost }
        if host.first == UInt8(ascii: "[") {
            guard host.count >= 2, host.last == UInt8(ascii: "]"), !host.contains(UInt8(ascii: "%")),
                  let value = IPAddress.parseV6(host.dropFirst().dropLast()) else {
                throw .invalidHost("is not a valid IPv6 address")
            }
            return URLTarget(scheme: scheme, host: .address(.v6(value)), port: port)
        }
        return URLTarget(scheme: scheme, host: try HostName.read(host), port: port)
    }

    /// The lowercased scheme, which must be http or https, and the index after its `:`.
    private static func splitScheme(_ bytes: [UInt8]) throws(NetworkPolicyViolation.Rule) -> (String, Int) {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              bytes[0] | 0x20 >= UInt8(ascii: "a"), bytes[0] | 0x20 <= UInt8(ascii: "z"),
              bytes[..<colon].allSatisfy(isSchemeByte) else {
            throw .malformed("is not an absolute URL (it should start with https://)")
        }
        let scheme = String(decoding: bytes[..<colon].map { $0 | 0x20 }, as: UTF8.self)
        guard scheme == "http" || scheme == "https" else {
            throw .scheme(String(scheme.prefix(32)))
        }
        return (scheme, colon + 1)
    }

    /// Whether `byte` may appear in a scheme (RFC 3986 §3.1), ignoring case.
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || HostChar.isDigit(byte)
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// The authority after `//`, up to the first `/`, `?` or `#`.
    private static func authority(
        of rest: ArraySlice<UInt8>
    ) throws(NetworkPolicyViolation.Rule) -> ArraySlice<UInt8> {
        let slash = UInt8(ascii: "/")
        guard rest.count >= 2, rest.first == slash, rest.dropFirst().first == slash else {
            throw .missingHost
        }
        let start = rest.startIndex + 2
        let end = rest[start...].firstIndex { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
        let authority = rest[start..<(end ?? rest.endIndex)]
        guard authority.count <= maxAuthority else { throw .invalidHost("is too long") }
        return authority
    }

    /// Splits `host[:port]` (the host possibly `[IPv6]`); an empty port means the default.
    private static func splitPort(
        _ authority: ArraySlice<UInt8>
    ) throws(NetworkPolicyViolation.Rule) -> (ArraySlice<UInt8>, Int?) {
        let colon = UInt8(ascii: ":")
        var hostEnd = authority.endIndex
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                throw .invalidHost("is not a valid IPv6 address")
            }
            hostEnd = close + 1
            guard hostEnd == authority.endIndex || authority[hostEnd] == colon else {
                throw .invalidHost("has text after the IPv6 address")
            }
        } else if let first = authority.firstIndex(of: colon) {
            hostEnd = first
        }
        let host = authority[..<hostEnd]
        guard hostEnd < authority.endIndex else { return (host, nil) }
        let digits = authority[(hostEnd + 1)...]
        guard !digits.isEmpty else { return (host, nil) }
        var port = 0
        for byte in digits {
            guard HostChar.isDigit(byte) else { throw .invalidPort }
            port = port * 10 + Int(byte - UInt8(ascii: "0"))
            guard port <= 65535 else { throw .invalidPort }
        }
        guard port > 0 else { throw .invalidPort }
        return (host, port)
    }
}
