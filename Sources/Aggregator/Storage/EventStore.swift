import Foundation

/// The change feed and the webhook outbox (SPEC §3.8), beside `RoostStore`. Changes and
/// outbox rows are written by the database itself in the transaction of each change
/// (`EventsSchema`); these methods read them, and keep the webhooks and their deliveries.
public protocol EventStore: Sendable {
    // MARK: change feed
    /// The site's changes after `since` (nil: from the oldest kept), oldest first.
    func changes(siteId: Int64, since: Int64?, count: Int) throws -> ChangePage
    /// One change by id, within the site.
    func change(siteId: Int64, id: Int64) throws -> Change?
    /// Forgets changes recorded before `cutoff`; a cursor older than what is kept then
    /// answers `ChangeCursorError.expired`. Returns how many were dropped.
    func pruneChanges(before cutoff: Date) throws -> Int

    // MARK: webhooks
    func createWebhook(_ webhook: NewWebhook, now: Date) throws -> Webhook
    func webhooks(siteId: Int64) throws -> [Webhook]
    func webhook(siteId: Int64, idOrUUID: String) throws -> Webhook?
    func updateWebhook(id: Int64, _ changes: WebhookChanges, now: Date) throws -> Webhook?
    func deleteWebhook(id: Int64) throws -> Bool
    /// A webhook's deliveries, newest first, with their attempts.
    func deliveries(webhookId: Int64, limit: Int, beforeId: Int64?) throws -> [DeliveryRecord]

    // MARK: outbox
    /// Puts an event that no database change announces (a connection expiring) in the outbox
    /// of every active webhook of the site subscribed to `type`. Returns how many deliveries.
    @discardableResult
    func enqueueEvent(siteId: Int64, type: String, payload: String, now: Date) throws -> Int
    /// Puts a `webhook.test` event for one webhook in its outbox, leased to the caller, who
    /// delivers it at once. Nil when the webhook does not exist.
    func enqueueTest(webhookId: Int64, payload: String, now: Date) throws -> PendingDelivery?
    /// Leases up to `limit` deliveries that are due: for each active webhook only its oldest
    /// pending one, so that every receiver sees events in order.
    func claimDeliveries(now: Date, limit: Int, lease: TimeInterval) throws -> [PendingDelivery]
    /// Fixes the body of a delivery at its first attempt.
    func savePayload(deliveryId: Int64, payload: String) throws
    /// Records an attempt and what follows: delivered, retried at `retryAt`, or failed for good
    /// (`retryAt` nil); a webhook failing for `deactivateAfter` is turned off, saying why.
    func recordAttempt(_ delivery: PendingDelivery, _ attempt: DeliveryAttempt, retryAt: Date?, deactivateAfter: TimeInterval,
                       now: Date) throws
    /// Drops delivered and failed deliveries (and their attempts) older than `cutoff`.
    func pruneDeliveries(before cutoff: Date) throws -> Int
}
