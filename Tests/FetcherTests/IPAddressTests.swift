import Testing
@testable import FeedFetchers

/// Canonical text forms and how RFC 5952 writes them back.
private let canonical: [(String, String)] = [
    ("127.0.0.1", "127.0.0.1"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
    ("::", "::"), ("::1", "::1"), ("[::1]", "::1"), ("2001:db8::1", "2001:db8::1"),
    ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"), ("::ffff:127.0.0.1", "::ffff:127.0.0.1"),
    ("::ffff:7f00:1", "::ffff:127.0.0.1"), ("1:0:0:1:0:0:0:1", "1:0:0:1::1"), ("1:0:0:0:1:0:0:1", "1::1:0:0:1"),
    ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"), ("1::", "1::"), ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
    ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"), ("64:ff9b::10.0.0.1", "64:ff9b::a00:1"),
    ("fe80::", "fe80::"), ("[2606:4700::1111]", "2606:4700::1111"),
]

/// Text that is no canonical address (lenient URL spellings included: a socket never reports them).
private let notAddresses: [String] = [
    "", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.4 ", "0x7f.0.0.1", "2130706433", "1.2.3.-4",
    ":", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::", ":1::", "1:", "::1:",
    "fe80::1%eth0", "::ffff:1.2.3", "::1.2.3.4:5", "::ffff:01.2.3.4", "[::1", "::1]", "g::1", "[]", "[1.2.3.4]x",
    String(repeating: "1:", count: 30) + "1", String(repeating: "9", count: 10_000),
]

/// Addresses as a socket reports them, and their class.
private let classes: [(String, AddressClass)] = [
    ("93.184.216.34", .global), ("8.8.8.8", .global), ("1.1.1.1", .global), ("2606:4700::1111", .global),
    ("::ffff:93.184.216.34", .global), ("64:ff9b::808:808", .global), ("2002:808:808::1", .global),
    ("0.0.0.0", .unspecified), ("0.255.255.255", .unspecified), ("::", .unspecified),
    ("127.0.0.1", .loopback), ("127.255.255.255", .loopback), ("::1", .loopback), ("::ffff:127.0.0.2", .loopback),
    ("10.255.255.255", .privateUse), ("172.16.0.0", .privateUse), ("192.168.255.255", .privateUse),
    ("172.15.255.255", .global), ("172.32.0.0", .global), ("100.63.255.255", .global), ("100.128.0.0", .global),
    ("100.64.0.0", .sharedCGNAT), ("169.254.0.1", .linkLocal), ("fe80::1", .linkLocal), ("febf::1", .linkLocal),
    ("fc00::1", .uniqueLocal), ("fdff::1", .uniqueLocal), ("fec0::1", .siteLocal), ("ff02::1", .multicast),
    ("224.0.0.0", .multicast), ("239.255.255.255", .multicast), ("240.0.0.0", .reserved),
    ("255.255.255.254", .reserved), ("255.255.255.255", .broadcast), ("192.0.0.8", .protocolAssignment),
    ("192.0.2.255", .documentation), ("2001:db8:ffff::1", .documentation), ("198.17.255.255", .global),
    ("198.18.0.0", .benchmarking), ("198.20.0.0", .global), ("100::", .discardOnly), ("100:0:0:1::", .reserved),
    ("::10.0.0.1", .privateUse), ("64:ff9b::a9fe:a9fe", .linkLocal), ("2002:c0a8:101::1", .privateUse),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", .documentation), ("e000::1", .reserved), ("2000::1", .global),
]

@Suite("IPAddress")
struct IPAddressTests {
    @Test("Canonical text parses and prints in RFC 5952 form", arguments: canonical)
    func roundTrip(text: String, printed: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == printed)
        #expect(IPAddress(printed) == address)
        #expect(IPAddress(bytes: address.bytes) == address)
    }

    @Test("Anything else is not an address", arguments: notAddresses)
    func invalid(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("Socket bytes are read in network order; other lengths are refused")
    func bytes() {
        #expect(IPAddress(bytes: [127, 0, 0, 1]) == .v4(0x7F00_0001))
        #expect(IPAddress(bytes: [UInt8](repeating: 0, count: 15) + [1]) == .v6(1))
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
        #expect(IPAddress(bytes: [UInt8](repeating: 0, count: 17)) == nil)
        #expect(IPAddress.v4(0x0A00_0005).bytes == [10, 0, 0, 5])
    }

    @Test("Every address is classed by the special-purpose registries", arguments: classes)
    func classified(text: String, kind: AddressClass) throws {
        #expect(try #require(IPAddress(text)).addressClass == kind)
    }

    @Test("The connected address is checked; the flag lifts all but unspecified, multicast, broadcast",
          arguments: classes)
    func connected(text: String, kind: AddressClass) throws {
        let address = try #require(IPAddress(text))
        #expect((NetworkPolicy().check(address: address) == nil) == (kind == .global))
        let lifted = kind == .global || kind.isLiftedByAllowPrivateNetworks
        #expect((NetworkPolicy(allowPrivateNetworks: true).check(address: address) == nil) == lifted)
    }

    @Test("The connected-address message names the URL at this hop when given")
    func connectedMessage() throws {
        let policy = NetworkPolicy()
        let bare = try #require(policy.check(address: .v4(0x0A00_0005)))
        #expect(bare.description.hasPrefix("10.0.0.5 is a private network address; Roost does not fetch"))
        let mapped = try #require(policy.check(address: .v6(0xFFFF_7F00_0001)))
        #expect(mapped.reason == "is a loopback address (it carries 127.0.0.1)")
        let hop = try #require(policy.check(address: .v4(0x7F00_0001), url: "https://u:p@feeds.example/x"))
        #expect(hop.description.hasPrefix("https://***@feeds.example/x resolved to a loopback address (127.0.0.1);"))
    }
}
