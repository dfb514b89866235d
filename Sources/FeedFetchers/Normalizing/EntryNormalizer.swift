import Foundation

/// Turns a raw entry into a `Post`, field by field as SPEC §2 defines each.
struct EntryNormalizer {
    /// The feed's own author, for entries that name none (SPEC §2 `from`).
    var feedAuthor: RawAuthor?

    /// Normalizes one entry.
    func post(from raw: RawEntry) -> Post {
        let sourceUrl = Self.link(of: raw)
        // Relative URLs of the body and media: xml:base, else the entry's own link, else the
        // feed's site or address (SPEC §2; a feed served from a feed host needs the entry's link).
        let base = sourceUrl ?? raw.siteLink ?? raw.documentURL
        let body = Self.body(of: raw).map { body in
            var located = body
            located.base = URLResolver.base(xmlBase: body.base, fallback: base)
            return BodyRenderer.render(located)
        }
        let media = raw.media.compactMap { item -> RawMedia? in
            guard let url = URLResolver.resolve(item.url, against: base) else { return nil }
            var resolved = item
            resolved.url = url
            return resolved
        }
        var post = Post(channel: "rss")
        post.sourceId = raw.id
        post.sourceUrl = sourceUrl
        post.title = (raw.title ?? raw.fallbackTitle).flatMap(PlainTextRenderer.text(of:))
        post.textRich = body.flatMap { $0.html.isEmpty ? nil : $0.html }
        post.textPlain = body.map(\.plainText)
        post.publishedAt = Self.date(of: raw)
        post.from = Self.author(raw.authors, fallback: feedAuthor)
        post.tags = Self.tags(categories: raw.categories, title: post.title, body: body)
        post.images = Self.images(media: media, body: body)
        post.videos = Self.videos(media: media, body: body, sourceUrl: sourceUrl)
        return post
    }

    /// Atom `rel="alternate"` (or no rel), else the RSS link, else a permalink guid (RSS 2.0:
    /// `isPermaLink` defaults to true). A relative one resolves against the feed's site link,
    /// else the document's address (as Miniflux). Only http(s): anything else is no link for an embed.
    static func link(of raw: RawEntry) -> String? {
        let candidates: [String?] = [
            raw.links.first { $0.rel == nil || $0.rel == "alternate" }?.href,
            raw.rssLink,
            raw.idIsPermalink ? raw.id.map { URLResolver.combine($0, base: raw.base) } : nil,
        ]
        let base = raw.siteLink ?? raw.documentURL
        return candidates.lazy.compactMap { $0 }.compactMap { URLResolver.resolve($0, against: base) }.first { URLResolver.isHTTP($0) }
    }

    /// The richest body that is not empty: content:encoded, atom:content, then
    /// description / atom:summary (SPEC §2 `textRich`); last, media:description, where
    /// YouTube and other video feeds put the only text an entry has.
    static func body(of raw: RawEntry) -> RawText? {
        [raw.contentEncoded, raw.content, raw.summary, raw.mediaDescription].lazy.compactMap { $0 }.first { !$0.value.trimmedWhitespace.isEmpty }
    }

    /// published / pubDate / dc:date / issued, else updated / modified (SPEC §2 `publishedAt`).
    static func date(of raw: RawEntry) -> Date? {
        raw.publishedDates.lazy.compactMap(FeedDate.parse).first ?? raw.updatedDates.lazy.compactMap(FeedDate.parse).first
    }

    /// author / dc:creator / itunes:author, else the feed's; the name as plain text, URIs only
    /// when http(s).
    static func author(_ authors: [RawAuthor], fallback: RawAuthor?) -> PostAuthor {
        let chosen = authors.filter { $0.name != nil || $0.uri != nil }.min { $0.rank < $1.rank } ?? fallback
        guard let chosen else { return PostAuthor() }
        return PostAuthor(name: PlainTextRenderer.line(chosen.name), profileUrl: chosen.uri.flatMap { URLResolver.isHTTP($0) ? $0 : nil })
    }

    /// Category terms as plain text, then hashtags of the title and body, each once (case-insensitive).
    static func tags(categories: [String], title: String?, body: SanitizedHTML?) -> [String] {
        var tags = UniqueList(caseInsensitive: true)
        for category in categories {
            if let term = PlainTextRenderer.line(category) { tags.append(term) }
        }
        if let title { for tag in HTMLSanitizer.hashtags(inPlainText: title) { tags.append(tag) } }
        for tag in body?.hashtags ?? [] { tags.append(tag) }
        return tags.items
    }

    /// media:content / media:thumbnail images, image enclosures, then `<img>` of the body.
    static func images(media: [RawMedia], body: SanitizedHTML?) -> [PostImage] {
        var seen = UniqueList(caseInsensitive: false)
        var images: [PostImage] = []
        let fromMedia = media.filter { $0.source != .enclosure && $0.isImage }
        let fromEnclosures = media.filter { $0.source == .enclosure && $0.isImage }
        for item in fromMedia + fromEnclosures where URLResolver.isHTTP(item.url) && seen.append(item.url) {
            images.append(PostImage(url: item.url, altText: item.altText))
        }
        for image in body?.images ?? [] where seen.append(image.url) {
            images.append(image)
        }
        return images
    }

    /// Video files (media:content, enclosures), embedded players of the body, and the entry's
    /// link when it is a video page.
    static func videos(media: [RawMedia], body: SanitizedHTML?, sourceUrl: String?) -> [PostVideo] {
        var seen = UniqueList(caseInsensitive: false)
        var videos: [PostVideo] = []
        for item in media where item.isVideo && URLResolver.isHTTP(item.url) && seen.append(item.url) {
            videos.append(PostVideo(type: .file, url: item.url))
        }
        for video in body?.videos ?? [] where seen.append(video.url) {
            videos.append(video)
        }
        if let sourceUrl, VideoPages.isVideoPage(sourceUrl), seen.append(sourceUrl) {
            videos.append(PostVideo(type: .link, url: sourceUrl))
        }
        return videos
    }
}

extension RawMedia {
    /// An image by Media RSS `medium`, MIME type, or (thumbnails) by definition.
    var isImage: Bool {
        if source == .mediaThumbnail { return true }
        if let medium { return medium == "image" }
        if let type { return type.hasPrefix("image/") }
        return source == .mediaContent && ImageURL.looksLikeImage(url)
    }

    /// A video by Media RSS `medium` or MIME type.
    var isVideo: Bool {
        guard source != .mediaThumbnail else { return false }
        if let medium { return medium == "video" }
        return type?.hasPrefix("video/") ?? false
    }
}
