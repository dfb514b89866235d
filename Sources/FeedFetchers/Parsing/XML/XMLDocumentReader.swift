/// The way every XML document Roost reads is read: bytes to clean UTF-8 (`DocumentDecoder`),
/// HTML entities and bare ampersands repaired (`EntityRepair`), then the hardened SAX parse.
/// Feeds and OPML files share it, so neither can skip a step.
enum XMLDocumentReader {
    /// Streams `bytes` through a delegate from `makeDelegate`; throws when the bytes are no
    /// XML at all. A document libxml2 finds not well-formed whose element structure the
    /// `TagBalancer` repairs is read again, balanced, through a second delegate from
    /// `makeDelegate`, which replaces the first and what it collected. Well-formed documents,
    /// nearly all of them, are read once and pay nothing for the balancing.
    static func read(_ bytes: [UInt8], contentType: String? = nil, makeDelegate: () -> SAXDelegate) throws(FeedParseError) {
        let decoded: DecodedDocument
        do {
            decoded = try DocumentDecoder.decode(bytes, httpContentType: contentType)
        } catch {
            throw .unreadableEncoding(detail: String(describing: error))
        }
        let repaired = EntityRepair.repair(decoded.utf8)
        var outcome = SAXParser.parse(repaired, delegate: makeDelegate())
        if !outcome.wellFormed, let balanced = TagBalancer.balanced(repaired) {
            outcome = SAXParser.parse(balanced, delegate: makeDelegate())
        }
        guard outcome.sawRootElement else {
            throw .notXMLOrJSON(detail: outcome.firstError ?? "no root element")
        }
    }
}
