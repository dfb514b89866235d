import Foundation

/// A platform's request allowance for one credential: `requests` per `per` seconds.
public struct RatePolicy: Sendable, Equatable {
    public var requests: Int
    public var per: TimeInterval

    /// Creates a policy.
    public init(requests: Int, per: TimeInterval) {
        self.requests = max(1, requests)
        self.per = max(1, per)
    }
}

/// The request budgets of every credential, shared by all the feeds that use it (issue 6:
/// twenty feeds on one token must not exhaust it).
///
/// A budget counts requests in fixed windows of the platform's policy, keeping a reserve of a
/// tenth so that one site's many feeds leave room for the next window; it also follows what
/// the platform says (`x-rate-limit-remaining` and its reset, a 429 with a reset time), which
/// wins over the local count. A request that does not fit is not sent: the fetch ends as
/// rate limited until the budget's reset, and the feed stays healthy.
public actor RateBudgets {
    private struct Budget {
        var windowStart: Date
        var used: Int
        /// What the platform last said was left, and when its window resets.
        var remaining: Int?
        var resetAt: Date?
        /// A wait the platform imposed (a 429), whatever the counts say.
        var blockedUntil: Date?
    }

    private var budgets: [String: Budget] = [:]

    /// Creates an empty set of budgets.
    public init() {}

    /// Takes one request from `key`'s budget; returns nil when it may be sent, else the time
    /// the budget allows it again. Background work (re-checking posts, issue 12) passes a
    /// `reserve`: the part of the window it leaves to fetches, so it never starves them.
    public func admit(_ key: String, policy: RatePolicy, now: Date, reserve: Double = 0) -> Date? {
        var budget = budgets[key] ?? Budget(windowStart: now, used: 0)
        if let until = budget.blockedUntil {
            if until > now { return until }
            budget.blockedUntil = nil
        }
        if let reset = budget.resetAt, reset <= now {
            budget.remaining = nil
            budget.resetAt = nil
        }
        if now.timeIntervalSince(budget.windowStart) >= policy.per {
            budget.windowStart = now
            budget.used = 0
        }
        let kept = Int((Double(policy.requests) * min(max(reserve, 0), 1)).rounded(.up))
        if let remaining = budget.remaining, remaining <= kept, let reset = budget.resetAt {
            budgets[key] = budget
            return reset
        }
        // Keep a tenth of the window in reserve (at least one request when the window allows more than one).
        var usable = policy.requests > 1 ? policy.requests - max(1, policy.requests / 10) : 1
        if kept > 0 { usable = min(usable, policy.requests - kept) }
        if budget.used >= usable {
            budgets[key] = budget
            return budget.windowStart.addingTimeInterval(policy.per)
        }
        budget.used += 1
        if let remaining = budget.remaining { budget.remaining = remaining - 1 }
        budgets[key] = budget
        return nil
    }

    /// Records what the platform said about the window: requests left and when it resets.
    public func observe(_ key: String, remaining: Int?, resetAt: Date?, now: Date) {
        guard remaining != nil || resetAt != nil else { return }
        var budget = budgets[key] ?? Budget(windowStart: now, used: 0)
        budget.remaining = remaining
        budget.resetAt = resetAt
        budgets[key] = budget
    }

    /// Stops every request of `key` until `until` (the platform said to wait).
    public func block(_ key: String, until: Date, now: Date) {
        var budget = budgets[key] ?? Budget(windowStart: now, used: 0)
        budget.blockedUntil = max(budget.blockedUntil ?? until, until)
        budgets[key] = budget
    }
}
