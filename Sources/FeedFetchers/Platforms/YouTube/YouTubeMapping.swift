import Foundation

/// Maps a YouTube feed entry to a `Post`, field by field as the fixtures README's table says.
enum YouTubeMapping {
    /// What the feed does not say about the channel but a resolved channel page did.
    struct ChannelExtras: Sendable, Equatable {
        /// The handle without `@` (`from.username`).
        var handle: String?
        /// The page's `og:image` (`from.profileImageUrl`).
        var imageURL: String?
    }

    /// The post of one entry; nil when the entry names no video.
    static func post(_ entry: YouTubeEntry, extras: ChannelExtras = ChannelExtras()) -> Post? {
        guard let videoId = entry.resolvedVideoId else { return nil }
        let title = entry.title
        let description = entry.description.map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
            .flatMap { SocialText.nonEmpty($0)?.trimmingCharacters(in: .whitespacesAndNewlines) }
        var post = Post(channel: "youtube", kind: .video)
        post.sourceId = videoId
        post.sourceUrl = entry.link.flatMap { URLResolver.isHTTP($0) ? $0 : nil }
            ?? "https://www.youtube.com/watch?v=" + PlatformQuery.escape(videoId)
        post.title = title
        post.textPlain = description
        post.textRich = description.map(richText)
        // `published` orders the post; `updated` changes with statistics and must not re-order it.
        post.publishedAt = entry.published.flatMap(FeedDate.parse)
        post.from = PostAuthor(name: PlainTextRenderer.line(entry.authorName), username: extras.handle,
                               profileUrl: entry.authorURI.flatMap { URLResolver.isHTTP($0) ? $0 : nil },
                               profileImageUrl: extras.imageURL)
        post.tags = SocialText.uniqueTags(SocialText.hashtags(in: description) + SocialText.hashtags(in: title))
        if let thumbnail = entry.thumbnailURL, URLResolver.isHTTP(thumbnail) {
            post.images = [PostImage(url: thumbnail, altText: title)]
        }
        // `media:content` is a dead Flash URL (`/v/ID?version=3`); the player is the embed page.
        post.videos = [PostVideo(type: .iframe, url: "https://www.youtube.com/embed/" + PlatformQuery.escape(videoId))]
        return post
    }

    /// The description as HTML: escaped, blank-line-separated paragraphs as `<p>`, other
    /// line breaks as `<br>`, bare URLs linked.
    static func richText(_ description: String) -> String {
        var paragraphs: [[Substring]] = []
        var current: [Substring] = []
        for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs.map { "<p>" + SocialText.richText($0.joined(separator: "\n")) + "</p>" }.joined()
    }
}
