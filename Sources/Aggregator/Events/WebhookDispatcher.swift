import FeedFetchers
import Foundation
import Logging

/// Delivers the webhook outbox (SPEC §3.8): at least once, in order per webhook, signed,
/// through the guarded HTTP client, retried on the `WebhookRetryPolicy`, every attempt
/// recorded. It runs beside the API and the fetch scheduler and shares nothing with them but
/// the database, so a slow receiver holds only its own delivery.
public struct WebhookDispatcher: Sendable {
    let store: any EventStore
    let transport: any HTTPTransport
    /// The `data` of a post event, built from its change at the first attempt.
    let changeData: @Sendable (PendingDelivery) throws -> String
    let policy: WebhookRetryPolicy
    /// Most deliveries under way at once (each to a different webhook).
    let concurrency: Int
    /// How long changes are kept for the change feed.
    let changeRetention: TimeInterval
    let now: @Sendable () -> Date
    let logger: Logger

    /// The longest a delivery may stay leased before another process may take it over.
    static let lease: TimeInterval = 30
    /// The largest excerpt of a receiver's answer kept with an attempt.
    static let excerptBytes = 1024

    /// Creates a dispatcher.
    public init(store: any EventStore, transport: any HTTPTransport, changeData: @escaping @Sendable (PendingDelivery) throws -> String,
                policy: WebhookRetryPolicy = WebhookRetryPolicy(), concurrency: Int = 16, changeRetention: TimeInterval = 7 * 86_400,
                now: @escaping @Sendable () -> Date, logger: Logger = Logger(label: "roost.webhooks")) {
        self.store = store
        self.transport = transport
        self.changeData = changeData
        self.policy = policy
        self.concurrency = max(1, concurrency)
        self.changeRetention = changeRetention
        self.now = now
        self.logger = logger
    }

    /// Delivers until `shouldStop` answers true, looking for due deliveries every
    /// `pollInterval` and at once after each one finishes. Attempts under way are finished
    /// and recorded before it returns; prunes old changes and deliveries every hour.
    public func run(pollInterval: Duration = .milliseconds(250), shouldStop: @escaping @Sendable () -> Bool) async {
        var lastPrune = Date.distantPast
        await withTaskGroup(of: Bool.self) { group in
            var inFlight = 0
            group.addTask { try? await Task.sleep(for: pollInterval); return false }
            while !shouldStop() {
                if now().timeIntervalSince(lastPrune) >= 3600 {
                    prune()
                    lastPrune = now()
                }
                if inFlight < concurrency {
                    let claimed = (try? store.claimDeliveries(now: now(), limit: concurrency - inFlight, lease: Self.lease)) ?? []
                    for delivery in claimed {
                        inFlight += 1
                        group.addTask { _ = await deliver(delivery); return true }
                    }
                }
                guard let finished = await group.next() else { break }
                if finished { inFlight -= 1 } else {
                    group.addTask { try? await Task.sleep(for: pollInterval); return false }
                }
            }
            for await _ in group {}
        }
    }

    /// One attempt at one delivery, recorded with what follows from it.
    @discardableResult
    public func deliver(_ delivery: PendingDelivery) async -> DeliveryAttempt {
        let attempt: DeliveryAttempt
        do {
            let body = Array(try self.body(of: delivery).utf8)
            attempt = await post(body, for: delivery)
        } catch {
            attempt = DeliveryAttempt(succeeded: false, responseStatus: nil, latencyMilliseconds: 0, responseExcerpt: nil,
                                      error: "the event's body could not be built: \(error)")
        }
        let at = now()
        let retryAt = attempt.succeeded || delivery.type == "webhook.test" ? nil
            : policy.retryAt(attempts: delivery.attempts + 1, created: delivery.createdAt, now: at)
        do {
            try store.recordAttempt(delivery, attempt, retryAt: retryAt, deactivateAfter: policy.deactivateAfter, now: at)
        } catch {
            // The lease runs out and the delivery is tried again: at least once, never lost.
            logger.error("could not record the delivery of \(delivery.messageId): \(error)")
        }
        return attempt
    }

    /// The body every attempt sends: `{"type", "timestamp", "data"}`, fixed at the first.
    func body(of delivery: PendingDelivery) throws -> String {
        var data = delivery.payload
        if data == nil {
            let built = try changeData(delivery)
            try store.savePayload(deliveryId: delivery.id, payload: built)
            data = built
        }
        let type = delivery.type.replacingOccurrences(of: "\"", with: "")
        return "{\"type\":\"\(type)\",\"timestamp\":\"\(FeedDate.isoString(delivery.createdAt))\",\"data\":\(data ?? "null")}"
    }

    private func post(_ body: [UInt8], for delivery: PendingDelivery) async -> DeliveryAttempt {
        let headers = WebhookSigner.headers(secret: delivery.secret, messageId: delivery.messageId, now: now(), body: body)
        let started = ContinuousClock.now
        do {
            let response = try await transport.fetch(FetchRequest(url: delivery.url, headers: headers, method: "POST", body: body))
            let elapsed = ContinuousClock.now - started
            let succeeded = (200..<300).contains(response.status)
            return DeliveryAttempt(succeeded: succeeded, responseStatus: response.status, latencyMilliseconds: Self.milliseconds(elapsed),
                                   responseExcerpt: String(decoding: response.body.prefix(Self.excerptBytes), as: UTF8.self),
                                   error: succeeded ? nil : "\(delivery.url) answered \(response.status)")
        } catch {
            return DeliveryAttempt(succeeded: false, responseStatus: nil, latencyMilliseconds: Self.milliseconds(ContinuousClock.now - started),
                                   responseExcerpt: nil, error: error.description)
        }
    }

    private func prune() {
        do {
            let changes = try store.pruneChanges(before: now().addingTimeInterval(-changeRetention))
            let deliveries = try store.pruneDeliveries(before: now().addingTimeInterval(-7 * 86_400))
            if changes + deliveries > 0 { logger.info("pruned \(changes) changes and \(deliveries) finished deliveries") }
        } catch {
            logger.error("could not prune changes and deliveries: \(error)")
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
