import Foundation

/// Maps a Pinterest RSS item to a `Post` as the fixtures README's table says.
enum PinterestMapping {
    /// The base relative pin links and images resolve against (the board feed's anchors are relative).
    static let base = "https://www.pinterest.com/"

    /// The post of one item. `profileName` is the profile feed's `channel/title` (nil for a board feed).
    static func post(_ item: PinterestItem, address: PinterestAddress, profileName: String?) -> Post {
        let description = item.description ?? ""
        let (media, caption) = split(description)
        // The caption is HTML inside the XML text: decoding it is the second unescaping.
        let text = SocialText.nonEmpty(caption).map { HTMLSanitizer.sanitize($0, baseURL: base) }
        let image = (media.isEmpty ? nil : HTMLSanitizer.sanitize(media, baseURL: base).images.first)
            ?? HTMLSanitizer.sanitize(description, baseURL: base).images.first
        var post = Post(channel: "pinterest")
        post.sourceId = pinId(item.guid) ?? pinId(item.link) ?? item.guid
        post.sourceUrl = item.link.flatMap { URLResolver.resolve($0, against: base) }.flatMap { URLResolver.isHTTP($0) ? $0 : nil }
        post.title = item.title
        post.textPlain = text.flatMap { SocialText.nonEmpty($0.plainText) }
        post.textRich = text.flatMap { SocialText.nonEmpty($0.html) }
        post.publishedAt = item.pubDate.flatMap(FeedDate.parse)
        // A board's title is not a person: only the profile feed's title names the pinner.
        post.from = PostAuthor(name: PlainTextRenderer.line(profileName) ?? address.user, username: address.user, profileUrl: address.profileURL)
        post.tags = text?.hashtags ?? []
        if let image {
            post.images = [PostImage(url: largeImage(image.url), altText: item.title)]
        }
        post.kind = post.images.isEmpty ? .link : .image
        return post
    }

    /// The description split into its leading `<a><img></a>` (or bare `<img>`) and the caption after it.
    static func split(_ html: String) -> (media: String, caption: String) {
        var rest = html[...]
        func skipSpace() { rest = rest.drop { $0.isWhitespace } }
        func takeTag(_ name: String) -> Bool {
            guard rest.lowercased().hasPrefix("<" + name),
                  let next = rest.dropFirst(name.count + 1).first, next.isWhitespace || next == ">" || next == "/",
                  let end = rest.firstIndex(of: ">") else { return false }
            rest = rest[rest.index(after: end)...]
            return true
        }
        skipSpace()
        let anchored = takeTag("a")
        skipSpace()
        guard takeTag("img") else { return ("", html) }
        skipSpace()
        if anchored, rest.lowercased().hasPrefix("</a>") { rest = rest.dropFirst(4) }
        let media = String(html[..<rest.startIndex])
        return (media, String(rest))
    }

    /// The pin id of `https://www.pinterest.com/pin/{id}/`.
    static func pinId(_ url: String?) -> String? {
        guard let url, let range = url.range(of: "/pin/") else { return nil }
        let id = url[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return id.isEmpty ? nil : String(id)
    }

    /// The 736 px version of a pin image (the feed links the 236 px thumbnail).
    static func largeImage(_ url: String) -> String {
        url.replacingOccurrences(of: "/236x/", with: "/736x/")
    }
}
