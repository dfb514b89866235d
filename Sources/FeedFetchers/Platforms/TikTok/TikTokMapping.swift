import Foundation

/// TikTok videos as `Post`s, field by field as the fixtures README's mapping table says.
enum TikTokMapping {
    /// One video of `creator`.
    static func post(_ video: TikTokVideo, creator: TikTokUser?) -> Post {
        let title = SocialText.nonEmpty(video.title)
        let description = SocialText.nonEmpty(video.videoDescription)
        let username = SocialText.nonEmpty(creator?.username)
        return Post(
            channel: "tiktok",
            sourceId: video.id,
            sourceUrl: SocialText.nonEmpty(video.shareUrl).map(withoutTracking)
                ?? username.flatMap { name in SocialText.nonEmpty(video.id).map { "https://www.tiktok.com/@\(name)/video/\($0)" } },
            title: title,
            // README: the escaped description with `#tags` linked (URLs stay text, as TikTok shows them).
            textRich: description.map { SocialText.richText($0, hashtagURL: { "https://www.tiktok.com/tag/\($0)" }, linkURLs: false) },
            textPlain: description,
            publishedAt: video.createTime.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            from: PostAuthor(
                name: PlainTextRenderer.line(creator?.displayName), username: username,
                profileUrl: username.map { "https://www.tiktok.com/@\($0)" } ?? SocialText.nonEmpty(creator?.profileDeepLink),
                profileImageUrl: SocialText.nonEmpty(creator?.avatarUrl)),
            tags: SocialText.uniqueTags(SocialText.hashtags(in: description)),
            images: SocialText.nonEmpty(video.coverImageUrl).map { [PostImage(url: $0, altText: title ?? description)] } ?? [],
            // The Display API gives no video file, only the embeddable player.
            videos: SocialText.nonEmpty(video.embedLink).map { [PostVideo(type: .iframe, url: $0)] } ?? [],
            kind: .video)
    }

    /// `url` without its `utm_*` parameters (and without `?` when none is left).
    static func withoutTracking(_ url: String) -> String {
        guard let queryStart = url.firstIndex(of: "?") else { return url }
        let fragmentStart = url[queryStart...].firstIndex(of: "#") ?? url.endIndex
        let kept = url[url.index(after: queryStart)..<fragmentStart].split(separator: "&").filter { pair in
            !pair.lowercased().hasPrefix("utm_")
        }
        return String(url[..<queryStart]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + url[fragmentStart...]
    }
}
