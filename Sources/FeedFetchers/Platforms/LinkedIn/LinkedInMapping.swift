import Foundation

/// Turns LinkedIn posts into `Post`s, per the mapping in fixtures/platforms/linkedin/README.md.
enum LinkedInMapping {
    /// The image and video URNs of one page, resolved by the batch lookups.
    struct Media: Sendable {
        var images: [String: LinkedInImage] = [:]
        var videos: [String: LinkedInVideo] = [:]
    }

    /// The organization as a post's author (`logoV2` is a media asset URN needing another lookup: no image).
    static func author(name: String?, vanityName: String?) -> PostAuthor {
        let vanity = SocialText.nonEmpty(vanityName)
        return PostAuthor(name: PlainTextRenderer.line(name), username: vanity,
                          profileUrl: vanity.map { "https://www.linkedin.com/company/\($0)/" })
    }

    /// The image URNs the posts reference, each once, in order: multi-images, media, article thumbnails.
    static func imageURNs(_ posts: [LinkedInPost]) -> [String] {
        var urns: [String] = []
        for post in posts {
            let content = post.content
            urns += (content?.multiImage?.images ?? []).compactMap(\.id)
            if let id = content?.media?.id { urns.append(id) }
            if let thumbnail = content?.article?.thumbnail { urns.append(thumbnail) }
        }
        return unique(urns.filter { $0.hasPrefix("urn:li:image:") })
    }

    /// The video URNs the posts reference, each once, in order.
    static func videoURNs(_ posts: [LinkedInPost]) -> [String] {
        unique(posts.compactMap { $0.content?.media?.id }.filter { $0.hasPrefix("urn:li:video:") })
    }

    /// The post, or nil when it has no id.
    static func post(_ element: LinkedInPost, author: PostAuthor, media: Media) -> Post? {
        guard let id = SocialText.nonEmpty(element.id) else { return nil }
        let pieces = LinkedInLittleText.pieces(element.commentary ?? "")
        let plain = SocialText.nonEmpty(LinkedInLittleText.plain(pieces))
        var images: [PostImage] = []
        var videos: [PostVideo] = []
        let content = element.content
        for image in content?.multiImage?.images ?? [] {
            if let url = imageURL(image.id, media) { images.append(PostImage(url: url, altText: altText(image.altText))) }
        }
        if let item = content?.media, let urn = item.id {
            if let video = media.videos[urn] {
                if let url = SocialText.nonEmpty(video.downloadUrl) { videos.append(PostVideo(type: .file, url: url)) }
                if let poster = SocialText.nonEmpty(video.thumbnail) { images.append(PostImage(url: poster, altText: altText(item.altText))) }
            } else if let url = imageURL(urn, media) {
                images.append(PostImage(url: url, altText: altText(item.altText)))
            }
        }
        let hasMediaImages = !images.isEmpty
        var attachments: [PostAttachment] = []
        if let article = content?.article {
            if let url = imageURL(article.thumbnail, media) { images.append(PostImage(url: url, altText: altText(article.thumbnailAltText))) }
            attachments.append(PostAttachment(type: "link", fields: [
                ("url", value(article.source)), ("title", value(article.title)), ("snippet", value(article.description)),
            ]))
        }
        let isLink = content?.article != nil || SocialText.nonEmpty(element.contentLandingPage) != nil
        let kind: PostType = !videos.isEmpty ? .video : hasMediaImages ? .image : isLink ? .link : .text
        let published = element.publishedAt ?? element.createdAt
        return Post(
            channel: "linkedin", sourceId: id, sourceUrl: "https://www.linkedin.com/feed/update/\(id)/",
            textRich: plain.map { _ in LinkedInLittleText.rich(pieces) }, textPlain: plain,
            publishedAt: published.map { Date(timeIntervalSince1970: $0 / 1000) }, from: author,
            tags: SocialText.uniqueTags(LinkedInLittleText.tags(pieces)), images: uniqueImages(images), videos: videos,
            attachments: attachments, kind: kind)
    }

    /// The download URL of an image URN (or the URL itself, when a thumbnail is one already).
    private static func imageURL(_ reference: String?, _ media: Media) -> String? {
        guard let reference = SocialText.nonEmpty(reference) else { return nil }
        if reference.hasPrefix("https://") || reference.hasPrefix("http://") { return reference }
        return SocialText.nonEmpty(media.images[reference]?.downloadUrl)
    }

    /// Alternative text; `""` is none.
    private static func altText(_ text: String?) -> String? { SocialText.nonEmpty(text) }

    /// An attachment member: the text, or `null`.
    private static func value(_ text: String?) -> AttachmentValue {
        SocialText.nonEmpty(text).map(AttachmentValue.string) ?? .null
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    private static func uniqueImages(_ images: [PostImage]) -> [PostImage] {
        var seen: Set<String> = []
        return images.filter { seen.insert($0.url).inserted }
    }
}
