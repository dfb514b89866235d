import FeedFetchers
import Foundation
import GRDB
import Moderation
import Synchronization

/// The embedded store: SQLite through GRDB, WAL mode, `synchronous=NORMAL` (DESIGN.md).
public final class SQLiteStore: RoostStore {
    let writer: any DatabaseWriter
    /// Per-site counters bumped by every write that can change a post listing.
    private let counters = Mutex<[Int64: UInt64]>([:])
    /// Seals connection credentials at rest.
    let sealer: CredentialSealer

    /// Opens (creating if needed) the database at `path` and migrates it. Connection
    /// credentials are sealed with `secretKey` (64 hex digits, `ROOST_SECRET_KEY`), else with
    /// the key in `<path>.key`, created on first use.
    public convenience init(path: String, secretKey: String? = nil) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        configuration.busyMode = .timeout(10)
        let sealer = try CredentialSealer.load(hex: secretKey, keyFile: path + ".key")
        try self.init(writer: DatabasePool(path: path, configuration: configuration), sealer: sealer)
    }

    /// An in-memory database, for tests.
    public static func inMemory() throws -> SQLiteStore {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
        return try SQLiteStore(writer: DatabaseQueue(configuration: configuration))
    }

    init(writer: any DatabaseWriter, sealer: CredentialSealer = CredentialSealer()) throws {
        self.writer = writer
        self.sealer = sealer
        try Migrations.migrator().migrate(writer)
        try sealPlainCredentials()
    }

    /// Checks the database file: `PRAGMA integrity_check` answers "ok" when it is sound, else
    /// every problem it found, one a line.
    public func integrityCheck() throws -> String {
        try writer.read { db in
            let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return lines.isEmpty ? "no answer" : lines.joined(separator: "\n")
        }
    }

    /// How many posts are stored, in every site and state.
    public func postCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM posts") ?? 0 }
    }

    public func changeCounter(siteId: Int64) -> UInt64 {
        counters.withLock { $0[siteId] ?? 0 }
    }

    func bump(siteId: Int64) {
        counters.withLock { $0[siteId, default: 0] &+= 1 }
    }

    // MARK: sites and keys

    public func createSite(name: String, now: Date) throws -> (site: Site, adminKey: String) {
        let secret = KeySecrets.generate()
        let site = try writer.write { db -> Site in
            let uuid = KeySecrets.uuid()
            try db.execute(sql: "INSERT INTO sites (uuid, name, created_at) VALUES (?, ?, ?)", arguments: [uuid, name, now.millis])
            let site = Site(id: db.lastInsertedRowID, uuid: uuid, name: name, createdAt: now.wholeMillis)
            _ = try Self.insertKey(db, siteId: site.id, secret: secret, scope: .admin, name: nil, now: now)
            return site
        }
        return (site, secret)
    }

    public func createKey(siteId: Int64, scope: KeyScope, now: Date) throws -> String {
        let secret = KeySecrets.generate()
        _ = try writer.write { db in try Self.insertKey(db, siteId: siteId, secret: secret, scope: scope, name: nil, now: now) }
        return secret
    }

    public func authenticate(secret: String) throws -> AuthenticatedKey? {
        guard !secret.isEmpty, secret.utf8.count <= 256 else { return nil }
        let hash = KeySecrets.hash(secret)
        return try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT k.id, k.site_id, s.uuid, k.scope FROM api_keys k JOIN sites s ON s.id = k.site_id
                WHERE k.key_hash = ? AND k.deleted_at IS NULL
                """, arguments: [hash])
            guard let row, let scope = KeyScope(rawValue: row[3]) else { return nil }
            return AuthenticatedKey(keyId: row[0], siteId: row[1], siteUUID: row[2], scope: scope)
        }
    }

    public func site(uuid: String) throws -> Site? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, uuid, name, created_at FROM sites WHERE uuid = ?", arguments: [uuid.lowercased()])
                .map { Site(id: $0[0], uuid: $0[1], name: $0[2], createdAt: Date(millis: $0[3])) }
        }
    }

    public func siteCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sites") ?? 0 }
    }

    // MARK: sections

    public func sections(siteId: Int64) throws -> [Section] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, uuid, site_id, name, created_at FROM sections WHERE site_id = ? ORDER BY id",
                             arguments: [siteId]).map(Self.section(from:))
        }
    }

    public func section(siteId: Int64, idOrUUID: String) throws -> Section? {
        try writer.read { db in
            let sql = "SELECT id, uuid, site_id, name, created_at FROM sections WHERE site_id = ? AND "
            if let id = Int64(idOrUUID) {
                return try Row.fetchOne(db, sql: sql + "id = ?", arguments: [siteId, id]).map(Self.section(from:))
            }
            return try Row.fetchOne(db, sql: sql + "uuid = ?", arguments: [siteId, idOrUUID.lowercased()]).map(Self.section(from:))
        }
    }

    public func section(siteId: Int64, named name: String, now: Date) throws -> Section {
        try writer.write { db in
            let select = "SELECT id, uuid, site_id, name, created_at FROM sections WHERE site_id = ? AND name = ?"
            if let row = try Row.fetchOne(db, sql: select, arguments: [siteId, name]) { return Self.section(from: row) }
            try db.execute(sql: "INSERT INTO sections (uuid, site_id, name, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [KeySecrets.uuid(), siteId, name, now.millis])
            guard let row = try Row.fetchOne(db, sql: select, arguments: [siteId, name]) else {
                throw DatabaseError(resultCode: .SQLITE_ERROR, message: "section \(name) vanished after insert")
            }
            return Self.section(from: row)
        }
    }

    static func section(from row: Row) -> Section {
        Section(id: row[0], uuid: row[1], siteId: row[2], name: row[3], createdAt: Date(millis: row[4]))
    }
}

extension Date {
    /// Milliseconds since 1970, the unit every time column uses.
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
    /// The date truncated to whole milliseconds, as it reads back from the database.
    var wholeMillis: Date { Date(millis: millis) }
    /// A date from milliseconds since 1970.
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
