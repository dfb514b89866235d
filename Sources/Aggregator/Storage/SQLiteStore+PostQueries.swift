import Foundation
import GRDB
import Moderation

extension SQLiteStore {
    /// One page in the total order of SPEC §3.3: `(pinned DESC, order_key DESC, id DESC)`,
    /// where pinned posts carry minus their pin index as key. Keyset pagination on that
    /// triple, which the `posts_page` index serves directly.
    public func posts(_ query: PostQuery) throws -> PostPage {
        try writer.read { db in
            var sql = "SELECT \(Self.postColumns) FROM posts WHERE site_id = ? AND state = ?"
            var arguments: StatementArguments = [query.siteId, query.state.rawValue]
            Self.appendFilters(query, to: &sql, &arguments)
            if query.order == .random {
                sql += " ORDER BY random() LIMIT ?"
                arguments += [query.count]
                let posts = try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(Self.storedPost(from:))
                return PostPage(posts: posts, older: nil, newer: nil)
            }
            let newer = query.cursor?.direction == .newer
            if let cursor = query.cursor {
                sql += " AND (pinned, order_key, id) \(newer ? ">" : "<") (?, ?, ?)"
                arguments += [cursor.pinned, cursor.orderKey, cursor.flocklerId]
            }
            let direction = newer ? "ASC" : "DESC"
            sql += " ORDER BY pinned \(direction), order_key \(direction), id \(direction) LIMIT ?"
            arguments += [query.count + 1]
            var rows = try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(Self.storedPost(from:))
            let more = rows.count > query.count
            if more { rows.removeLast() }
            if newer { rows.reverse() }
            return Self.page(rows, query: query, more: more)
        }
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
