/// Facebook Page posts and recommendations → `Post`, as the fixtures README's mapping tables say.
enum FacebookMapping {
    /// The post of one Page post; `page` gives the author.
    static func post(_ wire: FacebookPost, page: FacebookPage) -> Post {
        let message = SocialText.nonEmpty(wire.message)
        let attachment = wire.attachments?.data?.first
        var (images, videos) = visuals(attachment)
        if images.isEmpty, let picture = SocialText.nonEmpty(wire.fullPicture) { images = [PostImage(url: picture)] }
        let isShare = attachment?.type?.lowercased() == "share"
        let kind: PostType = isShare ? .link : !videos.isEmpty ? .video : !images.isEmpty ? .image : .text
        return Post(
            channel: "facebook",
            sourceId: wire.id,
            sourceUrl: SocialText.nonEmpty(wire.permalinkUrl),
            textRich: message.map(richText),
            textPlain: message,
            publishedAt: MetaGraph.date(wire.createdTime),
            from: author(page),
            tags: SocialText.hashtags(in: message),
            images: images,
            videos: videos,
            attachments: isShare ? attachment.map { [link($0)] } ?? [] : [],
            kind: kind)
    }

    /// The post of one recommendation: no author, the Page's reviews as link, a review attachment.
    static func review(_ rating: FacebookRating, page: FacebookPage) -> Post {
        let text = SocialText.nonEmpty(rating.reviewText)
        let pageLink = SocialText.nonEmpty(page.link)
        let attachment = PostAttachment(type: "review", fields: [
            ("pageName", value(page.name)),
            ("pageUrl", value(pageLink)),
            ("recommendationType", value(rating.recommendationType)),
        ])
        return Post(
            channel: "facebook",
            sourceId: reviewId(rating),
            sourceUrl: pageLink.map { trimmingSlash($0) + "/reviews" },
            textRich: text.map(richText),
            textPlain: text,
            publishedAt: MetaGraph.date(rating.createdTime),
            attachments: [attachment],
            kind: .review)
    }

    /// `open_graph_story.id`; without one, a stable hash of `created_time` and the text
    /// (README: the edge has no review id of its own), as `PostOrdering.stableId`.
    static func reviewId(_ rating: FacebookRating) -> String {
        if let id = SocialText.nonEmpty(rating.openGraphStory?.id) { return id }
        return PostOrdering.stableId((rating.createdTime ?? "") + "\n" + (rating.reviewText ?? ""))
    }

    /// A message as HTML: escaped, `<br>` for newlines, URLs and `#tags` linked to Facebook's hashtag pages.
    static func richText(_ message: String) -> String {
        SocialText.richText(message, hashtagURL: { "https://www.facebook.com/hashtag/\($0)" })
    }

    /// The Page as author: name, username, link and picture.
    private static func author(_ page: FacebookPage) -> PostAuthor {
        PostAuthor(name: PlainTextRenderer.line(page.name), username: SocialText.nonEmpty(page.username),
                   profileUrl: SocialText.nonEmpty(page.link), profileImageUrl: SocialText.nonEmpty(page.picture?.data?.url))
    }

    /// Images and videos of the first attachment (README): an album's subattachments, a
    /// video's poster and file (a link to it without one), else the attachment's image.
    private static func visuals(_ attachment: FacebookAttachment?) -> ([PostImage], [PostVideo]) {
        guard let attachment else { return ([], []) }
        var images = UniqueList(caseInsensitive: false)
        var videos: [PostVideo] = []
        func add(_ item: FacebookAttachment) {
            if let src = SocialText.nonEmpty(item.media?.image?.src) { images.append(src) }
            guard isVideo(item) else { return }
            let video = SocialText.nonEmpty(item.media?.source).map { PostVideo(type: .file, url: $0) }
                ?? (SocialText.nonEmpty(item.target?.url) ?? SocialText.nonEmpty(item.url)).map { PostVideo(type: .link, url: $0) }
            if let video, !videos.contains(video) { videos.append(video) }
        }
        let children = attachment.subattachments?.data ?? []
        if attachment.type?.lowercased() == "album", !children.isEmpty {
            children.forEach(add)
        } else {
            add(attachment)
        }
        return (images.items.map { PostImage(url: $0) }, videos)
    }

    /// Whether an attachment is a video (`video_inline`, `video_autoplay`, `media_type: video`).
    private static func isVideo(_ item: FacebookAttachment) -> Bool {
        item.type?.lowercased().hasPrefix("video") == true || item.mediaType?.lowercased() == "video"
    }

    /// A share's link attachment: the real URL (`unshimmed_url`, else the redirector's `u`), title and description.
    private static func link(_ attachment: FacebookAttachment) -> PostAttachment {
        let shimmed = SocialText.nonEmpty(attachment.target?.url) ?? SocialText.nonEmpty(attachment.url)
        let url = SocialText.nonEmpty(attachment.unshimmedUrl)
            ?? shimmed.map { unshim($0) }
        return PostAttachment(type: "link", fields: [
            ("url", value(url)), ("title", value(attachment.title)), ("snippet", value(attachment.description)),
        ])
    }

    /// The target of an `l.facebook.com/l.php?u=…` redirector; other URLs as they are.
    private static func unshim(_ url: String) -> String {
        guard url.contains("l.facebook.com/l.php"), let target = PlatformQuery.value("u", inURL: url),
              target.hasPrefix("http://") || target.hasPrefix("https://") else { return url }
        return target
    }

    /// A string member, or null when absent or empty.
    private static func value(_ text: String?) -> AttachmentValue {
        SocialText.nonEmpty(text).map { .string($0) } ?? .null
    }

    private static func trimmingSlash(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
