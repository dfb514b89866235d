import Foundation

/// Recognises links to the pages of well-known video hosts (SPEC §2 `videos`, type `link`).
enum VideoPages {
    /// True for a YouTube watch/shorts/youtu.be, Vimeo, Dailymotion or TikTok video page.
    static func isVideoPage(_ url: String) -> Bool {
        guard let parts = WebAddress(url) else { return false }
        let host = parts.host.hasPrefix("www.") ? String(parts.host.dropFirst(4)) : parts.host
        let path = parts.path
        switch host {
        case "youtube.com", "m.youtube.com":
            return (path == "/watch" && parts.query.contains("v=")) || path.hasPrefix("/shorts/")
        case "youtu.be":
            return path.count > 1
        case "vimeo.com":
            return path.split(separator: "/").last.map { $0.allSatisfy(\.isASCIIDigit) && !$0.isEmpty } ?? false
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
        guard let path = WebAddress(url)?.path, let dot = path.lastIndex(of: ".") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }
}

/// The host, path and query of an absolute http(s) URL, lower-cased host.
struct WebAddress {
    var host: String
    var path: String
    var query: String

    init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = rest[..<hostEnd]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        self.host = host.lowercased()
        let afterHost = rest[hostEnd...]
        let fragmentless = afterHost.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let pieces = fragmentless.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = pieces.first.map(String.init) ?? ""
        self.query = pieces.count > 1 ? String(pieces[1]) : ""
    }
}

extension Character {
    /// 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
