/// Helpers every platform adapter shares for the posts it returns.
public enum PostOrdering {
    /// `posts` newest first by `publishedAt`; stable, so posts of equal date keep their order
    /// and undated ones come last in theirs (a playlist or a page lists in its own order).
    public static func newestFirst(_ posts: [Post]) -> [Post] {
        posts.enumerated().sorted { lhs, rhs in
            switch (lhs.element.publishedAt, rhs.element.publishedAt) {
            case let (left?, right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    /// A stable id for an item the platform gives none (a legacy Google review, a Facebook
    /// recommendation): 16 hex digits of FNV-1a 64 of `text`. Not a secret and not a defence
    /// against collisions by design; it only has to stay the same from fetch to fetch.
    public static func stableId(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
