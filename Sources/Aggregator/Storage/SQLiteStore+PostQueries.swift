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
            return Self.page(rows, query: query, more: more)
        }
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
