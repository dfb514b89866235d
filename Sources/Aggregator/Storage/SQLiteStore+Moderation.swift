import FeedFetchers
import Foundation
import GRDB
import Moderation

extension SQLiteStore {
    public func ruleSet(siteId: Int64) throws -> RuleSet {
        try writer.read { db in
            let text = try String.fetchOne(db, sql: "SELECT rules FROM moderation_rules WHERE site_id = ?", arguments: [siteId])
            return text.flatMap(RuleSet.from(jsonText:)) ?? .empty
        }
    }

    public func saveRuleSet(siteId: Int64, _ ruleSet: RuleSet, keyId: Int64?, now: Date) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO moderation_rules (site_id, rules, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(site_id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at
                """, arguments: [siteId, ruleSet.jsonText, now.millis])
        }
    }

    public func apply(_ action: OperatorAction, to flocklerIds: [Int64], siteId: Int64, keyId: Int64, now: Date) throws -> [StoredPost] {
        let ids = Array(Set(flocklerIds)).sorted()
        let posts = try writer.write { db -> [StoredPost] in
            let found = try Int64.fetchAll(db, sql: "SELECT id FROM posts WHERE site_id = ? AND id IN (\(Self.marks(ids.count)))",
                                           arguments: StatementArguments([siteId] + ids))
            let missing = Set(ids).subtracting(found)
            guard missing.isEmpty else { throw ModerationStoreError.notFound(missing.sorted()) }
            for id in ids { try Self.apply(action, postId: id, siteId: siteId, keyId: keyId, now: now, db) }
            return try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT \(Self.postColumns) FROM posts WHERE id = ?", arguments: [id]).flatMap(Self.storedPost(from:))
            }
        }
        bump(siteId: siteId)
        return posts
    }

    /// One action on one post, inside the caller's transaction.
    private static func apply(_ action: OperatorAction, postId: Int64, siteId: Int64, keyId: Int64, now: Date, _ db: Database) throws {
        let before = try String.fetchOne(db, sql: "SELECT state FROM posts WHERE id = ?", arguments: [postId])
        var after = before
        var detail: String?
        switch action {
        case .publish, .hide:
            after = action == .publish ? ModerationState.published.rawValue : ModerationState.hidden.rawValue
            try db.execute(sql: """
                UPDATE posts SET state = ?, decided_by = 'operator', score = NULL, reasons = '', decided_at = ?, updated_at = ? WHERE id = ?
                """, arguments: [after, now.millis, now.millis, postId])
        case .pin(let index):
            try pin(postId: postId, siteId: siteId, at: index, db)
            detail = "at index \(index)"
        case .unpin:
            try pin(postId: postId, siteId: siteId, at: nil, db)
        case .tags(let tags):
            try db.execute(sql: "UPDATE posts SET tags = ?, updated_at = ? WHERE id = ?",
                           arguments: [PostColumns.encode(tags: tags), now.millis, postId])
            try db.execute(sql: "DELETE FROM post_tags WHERE post_id = ?", arguments: [postId])
            for tag in Set(tags.map { $0.lowercased() }) {
                try db.execute(sql: "INSERT INTO post_tags (post_id, site_id, tag) VALUES (?, ?, ?)", arguments: [postId, siteId, tag])
            }
            detail = tags.joined(separator: ", ")
        }
        try recordHistory(db, postId: postId, siteId: siteId, at: now, actor: "operator", keyId: keyId, action: action.name,
                          from: before, to: after, detail: detail)
    }

    /// Pins a post at `index` as a list insert (the others at and after it move down one),
    /// or unpins it (nil); indexes stay 0, 1, 2... without gaps (SPEC §3.5).
    private static func pin(postId: Int64, siteId: Int64, at index: Int?, _ db: Database) throws {
        var pinned = try Int64.fetchAll(db, sql: """
            SELECT id FROM posts WHERE site_id = ? AND pinned = 1 AND id != ? ORDER BY pinned_index, id
            """, arguments: [siteId, postId])
        if let index {
            pinned.insert(postId, at: min(max(index, 0), pinned.count))
        } else {
            try db.execute(sql: """
                UPDATE posts SET pinned = 0, pinned_index = NULL, order_key = COALESCE(published_at, created_at) WHERE id = ?
                """, arguments: [postId])
        }
        for (position, id) in pinned.enumerated() {
            try db.execute(sql: "UPDATE posts SET pinned = 1, pinned_index = ?, order_key = ? WHERE id = ?",
                           arguments: [position, -Int64(position), id])
        }
    }

    static func recordHistory(_ db: Database, postId: Int64, siteId: Int64, at: Date, actor: String, keyId: Int64?,
                              action: String, from: String?, to: String?, detail: String?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO post_history (post_id, site_id, at, actor, key_id, action, from_state, to_state, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [postId, siteId, at.millis, actor, keyId, action, from, to, detail])
    }

    public func history(siteId: Int64, flocklerId: Int64) throws -> [HistoryEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.historyColumns) FROM post_history h LEFT JOIN api_keys k ON k.id = h.key_id
                WHERE h.site_id = ? AND h.post_id = ? ORDER BY h.id
                """, arguments: [siteId, flocklerId]).map(Self.historyEntry(from:))
        }
    }

    public func auditLog(siteId: Int64, limit: Int, beforeId: Int64?) throws -> [HistoryEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.historyColumns) FROM post_history h LEFT JOIN api_keys k ON k.id = h.key_id
                WHERE h.site_id = ? AND h.actor = 'operator' AND h.id < ? ORDER BY h.id DESC LIMIT ?
                """, arguments: [siteId, beforeId ?? Int64.max, limit]).map(Self.historyEntry(from:))
        }
    }

    public func recentTexts(siteId: Int64, before flocklerId: Int64?, limit: Int) throws -> [(id: Int64, text: String)] {
        try writer.read { db in
            var sql = "SELECT id, coalesce(title, ''), coalesce(text_plain, '') FROM posts WHERE site_id = ?"
            var arguments: StatementArguments = [siteId]
            if let flocklerId {
                sql += " AND (created_at, id) < (SELECT created_at, id FROM posts WHERE id = ? AND site_id = ?)"
                arguments += [flocklerId, siteId]
            }
            arguments += [limit]
            let rows = try Row.fetchAll(db, sql: sql + " ORDER BY created_at DESC, id DESC LIMIT ?", arguments: arguments)
            // Oldest first, so that the first of several copies is the one a repeat points at.
            return rows.reversed().map { row in
                let title: String = row[1], text: String = row[2]
                return (id: row[0], text: title.isEmpty ? text : title + "\n" + text)
            }
        }
    }

    public func awaitingClassifier(limit: Int) throws -> [StoredPost] {
        try writer.read { db in
            // The hold's reason marks the post; a LIKE over the inbox only, which stays small.
            try Row.fetchAll(db, sql: """
                SELECT \(Self.postColumns) FROM posts WHERE state = 'inbox' AND decided_by = 'rules'
                AND reasons LIKE '%waiting for the classifier%' ORDER BY created_at, id LIMIT ?
                """, arguments: [limit]).compactMap(Self.storedPost(from:))
        }
    }

    public func recentPosts(siteId: Int64, limit: Int) throws -> [StoredPost] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.postColumns) FROM posts WHERE site_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                             arguments: [siteId, limit]).compactMap(Self.storedPost(from:))
        }
    }

    public func reevaluationCandidates(siteId: Int64) throws -> [StoredPost] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.postColumns) FROM posts WHERE site_id = ? AND state = 'inbox' AND decided_by != 'operator' ORDER BY id
                """, arguments: [siteId]).compactMap(Self.storedPost(from:))
        }
    }

    public func applyReevaluation(siteId: Int64, _ decisions: [(post: StoredPost, decision: Decision)], now: Date) throws -> Int {
        let changed = try writer.write { db -> Int in
            var changed = 0
            for (post, decision) in decisions {
                guard decision.state != post.state || decision.reasons != post.moderation.reasons else { continue }
                // Only a post still waiting and untouched by an operator since it was read changes.
                try db.execute(sql: """
                    UPDATE posts SET state = ?, decided_by = ?, score = ?, reasons = ?, decided_at = ?, updated_at = ?
                    WHERE id = ? AND site_id = ? AND state = 'inbox' AND decided_by != 'operator'
                    """, arguments: [decision.state.rawValue, decision.decidedBy.rawValue, decision.score,
                                     PostColumns.encode(reasons: decision.reasons), now.millis, now.millis, post.flocklerId, siteId])
                guard db.changesCount > 0 else { continue }
                try Self.recordHistory(db, postId: post.flocklerId, siteId: siteId, at: now, actor: decision.decidedBy.rawValue,
                                       keyId: nil, action: "reevaluate", from: post.state.rawValue, to: decision.state.rawValue,
                                       detail: decision.reasons.map(\.detail).joined(separator: "; "))
                if decision.state != post.state { changed += 1 }
            }
            return changed
        }
        bump(siteId: siteId)
        return changed
    }

    /// History columns with the name of the operator's key (SPEC §3.7).
    private static let historyColumns = """
        h.id, h.post_id, h.at, h.actor, h.key_id, h.action, h.from_state, h.to_state, h.detail, k.name AS key_name
        """

    private static func historyEntry(from row: Row) -> HistoryEntry {
        HistoryEntry(id: row[0], flocklerId: row[1], at: Date(millis: row[2]), actor: row[3], keyId: row[4], action: row[5],
                     fromState: row[6], toState: row[7], detail: row[8], keyName: row["key_name"])
    }

    private static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: max(count, 1)).joined(separator: ",")
    }
}
