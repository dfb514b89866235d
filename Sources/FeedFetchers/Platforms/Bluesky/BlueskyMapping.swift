import Foundation

/// Turns Bluesky post views into `Post`s, per the mapping in fixtures/platforms/bluesky/README.md.
enum BlueskyMapping {
    static let channel = "bluesky"

    /// The post, or nil when it has no URI.
    static func post(_ view: BlueskyPostView, now: Date) -> Post? {
        guard let uri = SocialText.nonEmpty(view.uri) else { return nil }
        let author = view.author
        let handle = SocialText.nonEmpty(author?.handle).flatMap { $0 == "handle.invalid" ? nil : $0 } ?? author?.did
        let rkey = uri.split(separator: "/").last.map(String.init) ?? uri
        let text = view.record?.text ?? ""
        let facets = view.record?.facets ?? []
        let plain = SocialText.nonEmpty(text)
        var post = Post(
            channel: channel, sourceId: uri, sourceUrl: handle.map { "https://bsky.app/profile/\($0)/post/\(rkey)" },
            textRich: plain.map { _ in richText(text, facets: facets) }, textPlain: plain,
            publishedAt: published(view, now: now),
            from: PostAuthor(name: PlainTextRenderer.line(author?.displayName) ?? handle, username: handle,
                             profileUrl: handle.map { "https://bsky.app/profile/\($0)" }, profileImageUrl: SocialText.nonEmpty(author?.avatar)),
            tags: SocialText.uniqueTags(tags(facets) + (view.record?.tags ?? [])), kind: .text)
        if let embed = view.embed {
            add(embed.content, to: &post)
            if let media = embed.media { add(media, to: &post) }
        }
        return post
    }

    /// `record.createdAt`; `indexedAt` when the creation time is missing or in the future.
    static func published(_ view: BlueskyPostView, now: Date) -> Date? {
        let created = view.record?.createdAt.flatMap(FeedDate.parse)
        if let created, created <= now { return created }
        return view.indexedAt.flatMap(FeedDate.parse) ?? created
    }

    /// The `#tag` facet features, in order.
    static func tags(_ facets: [BlueskyFacet]) -> [String] {
        facets.flatMap { $0.features ?? [] }.filter { $0.type == "app.bsky.richtext.facet#tag" }.compactMap { SocialText.nonEmpty($0.tag) }
    }

    /// The text as HTML with its facets applied over their UTF-8 byte ranges: links, mentions
    /// (to the profile by DID) and tags (to the hashtag page); the rest escaped, line breaks as `<br>`.
    static func richText(_ text: String, facets: [BlueskyFacet]) -> String {
        let bytes = Array(text.utf8)
        let spans = facets.compactMap { facet -> (start: Int, end: Int, url: String)? in
            guard let start = facet.index?.byteStart, let end = facet.index?.byteEnd, start >= 0, start < end, end <= bytes.count,
                  isBoundary(bytes, start), isBoundary(bytes, end),
                  let url = facet.features?.lazy.compactMap(link).first else { return nil }
            return (start, end, url)
        }.sorted { $0.start < $1.start }
        var out = ""
        var position = 0
        for span in spans where span.start >= position {
            out += plainHTML(bytes[position..<span.start])
            out += SocialText.link(span.url, String(decoding: bytes[span.start..<span.end], as: UTF8.self))
            position = span.end
        }
        return out + plainHTML(bytes[position...])
    }

    /// Where a facet feature links; nil for unknown features and non-web links.
    private static func link(_ feature: BlueskyFeature) -> String? {
        switch feature.type {
        case "app.bsky.richtext.facet#link":
            guard let uri = SocialText.nonEmpty(feature.uri), uri.lowercased().hasPrefix("https://") || uri.lowercased().hasPrefix("http://") else { return nil }
            return uri
        case "app.bsky.richtext.facet#mention":
            return SocialText.nonEmpty(feature.did).map { "https://bsky.app/profile/\($0)" }
        case "app.bsky.richtext.facet#tag":
            return SocialText.nonEmpty(feature.tag).map { "https://bsky.app/hashtag/\($0)" }
        default:
            return nil
        }
    }

    /// Adds an embed's media: images, a video with its poster, or a link card (its thumbnail and a link attachment).
    private static func add(_ media: BlueskyMediaView, to post: inout Post) {
        switch media.type {
        case "app.bsky.embed.images#view":
            for image in media.images ?? [] {
                if let url = SocialText.nonEmpty(image.fullsize) ?? SocialText.nonEmpty(image.thumb) {
                    append(PostImage(url: url, altText: SocialText.nonEmpty(image.alt)), to: &post)
                }
            }
            if !post.images.isEmpty, post.kind != .video { post.kind = .image }
        case "app.bsky.embed.video#view":
            guard let playlist = SocialText.nonEmpty(media.playlist) else { return }
            post.videos.append(PostVideo(type: .file, url: playlist))
            if let poster = SocialText.nonEmpty(media.thumbnail) { append(PostImage(url: poster, altText: SocialText.nonEmpty(media.alt)), to: &post) }
            post.kind = .video
        case "app.bsky.embed.external#view":
            guard let external = media.external, let uri = SocialText.nonEmpty(external.uri) else { return }
            if let thumb = SocialText.nonEmpty(external.thumb) { append(PostImage(url: thumb), to: &post) }
            post.attachments.append(PostAttachment(type: "link", fields: [
                ("url", .string(uri)), ("title", value(external.title)), ("snippet", value(external.description)),
            ]))
            if post.kind == .text { post.kind = .link }
        default:
            return
        }
    }

    private static func append(_ image: PostImage, to post: inout Post) {
        if !post.images.contains(where: { $0.url == image.url }) { post.images.append(image) }
    }

    /// An attachment member: the text, or `null`.
    private static func value(_ text: String?) -> AttachmentValue {
        SocialText.nonEmpty(text).map(AttachmentValue.string) ?? .null
    }

    /// Bytes as HTML text: escaped, line breaks as `<br>`.
    private static func plainHTML(_ bytes: ArraySlice<UInt8>) -> String {
        SocialText.escape(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: ""))
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    /// Whether `index` starts a UTF-8 character (or is the end).
    private static func isBoundary(_ bytes: [UInt8], _ index: Int) -> Bool {
        index == bytes.count || bytes[index] & 0xC0 != 0x80
    }
}
