import FeedFetchers
import Foundation
import GRDB
import Moderation

extension SQLiteStore {
    static let feedColumns = """
        id, uuid, site_id, section_id, name, service, attributes, moderation_type, enabled, is_healthy, error_message,
        etag, last_modified, next_fetch_at, last_fetched_at, last_success_at, consecutive_failures, redirected_url,
        permanent_redirects, cursor, created_at, updated_at
        """

    public func feeds(siteId: Int64, order: SortOrder, services: [FeedService]) throws -> [Feed] {
        try writer.read { db in
            var sql = "SELECT \(Self.feedColumns) FROM feeds WHERE site_id = ?"
            var arguments: StatementArguments = [siteId]
            if !services.isEmpty {
                sql += " AND service IN (\(services.map { _ in "?" }.joined(separator: ",")))"
                arguments += StatementArguments(services.map(\.rawValue))
            }
            sql += " ORDER BY created_at \(order == .asc ? "ASC" : "DESC"), id \(order == .asc ? "ASC" : "DESC")"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(Self.feed(from:))
        }
    }

    public func feed(siteId: Int64, idOrUUID: String) throws -> Feed? {
        try writer.read { db in try Self.fetchFeed(db, siteId: siteId, idOrUUID: idOrUUID) }
    }

    static func fetchFeed(_ db: Database, siteId: Int64, idOrUUID: String) throws -> Feed? {
        let sql = "SELECT \(feedColumns) FROM feeds WHERE site_id = ? AND "
        if let id = Int64(idOrUUID) {
            return try Row.fetchOne(db, sql: sql + "id = ?", arguments: [siteId, id]).flatMap(feed(from:))
        }
        return try Row.fetchOne(db, sql: sql + "uuid = ?", arguments: [siteId, idOrUUID.lowercased()]).flatMap(feed(from:))
    }

    private static func fetchFeed(_ db: Database, id: Int64) throws -> Feed? {
        try Row.fetchOne(db, sql: "SELECT \(feedColumns) FROM feeds WHERE id = ?", arguments: [id]).flatMap(feed(from:))
    }

