import FeedFetchers
import Foundation
import GRDB

extension SQLiteStore {
    private static let connectionColumns = "id, uuid, site_id, service, name, credentials, created_at, updated_at, expires_at"

    public func createConnection(_ new: NewConnection, now: Date) throws -> Connection {
        try writer.write { db in
            let uuid = KeySecrets.uuid()
            let expiresAt = ConnectionExpiry.known(service: new.service, credentials: new.credentials)
            try db.execute(sql: """
                INSERT INTO connections (uuid, site_id, service, name, credentials, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [uuid, new.siteId, new.service.rawValue, new.name, sealer.seal(StringMapJSON.encode(new.credentials)),
                                 now.millis, now.millis, expiresAt?.millis])
            return Connection(id: db.lastInsertedRowID, uuid: uuid, siteId: new.siteId, service: new.service, name: new.name,
                              credentials: new.credentials, createdAt: now.wholeMillis, updatedAt: now.wholeMillis,
                              expiresAt: expiresAt?.wholeMillis)
        }
    }

    public func connections(siteId: Int64) throws -> [Connection] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.connectionColumns) FROM connections WHERE site_id = ? ORDER BY id",
                             arguments: [siteId]).compactMap(connection(from:))
        }
    }

    public func connection(siteId: Int64, idOrUUID: String) throws -> Connection? {
        try writer.read { db in
            let sql = "SELECT \(Self.connectionColumns) FROM connections WHERE site_id = ? AND "
            if let id = Int64(idOrUUID) {
                return try Row.fetchOne(db, sql: sql + "id = ?", arguments: [siteId, id]).flatMap(connection(from:))
            }
            return try Row.fetchOne(db, sql: sql + "uuid = ?", arguments: [siteId, idOrUUID.lowercased()]).flatMap(connection(from:))
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
                """, arguments: [feed.siteId, feed.service.rawValue]).flatMap(connection(from:))
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
            var credentials = StringMapJSON.decode(sealer.open(text) ?? "{}")
            credentials.merge(changes) { _, new in new }
            try db.execute(sql: "UPDATE connections SET credentials = ?, updated_at = ? WHERE id = ?",
                           arguments: [sealer.seal(StringMapJSON.encode(credentials)), now.millis, connectionId])
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

    private func connection(from row: Row) -> Connection? {
        guard let service = FeedService(rawValue: row[3]) else { return nil }
        // Credentials sealed with another key read as none: the feed then asks for a new connection.
        return Connection(id: row[0], uuid: row[1], siteId: row[2], service: service, name: row[4],
                          credentials: StringMapJSON.decode(sealer.open(row[5]) ?? "{}"), createdAt: Date(millis: row[6]), updatedAt: Date(millis: row[7]),
                          expiresAt: (row[8] as Int64?).map(Date.init(millis:)))
    }
}
