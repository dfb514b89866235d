import FeedFetchers
import Foundation
import GRDB

extension SQLiteStore {
    private static let connectionColumns = "id, uuid, site_id, service, name, credentials, created_at, updated_at, expires_at"

    public func createConnection(_ new: NewConnection, now: Date) throws -> Connection {
        // Sealed before the transaction: a sealing failure stores nothing (never the plain text).
        let sealed = try sealer.seal(StringMapJSON.encode(new.credentials))
        return try writer.write { db in
            let uuid = KeySecrets.uuid()
            let expiresAt = ConnectionExpiry.known(service: new.service, credentials: new.credentials)
            try db.execute(sql: """
                INSERT INTO connections (uuid, site_id, service, name, credentials, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [uuid, new.siteId, new.service.rawValue, new.name, sealed, now.millis, now.millis, expiresAt?.millis])
            return Connection(id: db.lastInsertedRowID, uuid: uuid, siteId: new.siteId, service: new.service, name: new.name,
                              credentials: new.credentials, createdAt: now.wholeMillis, updatedAt: now.wholeMillis,
                              expiresAt: expiresAt?.wholeMillis)
        }
    }

    public func connections(siteId: Int64) throws -> [Connection] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.connectionColumns) FROM connections WHERE site_id = ? ORDER BY id",
                             arguments: [siteId]).compactMap { try connection(from: $0) }
        }
    }

    public func connection(siteId: Int64, idOrUUID: String) throws -> Connection? {
        try writer.read { db in
            let sql = "SELECT \(Self.connectionColumns) FROM connections WHERE site_id = ? AND "
            if let id = Int64(idOrUUID) {
                return try Row.fetchOne(db, sql: sql + "id = ?", arguments: [siteId, id]).flatMap { try connection(from: $0) }
            }
            return try Row.fetchOne(db, sql: sql + "uuid = ?", arguments: [siteId, idOrUUID.lowercased()]).flatMap { try connection(from: $0) }
        }
    }

    public func connection(for feed: Feed) throws -> Connection? {
        if let linked = feed.attributes[Feed.connectionAttribute]?.textValue, let connection = try connection(siteId: feed.siteId, idOrUUID: linked),
           connection.service == feed.service {
            return connection
        }
        return try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(Self.connectionColumns) FROM connections WHERE site_id = ? AND service = ? ORDER BY id DESC LIMIT 1
                """, arguments: [feed.siteId, feed.service.rawValue]).flatMap { try connection(from: $0) }
        }
    }

    public func deleteConnection(id: Int64) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM connections WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func updateCredentials(connectionId: Int64, merging changes: [String: String], now: Date) throws {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT credentials, service FROM connections WHERE id = ?", arguments: [connectionId]),
                  let text = row[0] as String? else {
                return
            }
            // A key that cannot open them throws: the stored credentials are never replaced by
            // the refreshed fields alone.
            var credentials = StringMapJSON.decode(try sealer.open(text, connectionId: connectionId))
            credentials.merge(changes) { _, new in new }
            let sealed = try sealer.seal(StringMapJSON.encode(credentials))
            try db.execute(sql: "UPDATE connections SET credentials = ?, updated_at = ? WHERE id = ?",
                           arguments: [sealed, now.millis, connectionId])
            // A refresh that says when the token now ends moves the connection's known expiry.
            if let service = FeedService(rawValue: row[1]), let expiresAt = ConnectionExpiry.known(service: service, credentials: credentials) {
                try db.execute(sql: "UPDATE connections SET expires_at = ? WHERE id = ?", arguments: [expiresAt.millis, connectionId])
            }
        }
    }

    public func sourceIds(feedId: Int64, limit: Int) throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT source_id FROM posts WHERE feed_id = ? AND source_id IS NOT NULL ORDER BY id DESC LIMIT ?
                """, arguments: [feedId, limit]))
        }
    }

    /// Seals credentials stored before sealing existed (plain JSON), so that no secret stays
    /// unsealed in the file; run when the store opens.
    func sealPlainCredentials() throws {
        try writer.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, credentials FROM connections WHERE substr(credentials, 1, ?) != ?",
                                        arguments: [CredentialSealer.prefix.count, CredentialSealer.prefix])
            for row in rows {
                let id: Int64 = row[0]
                let sealed = try sealer.seal(row[1])
                try db.execute(sql: "UPDATE connections SET credentials = ? WHERE id = ?", arguments: [sealed, id])
            }
        }
    }

    /// A connection row; throws `CredentialSealerError` naming the key when it cannot open the
    /// credentials (they are never read as none, which a refreshed token would then overwrite).
    private func connection(from row: Row) throws -> Connection? {
        guard let service = FeedService(rawValue: row[3]) else { return nil }
        let id: Int64 = row[0]
        let credentials = StringMapJSON.decode(try sealer.open(row[5], connectionId: id))
        return Connection(id: id, uuid: row[1], siteId: row[2], service: service, name: row[4],
                          credentials: credentials, createdAt: Date(millis: row[6]), updatedAt: Date(millis: row[7]),
                          expiresAt: (row[8] as Int64?).map(Date.init(millis:)))
    }
}
