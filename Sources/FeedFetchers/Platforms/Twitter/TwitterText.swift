import Foundation

/// The text of an X post both ways the README asks: plain, with entities decoded and the
/// trailing `t.co` links to the post's own media or to itself removed; and rich, escaped,
/// with `t.co` links shown as the link they stand for and hashtags and mentions linked.
///
/// Links are found by their `url` text, not by the entity offsets: X does not say whether
/// offsets count the escaped text, and astral characters shift them (fixtures README quirks).
struct TwitterText {
    /// The text as a reader sees it.
    let plain: String
    /// The text as HTML.
    let rich: String
    private let tweetId: String

    /// Reads `raw` (`text` or `note_tweet.text`, HTML-escaped as X sends it) with the post's link entities.
    init(raw: String, tweetId: String, links: [TwitterURLEntity]) {
        self.tweetId = tweetId
        var text = SocialText.decodeEntities(raw)
        let removable = Set(links.filter { Self.isRemovable($0, tweetId: tweetId) }.compactMap(\.url))
        var trimmed = true
        while trimmed {
            trimmed = false
            let end = text.trimmingTrailingWhitespace()
            for url in removable where end.hasSuffix(url) {
                text = String(end.dropLast(url.count)).trimmingTrailingWhitespace()
                trimmed = true
                break
            }
        }
        plain = text
        var targets: [String: TwitterURLEntity] = [:]
        for link in links { if let url = SocialText.nonEmpty(link.url), targets[url] == nil { targets[url] = link } }
        rich = Self.richText(text, links: targets)
    }

    /// Whether `link` is one the plain text drops from its end: a media link or the post's own.
    func isRemovable(_ link: TwitterURLEntity) -> Bool { Self.isRemovable(link, tweetId: tweetId) }

    /// A media link (it has a `media_key`, or points at the post's own `/photo/1`, `/video/1`)
    /// or the post's own `x.com/i/web/status/{id}` link.
    static func isRemovable(_ link: TwitterURLEntity, tweetId: String) -> Bool {
        if link.mediaKey != nil { return true }
        guard let expanded = link.expandedUrl?.lowercased(),
              let afterScheme = expanded.range(of: "://").map({ expanded[$0.upperBound...] }) else { return false }
        let parts = afterScheme.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let host = parts.first, ["x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"].contains(host) else {
            return false
        }
        if parts.count >= 4, parts[1] == "i", parts[2] == "web", parts[3] == "status" {
            return parts.count >= 5 && parts[4] == tweetId
        }
        return parts.count >= 6 && parts[2] == "status" && parts[3] == tweetId && ["photo", "video"].contains(parts[4])
    }

    /// `text` escaped, each known `t.co` link as `<a href="{expanded_url}">{display_url}</a>`,
    /// hashtags linked to X's hashtag page and mentions to the profile.
    static func richText(_ text: String, links: [String: TwitterURLEntity]) -> String {
        var out = ""
        var rest = Substring(text)
        while let (range, link) = firstLink(in: rest, links: links) {
            out += social(rest[..<range.lowerBound])
            let url = link.url ?? ""
            out += SocialText.link(SocialText.nonEmpty(link.expandedUrl) ?? url, SocialText.nonEmpty(link.displayUrl) ?? url)
            rest = rest[range.upperBound...]
        }
        return out + social(rest)
    }

    /// The earliest known `t.co` link in `text` that is a whole URL (not the start of a longer one).
    private static func firstLink(in text: Substring, links: [String: TwitterURLEntity]) -> (Range<Substring.Index>, TwitterURLEntity)? {
        var best: (Range<Substring.Index>, TwitterURLEntity)?
        for (url, link) in links {
            var searchStart = text.startIndex
            while let range = text[searchStart...].range(of: url) {
                let next = range.upperBound < text.endIndex ? text[range.upperBound] : nil
                if next.map({ !($0.isLetter || $0.isNumber || $0 == "/" || $0 == "_") }) ?? true {
                    if best.map({ range.lowerBound < $0.0.lowerBound }) ?? true { best = (range, link) }
                    break
                }
                searchStart = range.upperBound
            }
        }
        return best
    }

    private static func social(_ text: Substring) -> String {
        SocialText.richText(String(text), hashtagURL: { "https://x.com/hashtag/\($0)" }, mentionURL: { "https://x.com/\($0)" },
                            mentionCharacters: { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") })
    }
}

extension String {
    /// The string without trailing white space and line breaks.
    fileprivate func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
