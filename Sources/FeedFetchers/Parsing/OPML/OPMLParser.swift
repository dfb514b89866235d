/// One subscription of an OPML file.
public struct OPMLOutline: Sendable, Equatable {
    /// The feed's address (`xmlUrl`).
    public var url: String
    /// Its title (`title`, else `text`).
    public var title: String?

    /// Creates an outline.
    public init(url: String, title: String?) {
        self.url = url
        self.title = title
    }
}

/// Reads the subscriptions of an OPML file (OPML 1.0/2.0: every `outline` with an
/// `xmlUrl`, at any depth), through the same hardened libxml2 reader as feeds.
public enum OPMLParser {
    /// The outlines with feed addresses, in document order.
    public static func parse(_ bytes: [UInt8]) throws(FeedParseError) -> [OPMLOutline] {
        guard bytes.count <= FeedParser.maximumDocumentSize else {
            throw .tooLarge(bytes: bytes.count, limit: FeedParser.maximumDocumentSize)
        }
        var collector = OutlineCollector()
        try XMLDocumentReader.read(bytes) {
            collector = OutlineCollector()
            return collector
        }
        guard collector.rootName == "opml" else { throw .notAFeed(rootElement: collector.rootName ?? "?") }
        return collector.outlines
    }
}

/// Collects `outline` elements that carry an `xmlUrl`.
private final class OutlineCollector: SAXDelegate {
    var outlines: [OPMLOutline] = []
    var rootName: String?

    func startElement(namespace: XMLNamespace, tag: FeedTag, localName: String, prefix: String?, attributes: XMLAttributes,
                      declaredNamespaces: [XMLNamespace]) {
        if rootName == nil { rootName = localName.lowercased() }
        guard localName == "outline", let url = attributes.value("xmlUrl")?.trimmedWhitespace, !url.isEmpty else { return }
        let title = (attributes.value("title") ?? attributes.value("text"))?.trimmedWhitespace
        outlines.append(OPMLOutline(url: url, title: title?.isEmpty == false ? title : nil))
    }

    func endElement() {}

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
