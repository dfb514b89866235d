import FeedFetchers
import Foundation
import GRDB

extension SQLiteStore {
    /// The columns a delivery is read with, joined with its webhook.
    private static let deliveryColumns = """
        o.id, o.site_id, o.webhook_id, w.url, w.secret, o.message_id, o.type, o.change_id, o.payload, o.attempts, o.created_at
        """

    @discardableResult
    public func enqueueEvent(siteId: Int64, type: String, payload: String, now: Date) throws -> Int {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO webhook_outbox (site_id, webhook_id, message_id, type, payload, next_attempt_at, created_at)
                SELECT ?, w.id, 'msg_' || lower(hex(randomblob(12))), ?, ?, ?, ? FROM webhooks w
                WHERE w.site_id = ? AND w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value = ?)
                """, arguments: [siteId, type, payload, now.millis, now.millis, siteId, type])
            return db.changesCount
        }
    }

    public func enqueueTest(webhookId: Int64, payload: String, now: Date) throws -> PendingDelivery? {
        let row = try writer.write { db -> Row? in
            guard let siteId = try Int64.fetchOne(db, sql: "SELECT site_id FROM webhooks WHERE id = ?", arguments: [webhookId]) else {
                return nil
            }
            // Leased at once: the test is delivered by the request that asked for it, outside the queue's order.
            try db.execute(sql: """
                INSERT INTO webhook_outbox (site_id, webhook_id, message_id, type, payload, next_attempt_at, locked_until, created_at)
                VALUES (?, ?, 'msg_' || lower(hex(randomblob(12))), 'webhook.test', ?, ?, ?, ?)
                """, arguments: [siteId, webhookId, payload, now.millis, now.addingTimeInterval(60).millis, now.millis])
            return try Row.fetchOne(db, sql: """
                SELECT \(Self.deliveryColumns) FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE o.id = ?
                """, arguments: [db.lastInsertedRowID])
        }
        return try row.map(pendingDelivery(from:))
    }

    public func claimDeliveries(now: Date, limit: Int, lease: TimeInterval) throws -> [PendingDelivery] {
        let rows = try writer.write { db -> [Row] in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.deliveryColumns) FROM webhooks w
                JOIN webhook_outbox o ON o.id = (SELECT MIN(id) FROM webhook_outbox q WHERE q.webhook_id = w.id AND q.state = 'pending')
                WHERE w.active = 1 AND o.next_attempt_at <= ? AND (o.locked_until IS NULL OR o.locked_until < ?)
                ORDER BY o.id LIMIT ?
                """, arguments: [now.millis, now.millis, limit])
            for row in rows {
                try db.execute(sql: "UPDATE webhook_outbox SET locked_until = ? WHERE id = ?",
                               arguments: [now.addingTimeInterval(lease).millis, row["id"] as Int64])
            }
            return rows
        }
        return try rows.map(pendingDelivery(from:))
    }

    public func savePayload(deliveryId: Int64, payload: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE webhook_outbox SET payload = ? WHERE id = ? AND payload IS NULL", arguments: [payload, deliveryId])
        }
    }

    public func recordAttempt(_ delivery: PendingDelivery, _ attempt: DeliveryAttempt, retryAt: Date?, deactivateAfter: TimeInterval,
                              now: Date) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO webhook_attempts (delivery_id, webhook_id, site_id, at, succeeded, response_status, latency_ms,
                    response_excerpt, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [delivery.id, delivery.webhookId, delivery.siteId, now.millis, attempt.succeeded, attempt.responseStatus,
                                 attempt.latencyMilliseconds, attempt.responseExcerpt, attempt.error])
            if attempt.succeeded {
                try db.execute(sql: """
                    UPDATE webhook_outbox SET state = 'delivered', attempts = attempts + 1, locked_until = NULL WHERE id = ?
                    """, arguments: [delivery.id])
                try db.execute(sql: "UPDATE webhooks SET failing_since = NULL WHERE id = ?", arguments: [delivery.webhookId])
                return
            }
            try db.execute(sql: """
                UPDATE webhook_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, locked_until = NULL WHERE id = ?
                """, arguments: [retryAt == nil ? "failed" : "pending", (retryAt ?? now).millis, delivery.id])
            try db.execute(sql: "UPDATE webhooks SET failing_since = COALESCE(failing_since, ?) WHERE id = ?",
                           arguments: [now.millis, delivery.webhookId])
            let since = try Int64.fetchOne(db, sql: "SELECT failing_since FROM webhooks WHERE id = ?", arguments: [delivery.webhookId])
            guard let since, now.timeIntervalSince(Date(millis: since)) >= deactivateAfter else { return }
            let reason = "Roost turned this webhook off at \(FeedDate.isoString(now)): every delivery to \(delivery.url) failed "
                + "for a day (last: \(attempt.error ?? "no answer")). Fix the receiver, then PATCH it with \"active\": true."
            try db.execute(sql: "UPDATE webhooks SET active = 0, disabled_reason = ?, updated_at = ? WHERE id = ?",
                           arguments: [reason, now.millis, delivery.webhookId])
        }
    }

    public func pruneDeliveries(before cutoff: Date) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM webhook_outbox WHERE state != 'pending' AND created_at < ?", arguments: [cutoff.millis])
            return db.changesCount
        }
    }

    /// A delivery row with its webhook's secret opened.
    private func pendingDelivery(from row: Row) throws -> PendingDelivery {
        let webhookId: Int64 = row["webhook_id"]
        return PendingDelivery(id: row["id"], siteId: row["site_id"], webhookId: webhookId, url: row["url"],
                               secret: try sealer.open(row["secret"], owner: "the signing secret of webhook \(webhookId)"), messageId: row["message_id"],
                               type: row["type"], changeId: row["change_id"], payload: row["payload"], attempts: row["attempts"],
                               createdAt: Date(millis: row["created_at"]))
    }
}
