import Testing
@testable import FeedFetchers

/// URLs a default policy lets through.
private let allowedURLs: [String] = [
    "https://example.com/feed",
    "http://93.184.216.34/",
    "https://[2606:4700::1111]/feed",
    "HTTPS://Example.COM:8443/feed?x=1#y",
    "http://example.com:/feed",
    "http://example.com./feed",
    "https://example.com?q=1",
    "https://sub_domain.example.com/",
    "https://bücher.de/feed",
    "https://xn--bcher-kva.de/feed",
    "https://0x7f.example.com/",
    "https://127.0.0.1.nip.example/",
    "http://8.8.8.8:65535/",
    "http://[::ffff:93.184.216.34]/",
    "http://[64:ff9b::5db8:d822]/",
    "http://[2002:5db8:d822::1]/",
]

/// Literal hosts in every spelling, and the class each is refused as.
private let refusedLiterals: [(String, AddressClass)] = [
    ("http://127.0.0.1/", .loopback), ("http://127.1/", .loopback), ("http://127.0.1/", .loopback),
    ("http://2130706433/", .loopback), ("http://0x7f000001/", .loopback), ("http://0X7F.0.0.1/", .loopback),
    ("http://0177.0.0.1/", .loopback), ("http://0177.1/", .loopback), ("http://017700000001/", .loopback),
    ("http://127.000.000.001/", .loopback), ("http://0x7f.0x0.0x0.0x1/", .loopback), ("http://127.0.0.1./", .loopback),
    ("http://127.0x0.1/", .loopback), ("http://%31%32%37.0.0.1/", .loopback), ("http://１２７．０．０．１/", .loopback),
    ("http://127。0。0。1:8080/", .loopback), ("http://127.255.255.254/", .loopback),
    ("http://[::1]/", .loopback), ("http://[0:0:0:0:0:0:0:1]/", .loopback), ("http://[::ffff:127.0.0.1]/", .loopback),
    ("http://[::FFFF:7F00:1]:8080/", .loopback), ("http://[::127.0.0.1]/", .loopback), ("http://[::7f00:1]/", .loopback),
    ("http://[64:ff9b::127.0.0.1]/", .loopback), ("http://[2002:7f00:1::]/", .loopback),
    ("http://10.0.0.5/feed", .privateUse), ("http://167772165/", .privateUse), ("http://0xa.5/", .privateUse),
    ("http://192.168.1.1/", .privateUse), ("http://0300.0250.1.1/", .privateUse), ("http://172.16.0.1/", .privateUse),
    ("http://172.31.255.255/", .privateUse), ("http://[::ffff:10.0.0.1]/", .privateUse),
    ("http://[::ffff:a00:1]/", .privateUse), ("http://[64:ff9b:1::1]/", .privateUse),
    ("http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", .privateUse),
    ("http://100.64.0.1/", .sharedCGNAT), ("http://100.127.255.255/", .sharedCGNAT),
    ("http://169.254.169.254/latest/meta-data/", .linkLocal), ("http://2852039166/", .linkLocal),
    ("http://0xa9fea9fe/", .linkLocal), ("http://[fe80::1]/", .linkLocal), ("http://[::ffff:169.254.1.1]/", .linkLocal),
    ("http://[fd00::1]/", .uniqueLocal), ("http://[fc00::]/", .uniqueLocal), ("http://[fec0::1]/", .siteLocal),
    ("http://192.0.2.1/", .documentation), ("http://198.51.100.7/", .documentation),
    ("http://203.0.113.9/", .documentation), ("http://[2001:db8::1]/", .documentation), ("http://[3fff::1]/", .documentation),
    ("http://198.18.0.1/", .benchmarking), ("http://198.19.255.255/", .benchmarking), ("http://[2001:2::1]/", .benchmarking),
    ("http://192.0.0.1/", .protocolAssignment), ("http://240.0.0.1/", .reserved), ("http://[4000::1]/", .reserved),
    ("http://[100::1]/", .discardOnly),
    ("http://0.0.0.0/", .unspecified), ("http://0/", .unspecified), ("http://0x0/", .unspecified),
    ("http://0.1.2.3/", .unspecified), ("http://[::]/", .unspecified), ("http://[::ffff:0.0.0.0]/", .unspecified),
    ("http://224.0.0.1/", .multicast), ("http://239.255.255.250/", .multicast), ("http://[ff02::1]/", .multicast),
    ("http://[ff05::1:3]/", .multicast), ("http://255.255.255.255/", .broadcast), ("http://4294967295/", .broadcast),
    ("http://0xffffffff/", .broadcast),
]

