/// Turns the raw feed-level elements into `FeedInfo` (SPEC §2 `feed`).
enum FeedInfoNormalizer {
    /// Normalizes the header of a document of the given format.
    static func info(format: FeedFormat, header: RawFeedHeader, rootLanguage: String?) -> FeedInfo {
        let alternate = header.links.first { $0.rel == nil || $0.rel == "alternate" }?.href
        let link = [header.link, alternate].lazy.compactMap { $0 }.first { URLResolver.isHTTP($0) }
        let image = [header.imageURL, header.logoURL, header.iconURL, header.itunesImageURL]
            .lazy.compactMap { $0 }.first { URLResolver.isHTTP($0) }
        return FeedInfo(
            format: format,
            title: (header.title ?? header.fallbackTitle).flatMap(PlainTextRenderer.text(of:)),
            link: link,
            description: header.description.flatMap(PlainTextRenderer.text(of:)),
            language: header.language ?? rootLanguage,
            imageUrl: image,
            ttlMinutes: header.ttl.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        )
    }

    /// The feed's author, the fallback for entries without one: the lowest-ranked named author.
    static func author(_ header: RawFeedHeader) -> RawAuthor? {
        header.authors.filter { $0.name != nil }.min { $0.rank < $1.rank }
    }
}
