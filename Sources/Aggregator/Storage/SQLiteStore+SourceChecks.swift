import FeedFetchers
import Foundation
import GRDB
import Moderation

extension SQLiteStore: SourceCheckStore {
    public func feedsDueForSourceCheck(services: [FeedService], checkedBefore: Date, limit: Int) throws -> [Feed] {
        guard !services.isEmpty else { return [] }
        return try writer.read { db in
            let marks = Array(repeating: "?", count: services.count).joined(separator: ",")
            let columns = Self.feedColumns.split(separator: ",").map { "f." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .joined(separator: ", ")
            return try Row.fetchAll(db, sql: """
                SELECT \(columns) FROM feeds f LEFT JOIN source_checks c ON c.feed_id = f.id
                WHERE f.enabled = 1 AND f.service IN (\(marks)) AND (c.checked_at IS NULL OR c.checked_at <= ?)
                ORDER BY COALESCE(c.checked_at, 0), f.id LIMIT ?
                """, arguments: StatementArguments(services.map(\.rawValue)) + [checkedBefore.millis, limit]).compactMap(Self.feed(from:))
        }
    }

    public func recentSourcePosts(feedId: Int64, since: Date, limit: Int) throws -> [SourcePostRef] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, source_id FROM posts
                WHERE feed_id = ? AND source_id IS NOT NULL AND state != 'hidden' AND COALESCE(published_at, created_at) >= ?
                ORDER BY COALESCE(published_at, created_at) DESC, id DESC LIMIT ?
                """, arguments: [feedId, since.millis, limit]).map { SourcePostRef(postId: $0[0], sourceId: $0[1]) }
        }
    }

    public func markSourceChecked(feedId: Int64, now: Date) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO source_checks (feed_id, checked_at) VALUES (?, ?)
                ON CONFLICT(feed_id) DO UPDATE SET checked_at = excluded.checked_at
                """, arguments: [feedId, now.millis])
        }
    }

    public func unpublishDeletedAtSource(feedId: Int64, sourceIds: Set<String>, now: Date) throws -> Int {
        guard !sourceIds.isEmpty else { return 0 }
        let ids = sourceIds.sorted()
        let (siteId, changed) = try writer.write { db -> (Int64?, Int) in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, site_id, state FROM posts WHERE feed_id = ? AND state != 'hidden' AND source_id IN (\(marks))
                """, arguments: StatementArguments([feedId]) + StatementArguments(ids))
            for row in rows {
                let postId: Int64 = row[0]
                try db.execute(sql: """
                    UPDATE posts SET state = 'hidden', decided_by = ?, score = NULL, reasons = '', decided_at = ?, updated_at = ? WHERE id = ?
                    """, arguments: [Decision.Decider.source.rawValue, now.millis, now.millis, postId])
                try Self.recordHistory(db, postId: postId, siteId: row[1], at: now, actor: Decision.Decider.source.rawValue, keyId: nil,
                                       action: "deleted_at_source", from: row[2], to: ModerationState.hidden.rawValue,
                                       detail: "deleted at source")
            }
            return (rows.first?[1], rows.count)
        }
        if let siteId { bump(siteId: siteId) }
        return changed
    }
}
