import FeedFetchers
import Foundation
import Logging

/// Puts events that no database change announces (a connection expiring or expired) in the
/// webhook outbox, as the `data` object of their deliveries.
public struct EventOutbox: Sendable {
    let store: any EventStore
    let now: @Sendable () -> Date
    let logger: Logger

    /// Creates an outbox writer.
    public init(store: any EventStore, now: @escaping @Sendable () -> Date, logger: Logger) {
        self.store = store
        self.now = now
        self.logger = logger
    }

    /// Queues `type` with `data` for every active webhook of the site subscribed to it; a
    /// failure is logged (the monitor that calls this tries again on its next round).
    public func emit(siteId: Int64, type: String, data: [String: String]) async {
        do {
            let queued = try store.enqueueEvent(siteId: siteId, type: type, payload: StringMapJSON.encode(data), now: now())
            logger.info("\(type) for site \(siteId): \(queued) webhook deliveries queued")
        } catch {
            logger.error("could not queue \(type) for site \(siteId): \(error)")
        }
    }
}
