import Foundation

/// When a failed delivery is tried again: the Standard Webhooks schedule (5 s, 5 min, 30 min,
/// 2 h, 5 h, 10 h after each failure), within a day of the event; a webhook whose every
/// delivery has failed for a day is turned off (SPEC §3.8).
public struct WebhookRetryPolicy: Sendable {
    /// The wait after the first, second, ... failed attempt.
    public var delays: [TimeInterval] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600]
    /// How long after the event the last attempt may be.
    public var window: TimeInterval = 24 * 3600
    /// How long a webhook may fail without a success before it is turned off.
    public var deactivateAfter: TimeInterval = 24 * 3600

    /// Creates the default policy.
    public init() {}

    /// When to try again after `attempts` failed attempts of an event created at `created`;
    /// nil when its day is over. The last try falls at the end of the window, not past it.
    public func retryAt(attempts: Int, created: Date, now: Date) -> Date? {
        let end = created.addingTimeInterval(window)
        guard now < end else { return nil }
        let delay = delays[min(max(attempts - 1, 0), delays.count - 1)]
        return min(now.addingTimeInterval(delay), end)
    }
}
