/// Recognises links to the pages of well-known video hosts (SPEC §2 `videos`, type `link`).
enum VideoPages {
    /// True for a YouTube watch/shorts/youtu.be, Vimeo, Dailymotion or TikTok video page.
    static func isVideoPage(_ url: String) -> Bool {
        guard let parts = WebAddress(url) else { return false }
        let host = parts.host.hasPrefix("www.") ? String(parts.host.dropFirst(4)) : parts.host
        let path = parts.path
        switch host {
        case "youtube.com", "m.youtube.com":
            return (path == "/watch" && (parts.query.hasPrefix("v=") || parts.query.contains("&v="))) || path.hasPrefix("/shorts/")
        case "youtu.be":
            return path.utf8.count > 1
        case "vimeo.com":
            guard let last = path.split(separator: "/").last else { return false }
            return last.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        case "dailymotion.com":
            return path.hasPrefix("/video/")
        case "tiktok.com":
            return path.contains("/video/")
        default:
            return false
        }
    }
}

/// Recognises image URLs by their file extension, for media elements that say nothing else.
enum ImageURL {
    private static let extensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "svg"]

    /// True when the URL's path ends in an image file extension.
    static func looksLikeImage(_ url: String) -> Bool {
        guard let path = WebAddress(url)?.path, let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return extensions.contains(String(path[path.index(after: dot)...]).lowercased())
    }
}

/// The lower-cased host (without port), the path and the query of an absolute http(s) URL,
/// split on bytes.
public struct WebAddress: Sendable, Equatable {
    public var host: String
    public var path: String
    public var query: String

    /// Splits `url`; nil when it has no `://`.
    public init?(_ url: String) {
        let bytes = Array(url.utf8)
        guard let schemeEnd = Self.find(bytes, [0x3A, 0x2F, 0x2F], from: 0) else { return nil }  // "://"
        var index = schemeEnd + 3
        let hostStart = index
        while index < bytes.count, bytes[index] != 0x2F, bytes[index] != 0x3F, bytes[index] != 0x23 { index += 1 }
        var authority = bytes[hostStart..<index]
        if let at = authority.lastIndex(of: 0x40) { authority = authority[(at + 1)...] }
        if let colon = authority.lastIndex(of: 0x3A) { authority = authority[..<colon] }
        host = String(decoding: authority.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        let pathStart = index
        while index < bytes.count, bytes[index] != 0x3F, bytes[index] != 0x23 { index += 1 }
        path = String(decoding: bytes[pathStart..<index], as: UTF8.self)
        var queryEnd = index
        if index < bytes.count, bytes[index] == 0x3F {
            queryEnd = index + 1
            while queryEnd < bytes.count, bytes[queryEnd] != 0x23 { queryEnd += 1 }
            query = String(decoding: bytes[(index + 1)..<queryEnd], as: UTF8.self)
        } else {
            query = ""
        }
    }

    private static func find(_ bytes: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
