/// Instagram media → `Post`, as the fixtures README's mapping table says.
enum InstagramGraphAPIMapping {
    /// The author of an account feed's posts: the profile, with the media's `username` first.
    /// Hashtag media has no owner, so its posts pass nil and get an empty author.
    struct Owner: Sendable {
        var name: String?
        var username: String?
        var profileImageUrl: String?
    }

    /// The post of one media object; `owner` is nil for hashtag media.
    static func post(_ media: InstagramMedia, owner: Owner?) -> Post {
        let caption = SocialText.nonEmpty(media.caption)
        let isVideo = isVideo(media.mediaType) || media.mediaProductType?.uppercased() == "REELS"
        let (images, videos) = visuals(media)
        return Post(
            channel: "instagram",
            sourceId: media.id,
            sourceUrl: SocialText.nonEmpty(media.permalink),
            textRich: caption.map(richText),
            textPlain: caption,
            publishedAt: MetaGraph.date(media.timestamp),
            from: author(media, owner: owner),
            tags: SocialText.hashtags(in: caption),
            images: images,
            videos: videos,
            // README: `video` for VIDEO/REELS, else `image`, whatever a carousel holds.
            kind: isVideo ? .video : .image)
    }

    /// The caption as HTML: escaped, `<br>` for newlines, `#tag` and `@user` linked; URLs are
    /// not links (the README's mapping links tags and mentions only, as Instagram shows captions).
    static func richText(_ caption: String) -> String {
        SocialText.richText(
            caption,
            hashtagURL: { "https://www.instagram.com/explore/tags/\($0)/" },
            mentionURL: profileURL, linkURLs: false)
    }

    /// `https://www.instagram.com/{username}/`.
    static func profileURL(_ username: String) -> String { "https://www.instagram.com/\(username)/" }

    /// `from.*`: the profile's name and picture, the media's (else the profile's) username.
    private static func author(_ media: InstagramMedia, owner: Owner?) -> PostAuthor {
        guard let owner else { return PostAuthor() }
        let username = SocialText.nonEmpty(media.username) ?? SocialText.nonEmpty(owner.username)
        return PostAuthor(
            name: PlainTextRenderer.line(owner.name), username: username,
            profileUrl: username.map(profileURL), profileImageUrl: SocialText.nonEmpty(owner.profileImageUrl))
    }

    /// Images and videos (README): an image's `media_url`; a video's `thumbnail_url` as poster
    /// and its `media_url` as a file, or a link to the permalink when it has none
    /// (copyright-flagged); an album's children the same way, the album's own `media_url`
    /// only when it lists no children.
    private static func visuals(_ media: InstagramMedia) -> ([PostImage], [PostVideo]) {
        var images = UniqueList(caseInsensitive: false)
        var videos: [PostVideo] = []
        let permalink = SocialText.nonEmpty(media.permalink)
        func add(type: String?, mediaUrl: String?, thumbnailUrl: String?) {
            let mediaUrl = SocialText.nonEmpty(mediaUrl)
            if isVideo(type) {
                if let poster = SocialText.nonEmpty(thumbnailUrl) { images.append(poster) }
                let video = mediaUrl.map { PostVideo(type: .file, url: $0) } ?? permalink.map { PostVideo(type: .link, url: $0) }
                if let video, !videos.contains(video) { videos.append(video) }
            } else if let mediaUrl {
                images.append(mediaUrl)
            }
        }
        let children = media.children?.data ?? []
        if media.mediaType?.uppercased() == "CAROUSEL_ALBUM", !children.isEmpty {
            for child in children { add(type: child.mediaType, mediaUrl: child.mediaUrl, thumbnailUrl: child.thumbnailUrl) }
        } else {
            add(type: isVideo(media.mediaType) || media.mediaProductType?.uppercased() == "REELS" ? "VIDEO" : media.mediaType,
                mediaUrl: media.mediaUrl, thumbnailUrl: media.thumbnailUrl)
        }
        return (images.items.map { PostImage(url: $0) }, videos)
    }

    /// Whether a `media_type` is a video (`VIDEO`; `REELS` in older answers).
    private static func isVideo(_ type: String?) -> Bool {
        guard let type = type?.uppercased() else { return false }
        return type == "VIDEO" || type == "REELS"
    }
}
