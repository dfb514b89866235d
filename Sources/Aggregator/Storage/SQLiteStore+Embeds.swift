import Foundation
import GRDB

extension SQLiteStore {
    private static let embedSelect = """
        SELECT e.id, e.uuid, e.site_id, s.uuid, e.settings, e.read_key_id, e.read_key, e.created_at, e.updated_at
        FROM embeds e JOIN sites s ON s.id = e.site_id
        """

    public func createEmbed(siteId: Int64, settings: String, now: Date) throws -> Embed {
        let secret = KeySecrets.generate()
        let uuid = KeySecrets.uuid()
        return try writer.write { db in
            try db.execute(sql: "INSERT INTO api_keys (site_id, key_hash, scope, name, created_at) VALUES (?, ?, 'read', ?, ?)",
                           arguments: [siteId, KeySecrets.hash(secret), "embed \(uuid)", now.millis])
            let keyId = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO embeds (uuid, site_id, settings, read_key_id, read_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [uuid, siteId, settings, keyId, try sealer.seal(secret), now.millis, now.millis])
            guard let embed = try Row.fetchOne(db, sql: Self.embedSelect + " WHERE e.id = ?", arguments: [db.lastInsertedRowID])
                .map(embed(from:)) else {
                throw DatabaseError(resultCode: .SQLITE_ERROR, message: "embed \(uuid) vanished after insert")
            }
            return embed
        }
    }

    public func embeds(siteId: Int64) throws -> [Embed] {
        try writer.read { db in
            try Row.fetchAll(db, sql: Self.embedSelect + " WHERE e.site_id = ? ORDER BY e.id", arguments: [siteId]).map(embed(from:))
        }
    }

    public func embed(siteId: Int64, idOrUUID: String) throws -> Embed? {
        try writer.read { db in
            if let id = Int64(idOrUUID) {
                return try Row.fetchOne(db, sql: Self.embedSelect + " WHERE e.site_id = ? AND e.id = ?", arguments: [siteId, id])
                    .map(embed(from:))
            }
            return try Row.fetchOne(db, sql: Self.embedSelect + " WHERE e.site_id = ? AND e.uuid = ?", arguments: [siteId, idOrUUID.lowercased()])
                .map(embed(from:))
        }
    }

    public func embed(uuid: String) throws -> Embed? {
        try writer.read { db in
            try Row.fetchOne(db, sql: Self.embedSelect + " WHERE e.uuid = ?", arguments: [uuid.lowercased()]).map(embed(from:))
        }
    }

    public func updateEmbed(id: Int64, settings: String, now: Date) throws -> Embed? {
        try writer.write { db in
            try db.execute(sql: "UPDATE embeds SET settings = ?, updated_at = ? WHERE id = ?", arguments: [settings, now.millis, id])
            guard db.changesCount > 0 else { return nil }
            return try Row.fetchOne(db, sql: Self.embedSelect + " WHERE e.id = ?", arguments: [id]).map(embed(from:))
        }
    }

    public func deleteEmbed(id: Int64) throws -> Bool {
        try writer.write { db in
            let keyId = try Int64.fetchOne(db, sql: "SELECT read_key_id FROM embeds WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM embeds WHERE id = ?", arguments: [id])
            let deleted = db.changesCount > 0
            if let keyId { try db.execute(sql: "DELETE FROM api_keys WHERE id = ? AND scope = 'read'", arguments: [keyId]) }
            return deleted
        }
    }

    public func recordEmbedEvent(embedId: Int64, _ event: EmbedEvent, day: String) throws -> Bool {
        try writer.write { db in
            let upsert = """
                INSERT INTO embed_stats (embed_id, day, post_id, views, clicks) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (embed_id, day, post_id) DO UPDATE SET views = views + excluded.views, clicks = clicks + excluded.clicks
                """
            switch event {
            case .view:
                try db.execute(sql: upsert, arguments: [embedId, day, 0, 1, 0])
            case .click(let flocklerId):
                let published = try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM posts p JOIN embeds e ON e.site_id = p.site_id WHERE e.id = ? AND p.id = ? AND p.state = 'published'
                    """, arguments: [embedId, flocklerId]) ?? false
                guard published else { return false }
                try db.execute(sql: upsert, arguments: [embedId, day, 0, 0, 1])
                try db.execute(sql: upsert, arguments: [embedId, day, flocklerId, 0, 1])
            }
            return true
        }
    }

    public func embedStats(embedId: Int64, from: String, to: String) throws -> EmbedStats {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT day, post_id, views, clicks FROM embed_stats WHERE embed_id = ? AND day BETWEEN ? AND ? ORDER BY day, post_id
                """, arguments: [embedId, from, to])
            var stats = EmbedStats(days: [], posts: [])
            for row in rows {
                let postId: Int64 = row[1]
                if postId == 0 {
                    stats.days.append(.init(day: row[0], views: row[2], clicks: row[3]))
                } else {
                    stats.posts.append(.init(day: row[0], flocklerId: postId, clicks: row[3]))
                }
            }
            return stats
        }
    }

    /// An embed row; a read key sealed with another secret key is an error naming the key, as
    /// for connection credentials, rather than an embed that silently vanishes.
    private func embed(from row: Row) throws -> Embed {
        let readKey = try sealer.open(row[6], owner: "the read key of embed \(row[1] as String)")
        return Embed(id: row[0], uuid: row[1], siteId: row[2], siteUUID: row[3], settings: row[4], readKeyId: row[5], readKey: readKey,
                     createdAt: Date(millis: row[7]), updatedAt: Date(millis: row[8]))
    }
}
