/// An IPv4 or IPv6 address, as written in a URL or as reported by a connected socket.
///
/// IPv6 is held as one `UInt128` rather than 16 bytes so that no value is malformed and
/// prefix tests are one shift (`NetworkPolicy` matches dozens of prefixes per connection).
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address, first octet most significant (127.0.0.1 is `0x7F00_0001`).
    case v4(UInt32)
    /// An IPv6 address, first byte most significant (::1 is `1`).
    case v6(UInt128)

    /// Parses the canonical text forms: a strict dotted quad (no leading zeros, as
    /// `inet_pton`), or IPv6 (RFC 4291 §2.2, with `::` and a trailing dotted quad), with or
    /// without `[]`. Zone identifiers (`fe80::1%eth0`) are not accepted.
    ///
    /// The lenient spellings a URL host may use (`0x7f.1`, `2130706433`) are read by
    /// `HostParser`, never here: a socket never reports them.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"), bytes.count >= 2 {
            bytes = Array(bytes.dropFirst().dropLast())
        }
        if bytes.contains(UInt8(ascii: ":")) {
            guard let value = Self.parseV6(bytes[...]) else { return nil }
            self = .v6(value)
        } else {
            guard let value = Self.parseDottedQuad(bytes[...]) else { return nil }
            self = .v4(value)
        }
    }

    /// Reads 4 bytes as IPv4 or 16 bytes as IPv6, in network order (as in `sockaddr_in`'s
    /// `sin_addr` and `sockaddr_in6`'s `sin6_addr`); any other count is `nil`.
    public init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        switch bytes.count {
        case 4: self = .v4(bytes.reduce(0) { $0 << 8 | UInt32($1) })
        case 16: self = .v6(bytes.reduce(0) { $0 << 8 | UInt128($1) })
        default: return nil
        }
    }

    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
    public var bytes: [UInt8] {
        switch self {
        case .v4(let value): (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
        case .v6(let value): (0..<16).map { UInt8(truncatingIfNeeded: value >> (120 - 8 * $0)) }
        }
    }

    /// The RFC 5952 text form: lowercase, longest zero run as `::`, and `::ffff:a.b.c.d`
    /// for IPv4-mapped addresses (§5).
    public var description: String {
        switch self {
        case .v4(let value): Self.dottedQuad(value)
        case .v6(let value): Self.v6Text(value)
        }
    }

    /// Writes an IPv4 value as `a.b.c.d`.
    static func dottedQuad(_ value: UInt32) -> String {
        (0..<4).map { String((value >> (24 - 8 * UInt32($0))) & 0xFF) }.joined(separator: ".")
    }

    /// Writes an IPv6 value in its RFC 5952 form.
    private static func v6Text(_ value: UInt128) -> String {
        if value >> 32 == 0xFFFF { return "::ffff:" + dottedQuad(UInt32(truncatingIfNeeded: value)) }
        let groups = (0..<8).map { UInt16(truncatingIfNeeded: value >> (112 - 16 * UInt128($0))) }
        var best = (start: 0, count: 0)
        var index = 0
        while index < 8 {
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > best.count { best = (index, end - index) }
            index = max(end, index + 1)
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.count >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.count)...].joined(separator: ":")
        return head + "::" + tail
    }

    /// Parses exactly four decimal octets, each 0–255 without leading zeros.
    static func parseDottedQuad(_ text: ArraySlice<UInt8>) -> UInt32? {
        guard text.count <= 15 else { return nil }
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(HostChar.isDigit),
                  part.count == 1 || part.first != UInt8(ascii: "0") else { return nil }
            let octet = part.reduce(0) { $0 * 10 + UInt32($1 - UInt8(ascii: "0")) }
            guard octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    /// Parses IPv6 text (RFC 4291 §2.2): eight groups of 1–4 hex digits, at most one `::`
    /// standing for one or more zero groups, and optionally a dotted quad as the last 32 bits.
    static func parseV6(_ text: ArraySlice<UInt8>) -> UInt128? {
        // The longest form is "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" (45 bytes).
        guard text.count >= 2, text.count <= 45 else { return nil }
        var head: [UInt16] = [], tail: [UInt16] = []
        var compressed = false
        var index = text.startIndex
        let colon = UInt8(ascii: ":")
        if text[index] == colon {
            guard text[index + 1] == colon else { return nil }
            compressed = true
            index += 2
        }
        while index < text.endIndex {
            var end = index
            while end < text.endIndex, HostChar.isHexDigit(text[end]) { end += 1 }
            if end < text.endIndex, text[end] == UInt8(ascii: ".") {
                guard let quad = parseDottedQuad(text[index...]) else { return nil }
                let pair = [UInt16(quad >> 16), UInt16(quad & 0xFFFF)]
                if compressed { tail += pair } else { head += pair }
                index = text.endIndex
                break
            }
            guard (1...4).contains(end - index) else { return nil }
            let group = text[index..<end].reduce(0) { $0 << 4 | UInt16(HostChar.hexValue($1)) }
            if compressed { tail.append(group) } else { head.append(group) }
            guard end < text.endIndex else { index = end; break }
            guard text[end] == colon, end + 1 < text.endIndex else { return nil }
            if text[end + 1] == colon {
                guard !compressed else { return nil }
                compressed = true
                index = end + 2
            } else {
                index = end + 1
            }
        }
        let count = head.count + tail.count
        guard compressed ? count <= 7 : count == 8 else { return nil }
        let groups = head + Array(repeating: 0, count: 8 - count) + tail
        return groups.reduce(0) { $0 << 16 | UInt128($1) }
    }
}

/// Byte tests shared by the address and host parsers.
enum HostChar {
    /// Whether `byte` is an ASCII decimal digit.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `byte` is an ASCII hexadecimal digit, either case.
    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// The value of an ASCII hexadecimal digit (callers check `isHexDigit` first).
    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8 {
        isDigit(byte) ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
    }
}
