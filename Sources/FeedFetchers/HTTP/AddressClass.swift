/// Which special-purpose range an address is in (IANA IPv4 and IPv6 Special-Purpose
/// Address Registries, RFC 6890), or `.global` for an ordinary public address.
public enum AddressClass: Sendable, Equatable {
    /// An ordinary public address.
    case global
    /// 0.0.0.0/8 and `::`. Connecting to 0.0.0.0 reaches the local host on Linux and macOS.
    case unspecified
    /// 127/8 and ::1.
    case loopback
    /// 10/8, 172.16/12, 192.168/16 (RFC 1918); also the local-use NAT64 prefix 64:ff9b:1::/48.
    case privateUse
    /// 100.64/10, carrier-grade NAT (RFC 6598).
    case sharedCGNAT
    /// 169.254/16 (cloud metadata services live here) and fe80::/10.
    case linkLocal
    /// fc00::/7 (RFC 4193).
    case uniqueLocal
    /// fec0::/10, deprecated by RFC 3879 but still routed locally by some networks.
    case siteLocal
    /// 224/4 and ff00::/8.
    case multicast
    /// 255.255.255.255.
    case broadcast
    /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20 (RFC 5737, 3849, 9637).
    case documentation
    /// 198.18/15 and 2001:2::/48 (RFC 2544, 5180); also used for lab and fake-IP proxy networks.
    case benchmarking
    /// 192.0.0.0/24 (RFC 6890).
    case protocolAssignment
    /// 240/4, and IPv6 outside 2000::/3 (the only block IANA allocates global unicast from).
    case reserved
    /// 100::/64 (RFC 6666).
    case discardOnly

    /// Whether `--allow-private-networks` lifts the refusal. Unspecified, multicast and
    /// broadcast addresses stay refused: none of them is ever a feed server, and 0.0.0.0 is
    /// the classic way around a loopback check.
    public var isLiftedByAllowPrivateNetworks: Bool {
        switch self {
        case .unspecified, .multicast, .broadcast: false
        default: true
        }
    }

    /// The class as a noun phrase for error messages ("a private network address").
    public var phrase: String {
        switch self {
        case .global: "a public address"
        case .unspecified: "an unspecified address"
        case .loopback: "a loopback address"
        case .privateUse: "a private network address"
        case .sharedCGNAT: "a carrier-grade NAT (shared) address"
        case .linkLocal: "a link-local address"
        case .uniqueLocal: "a unique local (private) IPv6 address"
        case .siteLocal: "a site-local IPv6 address"
        case .multicast: "a multicast address"
        case .broadcast: "the broadcast address"
        case .documentation: "a documentation-only address"
        case .benchmarking: "a benchmarking address"
        case .protocolAssignment: "an IETF protocol address"
        case .reserved: "a reserved address"
        case .discardOnly: "a discard-only address"
        }
    }
}

extension IPAddress {
    /// The special-purpose class of this address; IPv6 forms that carry an IPv4 address
    /// (see `embeddedIPv4`) take the class of that IPv4 address.
    public var addressClass: AddressClass {
        switch self {
        case .v4(let value): Self.classify(v4: value)
        case .v6(let value):
            if let inner = embeddedIPv4 { Self.classify(v4: inner) } else { Self.classify(v6: value) }
        }
    }

    /// The IPv4 address an IPv6 address stands for or tunnels to: IPv4-mapped ::ffff:0:0/96
    /// and IPv4-compatible ::/96 (RFC 4291 §2.5.5), NAT64 64:ff9b::/96 (RFC 6052), 6to4
    /// 2002::/16 (RFC 3056), and the Teredo client 2001::/32 (RFC 4380 §4, stored inverted).
    /// `::` and `::1` are their own addresses, not IPv4-compatible ones.
    public var embeddedIPv4: UInt32? {
        guard case .v6(let value) = self else { return nil }
        let low = UInt32(truncatingIfNeeded: value)
        if value >> 32 == 0xFFFF || (value >> 32 == 0 && value > 1) { return low }
        if value >> 32 == 0x0064_FF9B_0000_0000_0000_0000 { return low }
        if value >> 112 == 0x2002 { return UInt32(truncatingIfNeeded: value >> 80) }
        if value >> 96 == 0x2001_0000 { return ~low }
        return nil
    }

    /// IPv4 special-purpose ranges, most specific first where they overlap.
    private static let v4Ranges: [(prefix: UInt32, bits: Int, kind: AddressClass)] = [
        (0xFFFF_FFFF, 32, .broadcast),
        (0x0000_0000, 8, .unspecified),
        (0x0A00_0000, 8, .privateUse),
        (0x6440_0000, 10, .sharedCGNAT),
        (0x7F00_0000, 8, .loopback),
        (0xA9FE_0000, 16, .linkLocal),
        (0xAC10_0000, 12, .privateUse),
        (0xC000_0000, 24, .protocolAssignment),
        (0xC000_0200, 24, .documentation),
        (0xC0A8_0000, 16, .privateUse),
        (0xC612_0000, 15, .benchmarking),
        (0xC633_6400, 24, .documentation),
        (0xCB00_7100, 24, .documentation),
        (0xE000_0000, 4, .multicast),
        (0xF000_0000, 4, .reserved),
    ]

    /// IPv6 special-purpose ranges (their top 64 bits), most specific first where they overlap.
    /// Embedded-IPv4 forms are handled before this table is consulted.
    private static let v6Ranges: [(prefix: UInt64, bits: Int, kind: AddressClass)] = [
        (0x0100_0000_0000_0000, 64, .discardOnly),
        (0x0064_FF9B_0001_0000, 48, .privateUse),
        (0x2001_0002_0000_0000, 48, .benchmarking),
        (0x2001_0DB8_0000_0000, 32, .documentation),
        (0x3FFF_0000_0000_0000, 20, .documentation),
        (0xFC00_0000_0000_0000, 7, .uniqueLocal),
        (0xFE80_0000_0000_0000, 10, .linkLocal),
        (0xFEC0_0000_0000_0000, 10, .siteLocal),
        (0xFF00_0000_0000_0000, 8, .multicast),
    ]

    /// Classifies an IPv4 value.
    static func classify(v4 value: UInt32) -> AddressClass {
        for range in v4Ranges where value >> (32 - range.bits) == range.prefix >> (32 - range.bits) {
            return range.kind
        }
        return .global
    }

    /// Classifies an IPv6 value that carries no IPv4 address.
    static func classify(v6 value: UInt128) -> AddressClass {
        if value == 0 { return .unspecified }
        if value == 1 { return .loopback }
        let top = UInt64(truncatingIfNeeded: value >> 64)
        for range in v6Ranges where top >> (64 - range.bits) == range.prefix >> (64 - range.bits) {
            return range.kind
        }
        return top >> 61 == 0b001 ? .global : .reserved
    }
}