/// URLs refused whatever the policy, by the name of the rule they break.
private let refusedSyntax: [(String, String)] = [
    ("ftp://example.com/feed", "scheme"), ("file:///etc/passwd", "scheme"), ("javascript:alert(1)", "scheme"),
    ("gopher://example.com/", "scheme"), ("httpx://example.com/", "scheme"),
    ("", "malformed"), ("example.com/feed", "malformed"), ("//example.com/feed", "malformed"),
    (" http://example.com/", "malformed"), ("http://exa mple.com/", "malformed"), ("http://example.com/\n", "malformed"),
    ("http://example.com\t/", "malformed"), ("1http://example.com/", "malformed"),
    ("http:example.com", "missingHost"), ("http:/example.com", "missingHost"), ("http:///feed", "missingHost"),
    ("http://", "missingHost"), ("http://:80/", "missingHost"), ("http://?x", "missingHost"),
    ("http://user:pass@example.com/", "credentials"), ("http://@example.com/", "credentials"),
    ("http://example.com@127.0.0.1/", "credentials"), ("http://127.0.0.1:80@example.com/", "credentials"),
    ("http://example.com\\@127.0.0.1/", "credentials"), ("http://example.com\\.evil/", "invalidHost"),
    ("http://example.com:0/", "invalidPort"), ("http://example.com:65536/", "invalidPort"),
    ("http://example.com:80a/", "invalidPort"), ("http://example.com:80:80/", "invalidPort"),
    ("http://example.com:-1/", "invalidPort"), ("http://example.com:99999999999999999999999/", "invalidPort"),
    ("http://[::1/", "invalidHost"), ("http://[::1]x/", "invalidHost"), ("http://[fe80::1%25eth0]/", "invalidHost"),
    ("http://[v1.abc]/", "invalidHost"), ("http://[127.0.0.1]/", "invalidHost"), ("http://[]/", "invalidHost"),
    ("http://]/", "invalidHost"), ("http://1.2.3.4.5/", "invalidHost"), ("http://256.0.0.1/", "invalidHost"),
    ("http://1.2.3.256/", "invalidHost"), ("http://1.2.65536/", "invalidHost"), ("http://0x100000000/", "invalidHost"),
    ("http://4294967296/", "invalidHost"), ("http://08.0.0.1/", "invalidHost"), ("http://0x7g.1/", "invalidHost"),
    ("http://example.123/", "invalidHost"), ("http://1..1/", "invalidHost"), ("http://exa%mple.com/", "invalidHost"),
    ("http://exa%2fmple.com/", "invalidHost"), ("http://exa%00mple.com/", "invalidHost"), ("http://%ff.com/", "invalidHost"),
    ("http://exa%2540mple.com/", "invalidHost"), ("http://a..b.com/", "invalidHost"), ("http://.example.com/", "invalidHost"),
    ("http://a<b.com/", "invalidHost"), ("http://exa!mple.com/", "invalidHost"), ("http://𝟏𝟐𝟕.0.0.1/", "invalidHost"),
    ("http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/", "invalidHost"), ("http://exa\u{200B}mple.com/", "invalidHost"),
    ("http://127\u{2024}0\u{2024}0\u{2024}1/", "invalidHost"), ("http://exa\u{FF0F}mple.com/", "invalidHost"),
    ("http://" + String(repeating: "a", count: 64) + ".com/", "invalidHost"),
]

/// Names that resolve only on the local network.
private let localNames: [String] = [
    "http://localhost/", "http://LOCALHOST:8080/", "http://localhost./", "http://foo.localhost/",
    "http://localhost.localdomain/", "http://printer.local/", "http://nas.home.arpa/", "http://db.internal/",
    "http://router/", "http://ip6-localhost/", "http://ｌｏｃａｌｈｏｓｔ/", "http://%6c%6fcalhost/",
]

/// The name of a rule, for tables.
private func name(of rule: NetworkPolicyViolation.Rule) -> String {
    switch rule {
    case .malformed: "malformed"
    case .scheme: "scheme"
    case .missingHost: "missingHost"
    case .credentials: "credentials"
    case .invalidHost: "invalidHost"
    case .invalidPort: "invalidPort"
    case .localName: "localName"
    case .literalAddress: "literalAddress"
    case .resolvedAddress: "resolvedAddress"
    case .connectedAddress: "connectedAddress"
    }
}

