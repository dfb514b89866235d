import Foundation
import GRDB
import Moderation

extension SQLiteStore {
    /// One page in the total order of SPEC §3.3: `(pinned DESC, order_key DESC, id DESC)`,
    /// where pinned posts carry minus their pin index as key. Keyset pagination on that
    /// triple, which the `posts_page` index serves directly.
    public func posts(_ query: PostQuery) throws -> PostPage {
        try writer.read { db in
            if query.order == .random { return PostPage(posts: try Self.randomPosts(db, query), older: nil, newer: nil) }
            let watermark = PostCursor(shownSince: try Self.shownWatermark(db, siteId: query.siteId))
            if let since = query.cursor?.shownSince { return try Self.shownSince(db, query, since: since, watermark: watermark) }
            let newer = query.cursor?.direction == .newer
            // The order is one index range per value of `pinned`; reading them as two ranges
            // lets SQLite seek straight to the cursor instead of scanning up to it.
            let segments: [Int64] = newer ? [0, 1] : [1, 0]
            var rows: [StoredPost] = []
            for pinned in segments where rows.count <= query.count {
                if let cursor = query.cursor {
                    // Segments wholly on the far side of the cursor have nothing to give.
                    if newer ? pinned < cursor.pinned : pinned > cursor.pinned { continue }
                }
                rows += try Self.segment(db, query, pinned: pinned, limit: query.count + 1 - rows.count)
            }
            let more = rows.count > query.count
            if more { rows.removeLast() }
            if newer { rows.reverse() }
            var page = Self.page(rows, query: query, more: more)
            if !newer { page.newer = watermark }
            return page
        }
    }

    /// The site's highest shown-sequence number: what a polling link starts after.
    private static func shownWatermark(_ db: Database, siteId: Int64) throws -> Int64 {
        try Int64.fetchOne(try db.cachedStatement(sql: "SELECT COALESCE(MAX(shown_seq), 0) FROM posts WHERE site_id = ?"),
                           arguments: [siteId]) ?? 0
    }

