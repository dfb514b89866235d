import Foundation
import GRDB

extension SQLiteStore {
    public func changes(siteId: Int64, since: Int64?, count: Int) throws -> ChangePage {
        try writer.read { db in
            let oldestKept = try Int64.fetchOne(db, sql: "SELECT pruned_through FROM change_retention WHERE site_id = ?",
                                                arguments: [siteId]) ?? 0
            let start = since ?? oldestKept
            if start < oldestKept { throw ChangeCursorError.expired(oldestKept: oldestKept) }
            let newest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM changes") ?? 0
            let recorded = try Int64.fetchOne(db, sql: "SELECT COALESCE(seq, 0) FROM sqlite_sequence WHERE name = 'changes'") ?? newest
            if start > max(newest, recorded) { throw ChangeCursorError.unknown }
            let rows = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT c.id, c.type, c.at, c.post_id, CASE WHEN p.state = 'published' THEN 1 ELSE 0 END AS shown
                FROM changes c LEFT JOIN posts p ON p.id = c.post_id
                WHERE c.site_id = ? AND c.id > ? ORDER BY c.id LIMIT ?
                """), arguments: [siteId, start, count])
            var changes: [Change] = []
            for row in rows {
                guard let kind = Change.Kind(rawValue: row["type"]) else { continue }
                changes.append(Change(id: row["id"], kind: kind, at: Date(millis: row["at"]), flocklerId: row["post_id"],
                                      post: try Self.shownPost(db, kind: kind, postId: row["post_id"], shown: row["shown"])))
            }
            return ChangePage(changes: changes, next: rows.last.map { $0["id"] } ?? start)
        }
    }

    public func change(siteId: Int64, id: Int64) throws -> Change? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.id, c.type, c.at, c.post_id, CASE WHEN p.state = 'published' THEN 1 ELSE 0 END AS shown
                FROM changes c LEFT JOIN posts p ON p.id = c.post_id WHERE c.site_id = ? AND c.id = ?
                """, arguments: [siteId, id]), let kind = Change.Kind(rawValue: row["type"]) else { return nil }
            return Change(id: row["id"], kind: kind, at: Date(millis: row["at"]), flocklerId: row["post_id"],
                          post: try Self.shownPost(db, kind: kind, postId: row["post_id"], shown: row["shown"]))
        }
    }

    /// The post a change shows: only for changes that show one, and only while it is published.
    private static func shownPost(_ db: Database, kind: Change.Kind, postId: Int64, shown: Bool) throws -> StoredPost? {
        guard kind != .unpublished, shown else { return nil }
        return try Row.fetchOne(try db.cachedStatement(sql: "SELECT \(postColumns) FROM posts WHERE id = ?"), arguments: [postId])
            .flatMap(storedPost(from:))
    }

    public func pruneChanges(before cutoff: Date) throws -> Int {
        try writer.write { db in
            let horizons = try Row.fetchAll(db, sql: "SELECT site_id, MAX(id) AS last FROM changes WHERE at < ? GROUP BY site_id",
                                            arguments: [cutoff.millis])
            for row in horizons {
                try db.execute(sql: """
                    INSERT INTO change_retention (site_id, pruned_through) VALUES (?, ?)
                    ON CONFLICT (site_id) DO UPDATE SET pruned_through = MAX(pruned_through, excluded.pruned_through)
                    """, arguments: [row["site_id"] as Int64, row["last"] as Int64])
            }
            try db.execute(sql: "DELETE FROM changes WHERE at < ?", arguments: [cutoff.millis])
            return db.changesCount
        }
    }
}
