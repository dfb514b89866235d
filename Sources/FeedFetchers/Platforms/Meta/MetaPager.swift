/// Reads a Graph list page by page, newest first, the way the fixtures READMEs ask:
/// the next request is rebuilt from the `after` cursor (never from `paging.next`), and
/// reading stops at the last page, after `maxPages` pages or `maxPosts` items, on a page
/// holding an already-stored id (later fetches: there is no since-id), or on a page that
/// adds nothing new (`recent_media` may repeat its cursor). An older page that is missing or
/// unreadable ends the reading with what the newer pages gave; a refused token, a missing
/// permission or a rate limit ends the fetch wherever it happens.
struct MetaPager {
    /// Most items to collect.
    var maxItems: Int
    /// Most pages to read.
    var maxPages: Int

    /// A pager with the feed's limits.
    init(feed: PlatformFeed) {
        maxItems = max(1, feed.maxPosts)
        maxPages = max(1, feed.maxPages)
    }

    /// The items of every page read, each id once, newest first.
    ///
    /// `page` fetches the page after a cursor (nil: the newest page); `id` names an item;
    /// `isKnown` says whether an id is stored already.
    func collect<Item: Decodable & Sendable>(
        page: (String?) async throws(PlatformError) -> MetaList<Item>,
        id: (Item) -> String,
        isKnown: (String) -> Bool
    ) async throws(PlatformError) -> [Item] {
        var items: [Item] = []
        var seen: Set<String> = []
        var cursor: String?
        for _ in 0..<maxPages {
            let list: MetaList<Item>
            do {
                list = try await page(cursor)
            } catch {
                guard cursor != nil, Self.endsQuietly(error) else { throw error }
                return Array(items.prefix(maxItems))
            }
            var addedAny = false
            var reachedKnown = false
            for item in list.data ?? [] {
                let key = id(item)
                reachedKnown = reachedKnown || isKnown(key)
                guard seen.insert(key).inserted else { continue }
                items.append(item)
                addedAny = true
            }
            guard addedAny, !reachedKnown, items.count < maxItems,
                  let next = list.paging?.nextCursor else { break }
            cursor = next
        }
        return Array(items.prefix(maxItems))
    }

    /// Whether an older page's error only ends the reading: missing, unreadable, temporarily down.
    private static func endsQuietly(_ error: PlatformError) -> Bool {
        switch error {
        case .notFound, .failed, .unavailable: return true
        case .reconnect, .rateLimited, .misconfigured: return false
        }
    }
}
