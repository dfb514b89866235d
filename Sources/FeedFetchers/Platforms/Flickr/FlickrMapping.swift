import Foundation

/// Maps Flickr feed photos (Atom, or the JSON fallback) to `Post`s as the fixtures README says.
enum FlickrMapping {
    /// The base for relative links in the feed's HTML.
    static let base = "https://www.flickr.com/"

    /// The post of an Atom entry.
    static func post(_ entry: FlickrAtomEntry) -> Post {
        let images = entry.enclosures.isEmpty ? imageInContent(entry.content).map { [$0] } ?? [] : entry.enclosures
        return post(
            photoId: photoId(atomId: entry.id) ?? photoId(link: entry.link), link: entry.link, title: entry.title,
            html: entry.content, published: entry.published,
            from: PostAuthor(name: PlainTextRenderer.line(entry.authorName), username: entry.nsid, profileUrl: http(entry.authorURI),
                             profileImageUrl: http(entry.buddyIcon)),
            images: images, tags: entry.categories)
    }

    /// The post of a JSON item: `media.m` swapped to the `_b` size, tags split on spaces, the
    /// author's name taken out of `nobody@flickr.com ("Name")`.
    static func post(_ item: FlickrJSONItem) -> Post {
        let title = item.title.map(SocialText.decodeEntities).flatMap(SocialText.nonEmpty)?.trimmingCharacters(in: .whitespacesAndNewlines)
        let profile = item.description.flatMap(profileURL(in:))
            ?? item.authorId.map { "https://www.flickr.com/people/\(PlatformQuery.escape($0, keeping: [UInt8(ascii: "@")]))/" }
        return post(
            photoId: photoId(link: item.link), link: item.link, title: title, html: item.description, published: item.published,
            from: PostAuthor(name: PlainTextRenderer.line(item.author.flatMap(authorName(in:))), username: item.authorId, profileUrl: profile),
            images: item.media?.m.map { [largeImage($0)] } ?? [],
            tags: (item.tags ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
    }

    /// The post both forms share.
    private static func post(photoId: String?, link: String?, title: String?, html: String?, published: String?,
                             from: PostAuthor, images: [String], tags: [String]) -> Post {
        let description = html.flatMap(description(in:)).map { HTMLSanitizer.sanitize($0, baseURL: base) }
        var post = Post(channel: "flickr")
        post.sourceId = photoId
        post.sourceUrl = http(link)
        post.title = title
        post.textPlain = description.flatMap { SocialText.nonEmpty($0.plainText) }
        post.textRich = description.flatMap { SocialText.nonEmpty($0.html) }
        post.publishedAt = published.flatMap(FeedDate.parse)
        post.from = from
        post.tags = SocialText.uniqueTags(tags)
        var seen: Set<String> = []
        post.images = images.compactMap(http).filter { seen.insert($0).inserted }.map { PostImage(url: $0, altText: title) }
        // Every entry is a photo to the README; Flickr videos appear as photos in this feed too.
        post.kind = .image
        return post
    }

    /// The photo's own description: the last paragraph after the boilerplate
    /// `<p><a>Name</a> posted a photo:</p> <p><a><img></a></p>`; nil when there is none.
    static func description(in html: String) -> String? {
        let paragraphs = self.paragraphs(html)
        let boilerplateEnd = paragraphs.firstIndex { $0.contains("<img") }
            ?? paragraphs.firstIndex { $0.contains("posted a photo:") || $0.contains("posted a video:") }
        let after = boilerplateEnd.map { paragraphs[($0 + 1)...] } ?? paragraphs[...]
        return after.last { SocialText.nonEmpty($0) != nil }
    }

    /// The inner HTML of each `<p>…</p>`, in order.
    static func paragraphs(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<p") {
            guard let next = rest[open.upperBound...].first, next == ">" || next == " ",
                  let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else {
                rest = rest[open.upperBound...]
                continue
            }
            let inner = rest[rest.index(after: tagEnd)...]
            let close = inner.range(of: "</p>")
            found.append(String(inner[..<(close?.lowerBound ?? inner.endIndex)]))
            rest = close.map { inner[$0.upperBound...] } ?? inner[inner.endIndex...]
        }
        return found
    }

    /// `{id}` of `tag:flickr.com,2005:/photo/{id}`.
    static func photoId(atomId: String?) -> String? {
        guard let atomId, let range = atomId.range(of: "/photo/") else { return nil }
        let id = atomId[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return id.isEmpty ? nil : String(id)
    }

    /// `{id}` of `https://www.flickr.com/photos/{user}/{id}/`.
    static func photoId(link: String?) -> String? {
        guard let link, let path = URLComponents(string: link)?.path else { return nil }
        let segments = path.split(separator: "/")
        guard segments.count >= 3, segments[0] == "photos", segments[2].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(segments[2])
    }

    /// The name in `nobody@flickr.com ("Kettle &amp; Crow")`, entities decoded.
    static func authorName(in author: String) -> String? {
        guard let open = author.range(of: "(\""), let close = author.range(of: "\")", options: .backwards),
              open.upperBound <= close.lowerBound else { return SocialText.nonEmpty(author) }
        return SocialText.nonEmpty(SocialText.decodeEntities(String(author[open.upperBound..<close.lowerBound])))
    }

    /// The `https://www.flickr.com/people/…/` link of the boilerplate.
    static func profileURL(in html: String) -> String? {
        guard let start = html.range(of: "https://www.flickr.com/people/") else { return nil }
        let url = html[start.lowerBound...].prefix { $0 != "\"" && $0 != "'" && !$0.isWhitespace && $0 != ">" }
        return String(url)
    }

    /// The `_b` (1024 px) file of a `_m` (240 px) image URL.
    static func largeImage(_ url: String) -> String {
        url.replacingOccurrences(of: "_m.", with: "_b.")
    }

    /// The `<img>` of the content's boilerplate, at the `_b` size: for entries without an enclosure.
    private static func imageInContent(_ html: String?) -> String? {
        guard let html else { return nil }
        return HTMLSanitizer.sanitize(html, baseURL: base).images.first.map { largeImage($0.url) }
    }

    private static func http(_ url: String?) -> String? {
        url.flatMap { URLResolver.isHTTP($0) ? $0 : nil }
    }
}
