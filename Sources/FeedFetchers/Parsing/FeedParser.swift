/// The one entry point for feed documents: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.x
/// bytes in, a normalized `ParsedFeed` out (SPEC §2). Pure: no I/O, no clock.
public enum FeedParser {
    /// The largest document accepted: feeds are rarely over a few MB; the limit keeps memory
    /// bounded whatever a server sends (the fetcher caps bodies at the same size).
    public static let maximumDocumentSize = 128 * 1024 * 1024

    /// Parses a document. `url` is its own address, the base for relative links;
    /// `contentType` the HTTP Content-Type when it was fetched.
    public static func parse(_ bytes: [UInt8], url: String? = nil, contentType: String? = nil) throws(FeedParseError) -> ParsedFeed {
        guard bytes.count <= maximumDocumentSize else {
            throw .tooLarge(bytes: bytes.count, limit: maximumDocumentSize)
        }
        guard let first = bytes.first(where: { !$0.isASCIIWhitespace && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else {
            throw .empty
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return try JSONFeedParser.parse(bytes, url: url)
        }
        return try parseXML(bytes, url: url, contentType: contentType)
    }

    private static func parseXML(_ bytes: [UInt8], url: String?, contentType: String?) throws(FeedParseError) -> ParsedFeed {
        // Entries are normalized as they close, so the raw text of a large document is never
        // all held at once; the feed's author, which may come after the entries, fills in last.
        var posts: [Post] = []
        var current: FeedBuilder?
        try XMLDocumentReader.read(bytes, contentType: contentType) {
            posts.removeAll()
            let builder = FeedBuilder(baseURL: url) { posts.append(EntryNormalizer(feedAuthor: nil).post(from: $0)) }
            current = builder
            return builder
        }
        guard let builder = current, let format = builder.format else {
            throw .notAFeed(rootElement: current?.rootName ?? "?")
        }
        let info = FeedInfoNormalizer.info(format: format, header: builder.header, rootLanguage: builder.rootLanguage)
        if let feedAuthor = FeedInfoNormalizer.author(builder.header) {
            let from = EntryNormalizer.author([], fallback: feedAuthor)
            for index in posts.indices where posts[index].from == PostAuthor() { posts[index].from = from }
        }
        return ParsedFeed(info: info, posts: posts)
    }
}
