import FeedFetchers
import Foundation
import GRDB

extension SQLiteStore {
    private static let webhookColumns = "id, uuid, site_id, url, description, events, active, disabled_reason, failing_since, created_at, updated_at"

    public func createWebhook(_ new: NewWebhook, now: Date) throws -> Webhook {
        let sealed = try sealer.seal(new.secret)
        return try writer.write { db in
            let uuid = KeySecrets.uuid()
            try db.execute(sql: """
                INSERT INTO webhooks (uuid, site_id, url, description, events, active, secret, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
                """, arguments: [uuid, new.siteId, new.url, new.description, Self.encodeEvents(new.events), sealed, now.millis, now.millis])
            return Webhook(id: db.lastInsertedRowID, uuid: uuid, siteId: new.siteId, url: new.url, description: new.description,
                           events: new.events, active: true, disabledReason: nil, failingSince: nil,
                           createdAt: now.wholeMillis, updatedAt: now.wholeMillis)
        }
    }

    public func webhooks(siteId: Int64) throws -> [Webhook] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.webhookColumns) FROM webhooks WHERE site_id = ? ORDER BY id",
                             arguments: [siteId]).map(Self.webhook(from:))
        }
    }

    public func webhook(siteId: Int64, idOrUUID: String) throws -> Webhook? {
        try writer.read { db in try Self.webhook(db, siteId: siteId, idOrUUID: idOrUUID) }
    }

    private static func webhook(_ db: Database, siteId: Int64, idOrUUID: String) throws -> Webhook? {
        let sql = "SELECT \(webhookColumns) FROM webhooks WHERE site_id = ? AND "
        if let id = Int64(idOrUUID) {
            return try Row.fetchOne(db, sql: sql + "id = ?", arguments: [siteId, id]).map(webhook(from:))
        }
        return try Row.fetchOne(db, sql: sql + "uuid = ?", arguments: [siteId, idOrUUID.lowercased()]).map(webhook(from:))
    }

    public func updateWebhook(id: Int64, _ changes: WebhookChanges, now: Date) throws -> Webhook? {
        try writer.write { db in
            guard let siteId = try Int64.fetchOne(db, sql: "SELECT site_id FROM webhooks WHERE id = ?", arguments: [id]) else { return nil }
            if let url = changes.url { try db.execute(sql: "UPDATE webhooks SET url = ? WHERE id = ?", arguments: [url, id]) }
            if let description = changes.description {
                try db.execute(sql: "UPDATE webhooks SET description = ? WHERE id = ?", arguments: [description, id])
            }
            if let events = changes.events {
                try db.execute(sql: "UPDATE webhooks SET events = ? WHERE id = ?", arguments: [Self.encodeEvents(events), id])
            }
            if let active = changes.active {
                // Turning it on again starts afresh: no reason, no failing streak.
                try db.execute(sql: """
                    UPDATE webhooks SET active = ?, disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,
                        failing_since = CASE WHEN ? THEN NULL ELSE failing_since END WHERE id = ?
                    """, arguments: [active, active, active, id])
            }
            try db.execute(sql: "UPDATE webhooks SET updated_at = ? WHERE id = ?", arguments: [now.millis, id])
            return try Self.webhook(db, siteId: siteId, idOrUUID: String(id))
        }
    }

    public func deleteWebhook(id: Int64) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM webhooks WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func deliveries(webhookId: Int64, limit: Int, beforeId: Int64?) throws -> [DeliveryRecord] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, message_id, type, state, created_at, next_attempt_at FROM webhook_outbox
                WHERE webhook_id = ? AND id < ? ORDER BY id DESC LIMIT ?
                """, arguments: [webhookId, beforeId ?? Int64.max, limit])
            return try rows.map { row in
                let id: Int64 = row["id"]
                let attempts = try Row.fetchAll(db, sql: """
                    SELECT at, succeeded, response_status, latency_ms, response_excerpt, error FROM webhook_attempts
                    WHERE delivery_id = ? ORDER BY id
                    """, arguments: [id]).map { attempt in
                    DeliveryRecord.RecordedAttempt(at: Date(millis: attempt["at"]), attempt: DeliveryAttempt(
                        succeeded: attempt["succeeded"], responseStatus: attempt["response_status"],
                        latencyMilliseconds: attempt["latency_ms"], responseExcerpt: attempt["response_excerpt"], error: attempt["error"]))
                }
                let state: String = row["state"]
                return DeliveryRecord(id: id, messageId: row["message_id"], type: row["type"], state: state,
                                      createdAt: Date(millis: row["created_at"]),
                                      nextAttemptAt: state == "pending" ? Date(millis: row["next_attempt_at"]) : nil, attempts: attempts)
            }
        }
    }

    static func webhook(from row: Row) -> Webhook {
        Webhook(id: row["id"], uuid: row["uuid"], siteId: row["site_id"], url: row["url"], description: row["description"],
                events: decodeEvents(row["events"]), active: row["active"], disabledReason: row["disabled_reason"],
                failingSince: (row["failing_since"] as Int64?).map(Date.init(millis:)),
                createdAt: Date(millis: row["created_at"]), updatedAt: Date(millis: row["updated_at"]))
    }

    /// Events as a JSON array of strings (read by the outbox triggers with `json_each`).
    static func encodeEvents(_ events: [String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: events) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeEvents(_ text: String) -> [String] {
        guard let data = text.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [String] else { return [] }
        return array
    }
}
