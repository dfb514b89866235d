import Foundation

/// When a feed is fetched next: adapted to how often it publishes, stretched by what the
/// server asks (RSS `ttl`, `Cache-Control: max-age`, `Retry-After`), backed off on failure
/// without ever giving up, and jittered so that feeds do not fire together.
public struct FetchSchedule: Sendable {
    /// The shortest interval between two fetches of a healthy feed.
    public var minimum: TimeInterval = 5 * 60
    /// The longest interval for a quiet feed.
    public var maximum: TimeInterval = 6 * 60 * 60
    /// The interval when a feed says nothing about its rhythm.
    public var fallback: TimeInterval = 60 * 60
    /// The longest back-off after failures.
    public var maximumBackoff: TimeInterval = 12 * 60 * 60
    /// ± this fraction of randomness on every interval.
    public var jitter: Double = 0.1

    /// Creates the default schedule.
    public init() {}

    /// The interval after a successful fetch that showed these publication dates.
    public func interval(publishedAt dates: [Date], now: Date, ttlMinutes: Int?, maxAge: Int?, retryAfter: Int?) -> TimeInterval {
        var interval = rhythm(dates, now: now)
        if let ttlMinutes { interval = max(interval, TimeInterval(ttlMinutes) * 60) }
        if let maxAge { interval = max(interval, min(TimeInterval(maxAge), 24 * 60 * 60)) }
        if let retryAfter { interval = max(interval, min(TimeInterval(retryAfter), 24 * 60 * 60)) }
        return min(interval, 24 * 60 * 60)
    }

    /// Half the average gap between recent posts, so a feed is read about twice per new post;
    /// a feed whose newest post is old is read no more often than that age suggests.
    func rhythm(_ dates: [Date], now: Date) -> TimeInterval {
        let recent = dates.filter { $0 <= now }.sorted(by: >).prefix(20)
        guard let newest = recent.first, let oldest = recent.last, recent.count >= 2 else { return fallback }
        let averageGap = newest.timeIntervalSince(oldest) / Double(recent.count - 1)
        let quiet = now.timeIntervalSince(newest) / 4
        return min(max(max(averageGap / 2, quiet), minimum), maximum)
    }

    /// The wait after the `failures`-th failure in a row: exponential from the minimum,
    /// capped, or what the server's `Retry-After` asks when that is longer.
    public func backoff(failures: Int, retryAfter: Int?) -> TimeInterval {
        let exponent = Double(min(max(failures - 1, 0), 20))
        let wait = min(minimum * pow(2, exponent), maximumBackoff)
        return max(wait, TimeInterval(min(retryAfter ?? 0, 24 * 60 * 60)))
    }

    /// An interval with jitter from `unit`, a random number in 0..<1.
    public func jittered(_ interval: TimeInterval, unit: Double) -> TimeInterval {
        interval * (1 + jitter * (2 * unit - 1))
    }
}
