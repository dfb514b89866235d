import FeedFetchers
import Foundation
import GRDB

extension SQLiteStore: ConnectionExpiryStore {
    public func connectionsExpiring(before: Date, limit: Int) throws -> [Connection] {
        let ids = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, site_id FROM connections WHERE expires_at IS NOT NULL AND expires_at < ? ORDER BY expires_at, id LIMIT ?
                """, arguments: [before.millis, limit]).map { (id: $0[0] as Int64, siteId: $0[1] as Int64) }
        }
        return try ids.compactMap { try connection(siteId: $0.siteId, idOrUUID: String($0.id)) }
    }

    public func sentExpiryNotices(connectionId: Int64, expiresAt: Date) throws -> Set<ExpiryThreshold> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT threshold FROM connection_expiry_notices WHERE connection_id = ? AND expires_at = ?
                """, arguments: [connectionId, expiresAt.millis]).compactMap(ExpiryThreshold.init(rawValue:)))
        }
    }

    public func recordExpiryNotice(connectionId: Int64, expiresAt: Date, threshold: ExpiryThreshold, now: Date) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO connection_expiry_notices (connection_id, expires_at, threshold, sent_at) VALUES (?, ?, ?, ?)
                """, arguments: [connectionId, expiresAt.millis, threshold.rawValue, now.millis])
            return db.changesCount > 0
        }
    }

    public func setConnectionExpiry(connectionId: Int64, expiresAt: Date?) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE connections SET expires_at = ? WHERE id = ?", arguments: [expiresAt?.millis, connectionId])
        }
    }
}
