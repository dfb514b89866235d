/// A body made safe to show, with what SPEC §2 derives from it.
public struct SanitizedHTML: Sendable, Equatable {
    /// Sanitized HTML re-serialized from the tree: balanced tags, double-quoted escaped
    /// attribute values, escaped text, void elements written HTML-style (`<br>`, `<img …>`).
    public var html: String
    /// SPEC textPlain: markup removed, entities decoded, blocks apart by a blank line, `<br>`
    /// a line break, whitespace runs collapsed to one space, trimmed.
    public var plainText: String
    /// Every kept `<img>`, absolute, in document order, each URL once.
    public var images: [PostImage]
    /// Kept players (`iframe`) and `<video>` files, absolute, each URL once.
    public var videos: [PostVideo]
    /// Hashtags in the text (not in attributes or code), without `#`, each once.
    public var hashtags: [String]

    /// Creates a result.
    public init(html: String, plainText: String, images: [PostImage] = [], videos: [PostVideo] = [], hashtags: [String] = []) {
        self.html = html
        self.plainText = plainText
        self.images = images
        self.videos = videos
        self.hashtags = hashtags
    }
}

/// The HTML body pipeline: tokenize, build a tree, and in one pass over it write sanitized
/// HTML and plain text and collect images, videos and hashtags (SPEC §2).
///
/// Works on the String's UTF-8 in place (native Swift strings are contiguous; others are
/// copied once). Text without `<`, `&` or NUL takes a fast path that builds no tree.
public enum HTMLSanitizer {
    /// Sanitizes the HTML `html`, resolving relative URLs against `baseURL` (links and media
    /// whose URL stays relative are dropped).
    public static func sanitize(_ html: String, baseURL: String?) -> SanitizedHTML {
        withUTF8(html) { sanitize(utf8: $0, baseURL: baseURL) }
    }

    /// Sanitizes HTML given as UTF-8 bytes; invalid UTF-8 becomes U+FFFD in the results.
    public static func sanitize(utf8 bytes: UnsafeBufferPointer<UInt8>, baseURL: String?) -> SanitizedHTML {
        if !hasMarkup(bytes) { return plainBody(bytes) }
        var walk = SanitizerWalk(tree: HTMLTree.parse(bytes), baseURL: baseURL, capacity: bytes.count)
        walk.run()
        return SanitizedHTML(
            html: String(decoding: walk.html, as: UTF8.self),
            plainText: walk.plain.finish(),
            images: walk.images,
            videos: walk.videos,
            hashtags: walk.hashtags.tags
        )
    }

    /// A title or other short field as plain text: markup removed, entities decoded, every
    /// whitespace run and block boundary one space, trimmed.
    public static func plainText(fromHTML html: String) -> String {
        withUTF8(html) { bytes in
            if !hasMarkup(bytes) {
                var writer = PlainTextWriter(capacity: bytes.count, singleLine: true)
                writer.append(bytes)
                return writer.finish()
            }
            var walk = SanitizerWalk(tree: HTMLTree.parse(bytes), baseURL: nil, capacity: bytes.count, singleLine: true)
            walk.run()
            return walk.plain.finish()
        }
    }

    /// Hashtags in a plain-text field (JSON Feed `content_text`, titles), by the same rule.
    public static func hashtags(inPlainText text: String) -> [String] {
        withUTF8(text) { bytes in
            var scanner = HashtagScanner()
            scanner.scan(bytes, before: nil)
            return scanner.tags
        }
    }

    /// Text with no `<`, `&` or NUL: the HTML is the text with `>` escaped.
    private static func plainBody(_ bytes: UnsafeBufferPointer<UInt8>) -> SanitizedHTML {
        var html: [UInt8] = []
        html.reserveCapacity(bytes.count)
        HTMLEscaper.appendText(bytes, to: &html)
        var plain = PlainTextWriter(capacity: bytes.count)
        plain.append(bytes)
        var scanner = HashtagScanner()
        if bytes.contains(0x23) { scanner.scan(bytes, before: nil) }
        return SanitizedHTML(html: String(decoding: html, as: UTF8.self), plainText: plain.finish(), hashtags: scanner.tags)
    }

    /// Whether `bytes` holds `<`, `&` or NUL, i.e. needs the full pipeline.
    private static func hasMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == 0x3C || $0 == 0x26 || $0 == 0 }
    }

    /// Runs `body` over the UTF-8 of `string`, copying only when it is not contiguous.
    private static func withUTF8<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }
}
