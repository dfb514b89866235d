import Foundation
import Testing
@testable import FeedFetchers

#if canImport(Glibc)
import Glibc
#endif

/// Every hostile document ends with output or a clear error, reads nothing outside itself,
/// and expands nothing without bound. The time limits are hang guards, not speed checks.
@Suite("Hostile input", .timeLimit(.minutes(2)))
struct HostileInputTests {
    private func rss(doctype: String = "", title: String = "t", body: String = "") -> String {
        "<?xml version=\"1.0\"?>\(doctype)<rss version=\"2.0\"><channel><title>c</title><item><title>\(title)</title>\(body)</item></channel></rss>"
    }

    @Test("Billion laughs: nested entity expansion is refused, the parse ends")
    func billionLaughs() throws {
        var doctype = "<!DOCTYPE rss [<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        doctype += "]>"
        let feed = try parse(rss(doctype: doctype, title: "&lol9;"))
        #expect((feed.posts.first?.title?.utf8.count ?? 0) < 1_000_000)
    }

    @Test("Quadratic blowup: one large entity referenced many times stays bounded")
    func quadraticBlowup() throws {
        let big = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&big;", count: 20_000)
        let feed = try parse(rss(doctype: "<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>", title: references))
        #expect((feed.posts.first?.title?.utf8.count ?? 0) <= 50_000 * 20_000 / 10)
    }

    @Test("Amplification: a 60 KB entity referenced 20,000 times expands to no more than the document's own size")
    func amplificationBound() throws {
        let big = String(repeating: "y", count: 60_000)
        let references = String(repeating: "&big;", count: 20_000)
        let document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><title>c</title>"
            + "<item><title>bomb</title><description>\(references)</description></item>"
            + "<item><title>after</title><description>still read</description></item></channel></rss>"
        let feed = try parse(document)
        let produced = feed.posts.reduce(0) { $0 + ($1.textRich?.utf8.count ?? 0) + ($1.textPlain?.utf8.count ?? 0) }
        // textRich and textPlain each hold the expanded text once: both together stay within
        // twice (the document + the expansion allowance), where they were 8 MB before.
        #expect(produced <= 2 * (2 * document.utf8.count + 64 * 1024))
        #expect(feed.posts.map(\.title) == ["bomb", "after"])
    }

    @Test("Entities a document declares for ordinary use still expand, every time")
    func smallEntitiesExpand() throws {
        let feed = try parse(rss(doctype: "<!DOCTYPE rss [<!ENTITY kc \"Kettle and Crow\">]>",
                                 title: String(repeating: "&kc; ", count: 50)))
        #expect(feed.posts.first?.title == Array(repeating: "Kettle and Crow", count: 50).joined(separator: " "))
    }

    @Test("Entity repair never makes a document more than twice its size")
    func entityRepairBound() {
        let bytes = [UInt8](repeating: UInt8(ascii: "&"), count: 1_000_000)
        #expect(EntityRepair.repair(bytes).count <= 2 * bytes.count + 1024 * 1024 + 16)
        let references = Array(String(repeating: "&nGt;", count: 200_000).utf8)
        #expect(EntityRepair.repair(references).count <= 2 * references.count + 1024 * 1024 + 16)
    }

    @Test("External entities, external DTDs and XInclude never read a local file")
    func localFiles() throws {
        let marker = "ROOST-SECRET-\(UInt32.random(in: 0...UInt32.max))"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("roost-secret-\(marker).txt")
        try Data(marker.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let documents = [
            rss(doctype: "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(file.absoluteString)\">]>", title: "&xxe;"),
            rss(doctype: "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(file.path)\">]>", title: "a&xxe;b"),
            rss(doctype: "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"\(file.absoluteString)\"> %p;]>"),
            rss(doctype: "<!DOCTYPE rss SYSTEM \"\(file.absoluteString)\">", title: "&xxe;"),
            rss(body: "<description xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(file.absoluteString)\" parse=\"text\"/></description>"),
        ]
        for document in documents {
            let feed = try? parse(document)
            let output = String(describing: feed)
            #expect(!output.contains(marker))
        }
    }

    @Test("External entities never open a network connection")
    func network() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let url = "http://127.0.0.1:\(listener.port)/x"
        let documents = [
            rss(doctype: "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(url)\">]>", title: "&xxe;"),
            rss(doctype: "<!DOCTYPE rss SYSTEM \"\(url)\">"),
            rss(doctype: "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"\(url)\"> %p;]>"),
            rss(body: "<description xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url)\"/></description>"),
        ]
        for document in documents { _ = try? parse(document) }
        #expect(listener.pendingConnection() == false)
    }

    @Test("100,000 nested elements in the XML end the parse without a crash")
    func deepXML() throws {
        let depth = 100_000
        let document = rss(body: "<description>" + String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth) + "</description>")
        _ = try? parse(document)
        let unrelated = String(repeating: "<x>", count: depth)
        #expect(throws: FeedParseError.self) { try parse(unrelated) }
    }

    @Test("100,000 nested elements inside an HTML body are flattened, not recursed")
    func deepHTML() throws {
        let depth = 100_000
        let html = String(repeating: "<div><b>", count: depth) + "deep"
        let feed = try parse(rss(body: "<description><![CDATA[\(html)]]></description>"))
        #expect(feed.posts.first?.textPlain?.contains("deep") == true)
    }

    @Test("100,000 nested JSON arrays are an error, not a crash")
    func deepJSON() {
        let document = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let feed = try? parse(document)
        #expect(feed == nil || feed?.posts.isEmpty == true)
    }

    @Test("A 200 MB document is refused at once with the limit in the message")
    func hugeDocument() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: 200 * 1024 * 1024)
        #expect(throws: FeedParseError.tooLarge(bytes: bytes.count, limit: FeedParser.maximumDocumentSize)) {
            try FeedParser.parse(bytes)
        }
    }

    @Test("A text node larger than libxml2's limit ends with what came before it")
    func hugeTextNode() throws {
        let document = rss(title: "ok", body: "<description>" + String(repeating: "a", count: 12_000_000) + "</description>")
        let feed = try? parse(document)
        #expect(feed == nil || feed?.info.title == "c")
    }

    @Test("Invalid UTF-8 and NUL bytes give valid text, never a crash")
    func invalidBytes() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>c</title><item><title>a".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x00, 0xE2, 0x82]
        bytes += Array("b</title><description>x\u{0}y</description></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(bytes)
        let title = try #require(feed.posts.first?.title)
        #expect(title.hasPrefix("a") && title.hasSuffix("b"))
        #expect(!title.contains("\u{0}"))
    }

    @Test("Random bytes never crash the parser", arguments: 0..<20)
    func fuzz(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        let prefix = Array("<rss version=\"2.0\"><channel><item><description>".utf8)
        let alphabet = Array("<>&;#/=\"' abcx\u{0}".utf8) + [0xC3, 0xFF, 0xE2]
        var bytes = prefix
        for _ in 0..<4_000 { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
        _ = try? FeedParser.parse(bytes)
    }
}

/// A deterministic random source for the fuzz table.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A TCP listener on 127.0.0.1 that only reports whether anyone connected.
final class LoopbackListener {
    let port: UInt16
    private let socketDescriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// True when a connection is waiting to be accepted.
    func pendingConnection() -> Bool {
        let client = accept(socketDescriptor, nil, nil)
        if client >= 0 { Glibc.close(client); return true }
        return false
    }

    func close() { Glibc.close(socketDescriptor) }
}
