import FeedFetchers
import Foundation
import Logging

/// Tells the operator before a platform token lapses (issue 12, SPEC §3.8): each run finds the
/// connections whose known expiry is within 7 days, within 1 day, or past, and emits
/// `connection.expiring` (for the 7-day and 1-day thresholds) or `connection.expired`, each
/// threshold once per connection and expiry. What was sent is kept in the store, so a restart
/// (a new monitor over the same store) sends nothing twice; a refreshed token with a new
/// expiry starts afresh.
public struct ConnectionExpiryMonitor: Sendable {
    /// Receives one event: the site, the type and its data (the lead wires the webhook outbox).
    public typealias Emit = @Sendable (_ siteId: Int64, _ type: String, _ data: [String: String]) async -> Void

    let store: any ConnectionExpiryStore
    let emit: Emit
    let now: @Sendable () -> Date
    let logger: Logger

    /// How often `roost serve` runs the monitor.
    public static let interval: Duration = .seconds(3600)

    /// Creates a monitor.
    public init(store: any ConnectionExpiryStore, now: @escaping @Sendable () -> Date,
                logger: Logger = Logger(label: "roost.expiry"), emit: @escaping Emit) {
        self.store = store
        self.emit = emit
        self.now = now
        self.logger = logger
    }

    /// One pass over the connections expiring within 7 days; returns how many events it emitted.
    @discardableResult
    public func run() async -> Int {
        let current = now()
        let expiring: [Connection]
        do {
            expiring = try store.connectionsExpiring(before: current.addingTimeInterval(7 * 86_400), limit: 10_000)
        } catch {
            logger.error("could not read the connections that expire soon: \(error)")
            return 0
        }
        var emitted = 0
        for connection in expiring {
            guard let expiresAt = connection.expiresAt, let threshold = Self.threshold(expiresAt: expiresAt, now: current) else { continue }
            do {
                let sent = try store.sentExpiryNotices(connectionId: connection.id, expiresAt: expiresAt)
                // The most urgent threshold reached is sent; the milder ones it passes are implied.
                guard !sent.contains(threshold), !Self.moreUrgent(than: threshold).contains(where: sent.contains) else { continue }
                // Emitted before it is recorded: a crash in between sends it again (at least once), never not at all.
                await emit(connection.siteId, threshold == .expired ? "connection.expired" : "connection.expiring",
                           Self.data(connection, expiresAt: expiresAt, now: current))
                _ = try store.recordExpiryNotice(connectionId: connection.id, expiresAt: expiresAt, threshold: threshold, now: current)
                emitted += 1
            } catch {
                logger.error("could not record the expiry notice of connection \(connection.id): \(error)")
            }
        }
        return emitted
    }

    /// The threshold `expiresAt` has reached at `now`; nil when more than 7 days are left.
    static func threshold(expiresAt: Date, now: Date) -> ExpiryThreshold? {
        let left = expiresAt.timeIntervalSince(now)
        if left <= 0 { return .expired }
        if left <= 86_400 { return .oneDay }
        if left <= 7 * 86_400 { return .sevenDays }
        return nil
    }

    /// The thresholds more urgent than `threshold`.
    static func moreUrgent(than threshold: ExpiryThreshold) -> [ExpiryThreshold] {
        switch threshold {
        case .sevenDays: return [.oneDay, .expired]
        case .oneDay: return [.expired]
        case .expired: return []
        }
    }

    /// The event's data: connection id, uuid, service, name, expires_at and days_left (whole days, 0 when past).
    static func data(_ connection: Connection, expiresAt: Date, now: Date) -> [String: String] {
        let days = max(0, Int((expiresAt.timeIntervalSince(now) / 86_400).rounded(.down)))
        return [
            "connection_id": String(connection.id), "uuid": connection.uuid, "service": connection.service.rawValue,
            "name": connection.name ?? "", "expires_at": FeedDate.isoString(expiresAt), "days_left": String(days),
        ]
    }
}
