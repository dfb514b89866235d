/// Every platform adapter of this build, by feed service.
public enum PlatformAdapters {
    /// The adapters, in the order feed types are listed.
    public static let all: [any PlatformAdapter] = [
        TwitterAdapter(),
        PinterestAdapter(),
        YouTubeAdapter(),
        InstagramGraphAPIAdapter(),
        FacebookAdapter(),
        LinkedInAdapter(),
        TikTokAdapter(),
        GoogleReviewAdapter(),
        BlueskyAdapter(),
        FlickrAdapter(),
        VimeoAdapter(),
    ]

    /// The adapter of `service`, if this build fetches it.
    public static func adapter(for service: String) -> (any PlatformAdapter)? {
        byService[service]
    }

    private static let byService: [String: any PlatformAdapter] = Dictionary(
        all.map { ($0.service, $0) }, uniquingKeysWith: { first, _ in first })
}
