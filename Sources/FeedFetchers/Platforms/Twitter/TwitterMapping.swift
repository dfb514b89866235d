import Foundation

/// X posts as `Post`s, field by field as the fixtures README's mapping table says.
enum TwitterMapping {
    /// The posts of one search page, in the page's order (newest first).
    static func posts(_ page: TwitterSearchResponse) -> [Post] {
        let users = Dictionary((page.includes?.users ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let media = Dictionary((page.includes?.media ?? []).map { ($0.mediaKey, $0) }, uniquingKeysWith: { first, _ in first })
        return (page.data ?? []).map { tweet in
            post(tweet, author: tweet.authorId.flatMap { users[$0] }, media: media)
        }
    }

    /// One post.
    static func post(_ tweet: TwitterTweet, author: TwitterUser?, media: [String: TwitterMedia]) -> Post {
        let username = SocialText.nonEmpty(author?.username)
        // Long posts: the full text and its entities live in `note_tweet`.
        let note = tweet.noteTweet.flatMap { SocialText.nonEmpty($0.text) != nil ? $0 : nil }
        let entities = note != nil ? note?.entities : tweet.entities
        let links = (entities?.urls ?? []) + (note != nil ? tweet.entities?.urls ?? [] : [])
        let text = TwitterText(raw: note?.text ?? tweet.text ?? "", tweetId: tweet.id, links: links)

        var images: [PostImage] = []
        var videos: [PostVideo] = []
        var seenKeys: Set<String> = []
        for key in tweet.attachments?.mediaKeys ?? [] where seenKeys.insert(key).inserted {
            guard let item = media[key] else { continue }
            if item.type == "photo" {
                if let url = SocialText.nonEmpty(item.url) { images.append(PostImage(url: url, altText: SocialText.nonEmpty(item.altText))) }
                continue
            }
            // Videos and animated GIFs: the poster as an image, the best mp4 as a file.
            if let poster = SocialText.nonEmpty(item.previewImageUrl) {
                images.append(PostImage(url: poster, altText: SocialText.nonEmpty(item.altText)))
            }
            if let file = bestMP4(item.variants ?? []) { videos.append(PostVideo(type: .file, url: file)) }
        }

        // X lists the hashtags; only a post without entities at all has its text read for them.
        let hashtags = entities.map { ($0.hashtags ?? []).compactMap(\.tag) } ?? SocialText.hashtags(in: text.plain)
        let hasCard = links.contains { SocialText.nonEmpty($0.unwoundUrl) != nil && !text.isRemovable($0) }
        let kind: PostType = !videos.isEmpty ? .video : !images.isEmpty ? .image : hasCard ? .link : .text

        return Post(
            channel: "twitter",
            sourceId: tweet.id,
            sourceUrl: username.map { "https://x.com/\($0)/status/\(tweet.id)" } ?? "https://x.com/i/web/status/\(tweet.id)",
            title: nil,
            textRich: SocialText.nonEmpty(text.plain).map { _ in text.rich },
            textPlain: SocialText.nonEmpty(text.plain),
            publishedAt: tweet.createdAt.flatMap(FeedDate.parse),
            from: PostAuthor(
                name: PlainTextRenderer.line(author?.name), username: username,
                profileUrl: username.map { "https://x.com/\($0)" },
                profileImageUrl: SocialText.nonEmpty(author?.profileImageUrl).map(largeAvatar)),
            tags: SocialText.uniqueTags(hashtags),
            images: images,
            videos: videos,
            kind: kind)
    }

    /// The `video/mp4` variant with the highest bit rate (an animated GIF's only one has `bit_rate: 0`); HLS is skipped.
    static func bestMP4(_ variants: [TwitterVariant]) -> String? {
        let files = variants.filter { $0.contentType?.lowercased() == "video/mp4" && SocialText.nonEmpty($0.url) != nil }
        // `max` keeps the first of equal bit rates when it compares with `<`.
        return files.max { ($0.bitRate ?? 0) < ($1.bitRate ?? 0) }?.url
    }

    /// A profile image at 400×400: X's `_normal` (48 px) suffix replaced by `_400x400`.
    static func largeAvatar(_ url: String) -> String {
        let queryStart = url.firstIndex(of: "?") ?? url.endIndex
        let fileStart = url[..<queryStart].lastIndex(of: "/").map { url.index(after: $0) } ?? url.startIndex
        guard let range = url[fileStart..<queryStart].range(of: "_normal", options: .backwards) else { return url }
        var result = url
        result.replaceSubrange(range, with: "_400x400")
        return result
    }
}