@Suite("NetworkPolicy: URLs")
struct NetworkPolicyURLTests {
    let strict = NetworkPolicy()
    let open = NetworkPolicy(allowPrivateNetworks: true)

    @Test("Public http and https URLs are allowed", arguments: allowedURLs)
    func allowed(url: String) {
        #expect(strict.check(url: url) == nil)
        #expect(open.check(url: url) == nil)
    }

    @Test("A literal address is refused in every spelling, as the address it is", arguments: refusedLiterals)
    func literal(url: String, kind: AddressClass) throws {
        let violation = try #require(strict.check(url: url))
        guard case .literalAddress(_, let found) = violation.rule else {
            Issue.record("\(url): \(violation)")
            return
        }
        #expect(found == kind)
    }

    @Test("Allowing private networks lifts every address rule but unspecified, multicast and broadcast",
          arguments: refusedLiterals)
    func lifted(url: String, kind: AddressClass) {
        let alwaysRefused: [AddressClass] = [.unspecified, .multicast, .broadcast]
        #expect((open.check(url: url) == nil) == !alwaysRefused.contains(kind))
    }

    @Test("Bad schemes, credentials, hosts and ports are refused whatever the policy", arguments: refusedSyntax)
    func syntax(url: String, rule: String) {
        #expect(strict.check(url: url).map { name(of: $0.rule) } == rule)
        #expect(open.check(url: url).map { name(of: $0.rule) } == rule)
    }

    @Test("Local-network names are refused unless private networks are allowed", arguments: localNames)
    func localName(url: String) {
        #expect(strict.check(url: url).map { name(of: $0.rule) } == "localName")
        #expect(open.check(url: url) == nil)
    }

    @Test("The message names the URL, the address, and the flag that lifts it")
    func message() throws {
        let violation = try #require(strict.check(url: "http://10.0.0.5/feed"))
        #expect(violation.description == "http://10.0.0.5/feed points to a private network address (10.0.0.5); "
            + "Roost does not fetch from private networks unless started with --allow-private-networks "
            + "(or ROOST_ALLOW_PRIVATE_NETWORKS=1)")
        let mapped = try #require(strict.check(url: "http://[::ffff:7f00:1]/"))
        #expect(mapped.reason == "points to a loopback address (::ffff:127.0.0.1, which carries 127.0.0.1)")
        let zero = try #require(open.check(url: "http://0.0.0.0:8080/"))
        #expect(zero.description.hasSuffix("which is never a feed server, even with --allow-private-networks"))
    }

    @Test("Credentials never appear in the message", arguments: [
        "https://user:s3cret@example.com/feed", "http:user:s3cret@example.com/", "http:\\\\s3cret@example.com/",
        "https://s3cret@10.0.0.1/", "https://a:b@c:s3cret@example.com/",
    ])
    func masked(url: String) throws {
        let violation = try #require(strict.check(url: url))
        #expect(!violation.description.contains("s3cret"))
        #expect(violation.subject.contains("***@"))
    }

    @Test("Hostile URLs end in a refusal with a bounded message", arguments: [
        "http://" + String(repeating: "a", count: 10_000) + "/",
        "http://" + String(repeating: "a.", count: 5_000) + "com/",
        "http://" + String(repeating: "1.", count: 5_000),
        "http://" + String(repeating: "9", count: 10_000) + "/",
        "http://0x" + String(repeating: "f", count: 10_000) + "/",
        "http://[" + String(repeating: ":", count: 10_000) + "]/",
        "http://[" + String(repeating: "[", count: 10_000),
        "http://" + String(repeating: "%", count: 10_000),
        "http://" + String(repeating: "%41", count: 300) + "/",
        "http://" + String(repeating: "@", count: 10_000),
        String(repeating: "h", count: 10_000) + "://x/",
        "http://" + String(repeating: "\u{FFFF}", count: 10_000),
        "http://\u{0}\u{1}\u{7F}/",
    ])
    func hostile(url: String) throws {
        let violation = try #require(strict.check(url: url))
        #expect(violation.description.count < 600)
        #expect(!violation.description.contains("\u{0}"))
    }

    @Test("A port with leading zeros is read as its number")
    func leadingZeroPort() throws {
        #expect(strict.check(url: "http://example.com:" + String(repeating: "0", count: 900) + "1/") == nil)
        #expect(try HostParser.parse("http://example.com:0080/").port == 80)
    }
}
