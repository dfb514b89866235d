import Foundation
import GRDB

/// A site's API keys (SPEC §3.7). Deleting a key sets `deleted_at`: it no longer
/// authenticates, and the moderation log still names it.
extension SQLiteStore {
    private static let keyColumns = "id, site_id, name, scope, created_at, last_used_at"

    public func apiKeys(siteId: Int64) throws -> [APIKey] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.keyColumns) FROM api_keys WHERE site_id = ? AND deleted_at IS NULL ORDER BY id",
                             arguments: [siteId]).compactMap(Self.apiKey(from:))
        }
    }

    public func apiKey(siteId: Int64, id: Int64) throws -> APIKey? {
        try writer.read { db in try Self.liveKey(db, siteId: siteId, id: id) }
    }

    public func createKey(siteId: Int64, scope: KeyScope, name: String?, now: Date) throws -> (key: APIKey, secret: String) {
        let secret = KeySecrets.generate()
        let key = try writer.write { db in try Self.insertKey(db, siteId: siteId, secret: secret, scope: scope, name: name, now: now) }
        return (key, secret)
    }

    public func updateKey(siteId: Int64, id: Int64, name: String?, scope: KeyScope?) throws -> APIKey {
        try writer.write { db in
            guard let key = try Self.liveKey(db, siteId: siteId, id: id) else { throw APIKeyStoreError.notFound(id) }
            if key.scope == .admin, let scope, scope != .admin { try Self.requireAnotherAdmin(db, siteId: siteId, besides: id) }
            try db.execute(sql: "UPDATE api_keys SET name = COALESCE(?, name), scope = COALESCE(?, scope) WHERE id = ?",
                           arguments: [name, scope?.rawValue, id])
            guard let updated = try Self.liveKey(db, siteId: siteId, id: id) else { throw APIKeyStoreError.notFound(id) }
            return updated
        }
    }

    public func deleteKey(siteId: Int64, id: Int64, now: Date) throws -> APIKey {
        try writer.write { db in
            guard let key = try Self.liveKey(db, siteId: siteId, id: id) else { throw APIKeyStoreError.notFound(id) }
            if key.scope == .admin { try Self.requireAnotherAdmin(db, siteId: siteId, besides: id) }
            try db.execute(sql: "UPDATE api_keys SET deleted_at = ? WHERE id = ?", arguments: [now.millis, id])
            return key
        }
    }

    public func recordKeyUse(id: Int64, now: Date) throws {
        // The condition keeps several processes from writing more than about once a minute too.
        try writer.write { db in
            try db.execute(sql: "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)",
                           arguments: [now.millis, id, now.millis - 60_000])
        }
    }

    /// Inserts a key inside the caller's transaction; without a name it is called `<scope> key <id>`.
    static func insertKey(_ db: Database, siteId: Int64, secret: String, scope: KeyScope, name: String?, now: Date) throws -> APIKey {
        try db.execute(sql: "INSERT INTO api_keys (site_id, key_hash, scope, name, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [siteId, KeySecrets.hash(secret), scope.rawValue, name ?? "", now.millis])
        let id = db.lastInsertedRowID
        if name == nil {
            try db.execute(sql: "UPDATE api_keys SET name = scope || ' key ' || id WHERE id = ?", arguments: [id])
        }
        guard let key = try liveKey(db, siteId: siteId, id: id) else { throw APIKeyStoreError.notFound(id) }
        return key
    }

    private static func liveKey(_ db: Database, siteId: Int64, id: Int64) throws -> APIKey? {
        try Row.fetchOne(db, sql: "SELECT \(keyColumns) FROM api_keys WHERE site_id = ? AND id = ? AND deleted_at IS NULL",
                         arguments: [siteId, id]).flatMap(apiKey(from:))
    }

    /// Throws unless the site keeps an admin key other than `id`.
    private static func requireAnotherAdmin(_ db: Database, siteId: Int64, besides id: Int64) throws {
        let others = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM api_keys WHERE site_id = ? AND scope = 'admin' AND deleted_at IS NULL AND id != ?
            """, arguments: [siteId, id]) ?? 0
        guard others > 0 else { throw APIKeyStoreError.lastAdminKey(id) }
    }

    private static func apiKey(from row: Row) -> APIKey? {
        guard let scope = KeyScope(rawValue: row["scope"]) else { return nil }
        let lastUsed: Int64? = row["last_used_at"]
        return APIKey(id: row["id"], siteId: row["site_id"], name: row["name"], scope: scope,
                      createdAt: Date(millis: row["created_at"]), lastUsedAt: lastUsed.map(Date.init(millis:)))
    }
}