    /// A polling page: the matching posts shown since `since`, oldest shown first so that
    /// nothing is skipped when more than `count` arrived, put in display order. Its `newer`
    /// continues after the last one returned; it has no `older` (the poller holds those).
    private static func shownSince(_ db: Database, _ query: PostQuery, since: Int64, watermark: PostCursor) throws -> PostPage {
        var sql = "SELECT \(postColumns), shown_seq FROM posts WHERE site_id = ? AND state = ? AND shown_seq > ?"
        var arguments: StatementArguments = [query.siteId, query.state.rawValue, since]
        appendFilters(query, to: &sql, &arguments)
        sql += " ORDER BY shown_seq ASC LIMIT ?"
        arguments += [query.count]
        let rows = try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments)
        guard let lastSeq = rows.last.flatMap({ $0["shown_seq"] as Int64? }) else {
            // Nothing matched: poll on from the newest number, so filtered-out posts are not read again.
            return PostPage(posts: [], older: nil, newer: PostCursor(shownSince: max(since, watermark.shownSince ?? since)))
        }
        let next = rows.count < query.count ? max(lastSeq, watermark.shownSince ?? lastSeq) : lastSeq
        let posts = rows.compactMap(storedPost(from:)).sorted(by: displayOrder)
        return PostPage(posts: posts, older: nil, newer: PostCursor(shownSince: next))
    }

    /// SPEC §3.3's order: pinned first by index, then newest, then highest id.
    private static func displayOrder(_ a: StoredPost, _ b: StoredPost) -> Bool {
        let (left, right) = (position(of: a, .older), position(of: b, .older))
        if left.pinned != right.pinned { return left.pinned > right.pinned }
        if left.orderKey != right.orderKey { return left.orderKey > right.orderKey }
        return left.flocklerId > right.flocklerId
    }

    /// The posts of one `pinned` value, from the cursor on, in reading direction.
    private static func segment(_ db: Database, _ query: PostQuery, pinned: Int64, limit: Int) throws -> [StoredPost] {
        var sql = "SELECT \(postColumns) FROM posts WHERE site_id = ? AND state = ? AND pinned = ?"
        var arguments: StatementArguments = [query.siteId, query.state.rawValue, pinned]
        appendFilters(query, to: &sql, &arguments)
        let newer = query.cursor?.direction == .newer
        if let cursor = query.cursor, cursor.pinned == pinned {
            sql += " AND (order_key, id) \(newer ? ">" : "<") (?, ?)"
            arguments += [cursor.orderKey, cursor.flocklerId]
        }
        let direction = newer ? "ASC" : "DESC"
        sql += " ORDER BY order_key \(direction), id \(direction) LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments).compactMap(storedPost(from:))
    }

    /// A random sample: ids drawn from the index alone, then only those rows read.
    private static func randomPosts(_ db: Database, _ query: PostQuery) throws -> [StoredPost] {
        var sql = "SELECT id FROM posts WHERE site_id = ? AND state = ?"
        var arguments: StatementArguments = [query.siteId, query.state.rawValue]
        appendFilters(query, to: &sql, &arguments)
        sql += " ORDER BY random() LIMIT ?"
        arguments += [query.count]
        let ids = try Int64.fetchAll(db, sql: sql, arguments: arguments)
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: "SELECT \(postColumns) FROM posts WHERE id IN (\(placeholders(ids.count)))",
                                    arguments: StatementArguments(ids)).compactMap(storedPost(from:))
        let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0.flocklerId, $0) })
        return ids.compactMap { byId[$0] }
    }

    private static func page(_ posts: [StoredPost], query: PostQuery, more: Bool) -> PostPage {
        let newer = query.cursor?.direction == .newer
        guard let first = posts.first, let last = posts.last else {
            // Nothing here: polling for newer posts goes on from the same place (or, on an
            // empty first page, from before every post).
            let anchor = query.cursor ?? PostCursor(direction: .newer, pinned: 0, orderKey: Int64.min, flocklerId: 0)
            return PostPage(posts: [], older: nil, newer: PostCursor(direction: .newer, pinned: anchor.pinned,
                                                                      orderKey: anchor.orderKey, flocklerId: anchor.flocklerId))
        }
        // Older than this page: when reading newer posts, the posts we came from are older.
        let hasOlder = newer || more
        return PostPage(posts: posts, older: hasOlder ? position(of: last, .older) : nil, newer: position(of: first, .newer))
    }

    /// Where a post stands in the order.
    static func position(of post: StoredPost, _ direction: PostCursor.Direction) -> PostCursor {
        if let index = post.pinnedIndex {
            return PostCursor(direction: direction, pinned: 1, orderKey: -Int64(index), flocklerId: post.flocklerId)
        }
        let key = (post.post.publishedAt ?? post.createdAt).millis
        return PostCursor(direction: direction, pinned: 0, orderKey: key, flocklerId: post.flocklerId)
    }

    private static func appendFilters(_ query: PostQuery, to sql: inout String, _ arguments: inout StatementArguments) {
        if !query.channels.isEmpty {
            sql += " AND channel IN (\(placeholders(query.channels.count)))"
            arguments += StatementArguments(query.channels)
        }
        if !query.sectionIds.isEmpty {
            sql += " AND section_id IN (\(placeholders(query.sectionIds.count)))"
            arguments += StatementArguments(query.sectionIds)
        }
        guard !query.tags.isEmpty else { return }
        switch query.tagMatch {
        case .any:
            sql += " AND EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = posts.id AND t.tag IN (\(placeholders(query.tags.count))))"
            arguments += StatementArguments(query.tags)
        case .all:
            for tag in Set(query.tags) {
                sql += " AND EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = posts.id AND t.tag = ?)"
                arguments += [tag]
            }
        }
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }
}
