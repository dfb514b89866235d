import Foundation

/// Vimeo videos as `Post`s, field by field as the fixtures README's mapping table says.
enum VimeoMapping {
    /// The widest picture a wall needs: larger sizes are left out.
    static let maxImageWidth = 1920

    /// Whether a wall can show `video`: embeddable anywhere, watchable by anybody (or by link), available.
    static func isShowable(_ video: VimeoVideo) -> Bool {
        video.privacy?.embed == "public"
            && ["anybody", "unlisted"].contains(video.privacy?.view ?? "")
            && video.status == "available"
    }

    /// The numeric id of `/videos/{id}` (an unlisted video's `:hash` left out).
    static func id(_ video: VimeoVideo) -> String? {
        guard let uri = video.uri, let range = uri.range(of: "/videos/") else { return nil }
        let id = uri[range.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        return id.isEmpty ? nil : String(id)
    }

    /// One video.
    static func post(_ video: VimeoVideo) -> Post {
        let title = SocialText.nonEmpty(video.name)
        let description = SocialText.nonEmpty(video.description)
        let profile = SocialText.nonEmpty(video.user?.link)
        let poster = largest(video.pictures?.sizes ?? [], upTo: maxImageWidth)
        return Post(
            channel: "vimeo",
            sourceId: id(video),
            sourceUrl: SocialText.nonEmpty(video.link),
            title: title,
            textRich: description.map { SocialText.richText($0) },
            textPlain: description,
            publishedAt: (video.releaseTime.flatMap(FeedDate.parse)) ?? video.createdTime.flatMap(FeedDate.parse),
            from: PostAuthor(
                name: PlainTextRenderer.line(video.user?.name),
                username: profile.flatMap(lastPathSegment),
                profileUrl: profile,
                profileImageUrl: largest(video.user?.pictures?.sizes ?? [], upTo: nil)),
            tags: SocialText.uniqueTags((video.tags ?? []).compactMap(\.name)),
            images: poster.map { [PostImage(url: $0, altText: title)] } ?? [],
            videos: SocialText.nonEmpty(video.playerEmbedUrl).map { [PostVideo(type: .iframe, url: $0)] } ?? [],
            kind: .video)
    }

    /// The link of the widest size no wider than `limit` (nil: any); the narrowest when all are wider.
    static func largest(_ sizes: [VimeoPictureSize], upTo limit: Int?) -> String? {
        let usable = sizes.filter { SocialText.nonEmpty($0.link) != nil }
        let fitting = usable.filter { limit == nil || ($0.width ?? 0) <= (limit ?? 0) }
        if let best = fitting.max(by: { ($0.width ?? 0) < ($1.width ?? 0) }) { return best.link }
        return usable.min(by: { ($0.width ?? 0) < ($1.width ?? 0) })?.link
    }

    /// The last non-empty path segment of a URL (`https://vimeo.com/kettleandcrow` → `kettleandcrow`).
    static func lastPathSegment(_ url: String) -> String? {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let afterHost = path.range(of: "://").map { String(path[$0.upperBound...]) } ?? path
        let segments = afterHost.split(separator: "/").dropFirst()
        return segments.last.map(String.init)
    }
}
