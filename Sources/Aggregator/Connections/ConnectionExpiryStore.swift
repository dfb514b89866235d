import Foundation

/// A threshold of a connection's expiry that `ConnectionExpiryMonitor` reports once.
public enum ExpiryThreshold: String, Sendable, CaseIterable {
    /// Seven days or less left.
    case sevenDays = "7d"
    /// One day or less left.
    case oneDay = "1d"
    /// The token has expired.
    case expired
}

/// What the expiry monitor and the verify route keep about connections' known expiry (issue 12).
public protocol ConnectionExpiryStore: Sendable {
    /// Connections of every site whose known expiry is before `before`, soonest first.
    func connectionsExpiring(before: Date, limit: Int) throws -> [Connection]
    /// The thresholds already reported for the connection's expiry at `expiresAt`.
    func sentExpiryNotices(connectionId: Int64, expiresAt: Date) throws -> Set<ExpiryThreshold>
    /// Records `threshold` for the connection's expiry; false when it was recorded before.
    func recordExpiryNotice(connectionId: Int64, expiresAt: Date, threshold: ExpiryThreshold, now: Date) throws -> Bool
    /// Sets (or, with nil, forgets) the connection's known expiry.
    func setConnectionExpiry(connectionId: Int64, expiresAt: Date?) throws
}
