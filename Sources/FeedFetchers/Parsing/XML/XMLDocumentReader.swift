/// The way every XML document Roost reads is read: bytes to clean UTF-8 (`DocumentDecoder`),
/// HTML entities and bare ampersands repaired (`EntityRepair`), broken element structure
/// balanced (`TagBalancer`), then the hardened SAX parse.
/// Feeds and OPML files share it, so neither can skip a step.
enum XMLDocumentReader {
    /// Streams `bytes` through `delegate`; throws when the bytes are no XML at all.
    static func read(_ bytes: [UInt8], contentType: String? = nil, delegate: SAXDelegate) throws(FeedParseError) {
        let decoded: DecodedDocument
        do {
            decoded = try DocumentDecoder.decode(bytes, httpContentType: contentType)
        } catch {
            throw .unreadableEncoding(detail: String(describing: error))
        }
        let outcome = SAXParser.parse(TagBalancer.balance(EntityRepair.repair(decoded.utf8)), delegate: delegate)
        guard outcome.sawRootElement else {
            throw .notXMLOrJSON(detail: outcome.firstError ?? "no root element")
        }
    }
}
