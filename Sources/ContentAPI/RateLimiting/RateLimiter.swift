import Foundation
import Synchronization

/// Token buckets in this process's memory (SPEC §3.7). Several `roost serve` processes each
/// keep their own, so a key's budget is per process. Memory is bounded: buckets that have
/// filled up again are dropped (a full bucket is the same as none), and past `maxBuckets`
/// the least recently used go first.
final class RateLimiter: Sendable {
    /// Whose budget a bucket is.
    enum Subject: Hashable, Sendable {
        /// An API key's own budget.
        case key(Int64)
        /// An API key's extra budget on one kind of route.
        case route(Int64, RouteClass)
        /// Requests without a key from one address.
        case anonymous(String)
        /// Requests with an unknown key from one address.
        case failedAuthentication(String)
    }

    /// What a request learns of a budget: allowed or not, and the numbers for the headers.
    struct Outcome: Sendable, Equatable {
        var subject: Subject
        var allowed: Bool
        /// The budget, for messages (`100/min`).
        var budget: RateLimit
        /// `X-RateLimit-Limit`.
        var limit: Int
        /// `X-RateLimit-Remaining`.
        var remaining: Int
        /// `X-RateLimit-Reset`: Unix seconds when the bucket is full again.
        var reset: Int
        /// `Retry-After`: seconds until one request is allowed again.
        var retryAfter: Int
    }

    private struct Bucket {
        var tokens: Double
        var updated: Double
        var limit: RateLimit

        /// Refills for the time passed since the last update.
        mutating func refill(at now: Double) {
            let elapsed = max(0, now - updated)
            tokens = min(Double(limit.count), tokens + elapsed * limit.ratePerSecond)
            updated = max(updated, now)
        }

        /// Whether a request may take a token. Token counts are sums of fractions, so they
        /// are compared with a little slack: 19 + 1 seconds of refill make a whole token.
        var hasToken: Bool { tokens >= 1 - Self.slack }

        static let slack = 1e-9

        /// The numbers of this bucket as a request sees them.
        func outcome(_ subject: Subject, allowed: Bool, now: Double) -> Outcome {
            let rate = limit.ratePerSecond
            let missing = max(0, Double(limit.count) - tokens)
            return Outcome(subject: subject, allowed: allowed, budget: limit, limit: limit.count,
                           remaining: max(0, Int((tokens + Self.slack).rounded(.down))),
                           reset: Int((now + missing / rate - 1e-6).rounded(.up)),
                           retryAfter: hasToken ? 0 : max(1, Int(((1 - tokens) / rate - 1e-6).rounded(.up))))
        }
    }

    private struct State {
        var buckets: [Subject: Bucket] = [:]
        var lastSweep: Double = 0
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> Date
    private let maxBuckets: Int

    /// A limiter reading time from `now` (injectable, so tests never wait).
    init(now: @escaping @Sendable () -> Date, maxBuckets: Int = 100_000) {
        self.now = now
        self.maxBuckets = maxBuckets
    }

    /// Takes one token from each budget, or from none when one of them is empty. The outcome
    /// reported is the refusing budget, else the one with the fewest requests left; nil when
    /// no budget applies (all switched off).
    func take(_ charges: [(Subject, RateLimit?)]) -> Outcome? {
        let time = now().timeIntervalSince1970
        return state.withLock { state -> Outcome? in
            sweepIfDue(&state, at: time)
            var buckets: [(Subject, Bucket)] = []
            for case let (subject, limit?) in charges {
                var bucket = state.buckets[subject] ?? Bucket(tokens: Double(limit.count), updated: time, limit: limit)
                bucket.limit = limit
                bucket.refill(at: time)
                buckets.append((subject, bucket))
            }
            guard !buckets.isEmpty else { return nil }
            let refused = buckets.filter { !$0.1.hasToken }
            if !refused.isEmpty {
                for (subject, bucket) in buckets { state.buckets[subject] = bucket }
                return refused.map { $0.1.outcome($0.0, allowed: false, now: time) }.max { $0.retryAfter < $1.retryAfter }
            }
            var outcomes: [Outcome] = []
            for (subject, var bucket) in buckets {
                bucket.tokens -= 1
                state.buckets[subject] = bucket
                outcomes.append(bucket.outcome(subject, allowed: true, now: time))
            }
            return outcomes.min { $0.remaining < $1.remaining }
        }
    }

    /// The refusal a request would get from an empty budget, without taking anything; nil
    /// while the budget has a token left (or is off).
    func refusal(_ subject: Subject, _ limit: RateLimit?) -> Outcome? {
        guard let limit else { return nil }
        let time = now().timeIntervalSince1970
        return state.withLock { state -> Outcome? in
            guard var bucket = state.buckets[subject] else { return nil }
            bucket.limit = limit
            bucket.refill(at: time)
            state.buckets[subject] = bucket
            return bucket.hasToken ? nil : bucket.outcome(subject, allowed: false, now: time)
        }
    }

    /// How many buckets are kept (tests of the memory bound).
    var bucketCount: Int { state.withLock { $0.buckets.count } }

    /// Drops full buckets once a minute, or at once when there are too many; past the
    /// bound, the least recently used too.
    private func sweepIfDue(_ state: inout State, at time: Double) {
        guard state.buckets.count >= maxBuckets || time - state.lastSweep >= 60 else { return }
        state.lastSweep = time
        state.buckets = state.buckets.filter { _, bucket in
            var refilled = bucket
            refilled.refill(at: time)
            return refilled.tokens < Double(bucket.limit.count)
        }
        guard state.buckets.count >= maxBuckets else { return }
        let keep = maxBuckets * 3 / 4
        let recent = state.buckets.sorted { $0.value.updated > $1.value.updated }.prefix(keep)
        state.buckets = Dictionary(uniqueKeysWithValues: recent.map { ($0.key, $0.value) })
    }
}