    public func createFeed(_ new: NewFeed, now: Date) throws -> Feed {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO feeds (uuid, site_id, section_id, name, service, attributes, moderation_type, enabled,
                                   created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [KeySecrets.uuid(), new.siteId, new.sectionId, new.name, new.service.rawValue,
                                 FeedAttributesCoding.encode(new.attributes), new.moderationType.rawValue, new.enabled,
                                 now.millis, now.millis])
            guard let feed = try Self.fetchFeed(db, id: db.lastInsertedRowID) else {
                throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the new feed could not be read back")
            }
            return feed
        }
    }

    public func updateFeed(id: Int64, _ changes: FeedChanges, now: Date) throws -> Feed? {
        try writer.write { db in
            guard var feed = try Self.fetchFeed(db, id: id) else { return nil }
            if let name = changes.name { feed.name = name }
            if let type = changes.moderationType { feed.moderationType = type }
            if let enabled = changes.enabled { feed.enabled = enabled }
            var refetch = false
            if let attributes = changes.attributes, attributes != feed.attributes {
                feed.attributes = attributes
                refetch = true
            }
            try db.execute(sql: """
                UPDATE feeds SET name = ?, moderation_type = ?, enabled = ?, attributes = ?, updated_at = ?,
                    next_fetch_at = CASE WHEN ? THEN NULL ELSE next_fetch_at END,
                    etag = CASE WHEN ? THEN NULL ELSE etag END,
                    last_modified = CASE WHEN ? THEN NULL ELSE last_modified END,
                    redirected_url = CASE WHEN ? THEN NULL ELSE redirected_url END
                WHERE id = ?
                """, arguments: [feed.name, feed.moderationType.rawValue, feed.enabled,
                                 FeedAttributesCoding.encode(feed.attributes), now.millis, refetch, refetch, refetch, refetch, id])
            return try Self.fetchFeed(db, id: id)
        }
    }

    public func deleteFeed(id: Int64) throws -> Bool {
        try writer.write { db in
            // A deleted feed's posts go with it; the change feed records each published one as
            // unpublished in this same transaction (EventsSchema).
            try db.execute(sql: "DELETE FROM posts WHERE feed_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM feeds WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func dueFeeds(now: Date, limit: Int) throws -> [Feed] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.feedColumns) FROM feeds
                WHERE enabled = 1 AND (next_fetch_at IS NULL OR next_fetch_at <= ?)
                ORDER BY COALESCE(next_fetch_at, 0), id LIMIT ?
                """, arguments: [now.millis, limit]).compactMap(Self.feed(from:))
        }
    }

    public func requestFetch(feedId: Int64?, siteId: Int64?, now: Date) throws -> Int {
        try writer.write { db in
            var sql = "UPDATE feeds SET next_fetch_at = ? WHERE enabled = 1"
            var arguments: StatementArguments = [now.millis]
            if let feedId { sql += " AND id = ?"; arguments += [feedId] }
            if let siteId { sql += " AND site_id = ?"; arguments += [siteId] }
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
    }

    public func moveFeed(id: Int64, attributes: [String: FeedAttribute], now: Date) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE feeds SET attributes = ?, updated_at = ? WHERE id = ?",
                           arguments: [FeedAttributesCoding.encode(attributes), now.millis, id])
        }
    }

    public func saveFetchOutcome(feedId: Int64, health: FeedHealth, fetchState state: FeedFetchState, now: Date) throws {
        try writer.write { db in
            try db.execute(sql: """
                UPDATE feeds SET is_healthy = ?, error_message = ?, etag = ?, last_modified = ?, next_fetch_at = ?,
                    last_fetched_at = ?, last_success_at = ?, consecutive_failures = ?, redirected_url = ?,
                    permanent_redirects = ?, cursor = ?, updated_at = ?
                WHERE id = ?
                """, arguments: [health.isHealthy, health.errorMessage, state.etag, state.lastModified,
                                 state.nextFetchAt?.millis, state.lastFetchedAt?.millis, state.lastSuccessAt?.millis,
                                 state.consecutiveFailures, state.redirectedURL, state.permanentRedirects, state.cursor,
                                 now.millis, feedId])
        }
    }

    static func feed(from row: Row) -> Feed? {
        guard let service = FeedService(rawValue: row[5]), let moderation = ModerationType(rawValue: row[7]) else { return nil }
        let state = FeedFetchState(
            etag: row[11], lastModified: row[12], nextFetchAt: (row[13] as Int64?).map(Date.init(millis:)),
            lastFetchedAt: (row[14] as Int64?).map(Date.init(millis:)), lastSuccessAt: (row[15] as Int64?).map(Date.init(millis:)),
            consecutiveFailures: row[16], redirectedURL: row[17], permanentRedirects: row[18], cursor: row[19])
        return Feed(id: row[0], uuid: row[1], siteId: row[2], sectionId: row[3], name: row[4], service: service,
                    attributes: FeedAttributesCoding.decode(row[6]), moderationType: moderation, enabled: row[8],
                    health: FeedHealth(isHealthy: row[9], errorMessage: row[10]), fetchState: state,
                    createdAt: Date(millis: row[20]), updatedAt: Date(millis: row[21]))
    }
}

/// Feed attributes as a JSON object in one column.
enum FeedAttributesCoding {
    static func encode(_ attributes: [String: FeedAttribute]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(attributes) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads what `encode` wrote; a damaged column reads as no attributes rather than failing the listing.
    static func decode(_ json: String) -> [String: FeedAttribute] {
        (try? JSONDecoder().decode([String: FeedAttribute].self, from: Data(json.utf8))) ?? [:]
    }
}

extension FeedAttribute: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        }
    }
}
