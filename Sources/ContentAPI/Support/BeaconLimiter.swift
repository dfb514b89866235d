import Foundation
import Synchronization

/// Rate limits and de-duplicates embed beacons in memory (issue 11): per visitor address at
/// most `perMinute` beacons a minute, one view per embed and one click per post every
/// `repeatWindow`. Addresses are kept only as hashes salted per process, in memory, and
/// forgotten when their window passes: nothing about a visitor reaches the database.
final class BeaconLimiter: Sendable {
    /// What the limiter says about one beacon.
    enum Verdict: Equatable {
        /// Count it.
        case count
        /// A repeat within the window: accepted, not counted.
        case repeated
        /// Over the per-minute limit: refuse with 429, try again after so many seconds.
        case limited(retryAfter: Int)
    }

    private struct State {
        var minute: Int64 = 0
        var perAddress: [Int: Int] = [:]
        var seen: [Int: ContinuousClock.Instant] = [:]
    }

    private let state = Mutex(State())
    private let salt = Int.random(in: Int.min...Int.max)
    let perMinute: Int
    let repeatWindow: Duration

    /// A limiter with the given limits.
    init(perMinute: Int = 60, repeatWindow: Duration = .seconds(600)) {
        self.perMinute = perMinute
        self.repeatWindow = repeatWindow
    }

    /// The verdict for a beacon from `address` about `subject` (an embed's view, or a post's click).
    func check(address: String, subject: String, now: Date) -> Verdict {
        let visitor = Self.hash(salt, address)
        let seenKey = Self.hash(visitor, subject)
        let minute = Int64(now.timeIntervalSince1970 / 60)
        let instant = ContinuousClock.now
        return state.withLock { state in
            if state.minute != minute {
                state.minute = minute
                state.perAddress.removeAll(keepingCapacity: true)
                state.seen = state.seen.filter { $0.value > instant }
            }
            let sent = state.perAddress[visitor, default: 0]
            guard sent < perMinute else {
                return .limited(retryAfter: max(1, 60 - Int(now.timeIntervalSince1970) % 60))
            }
            state.perAddress[visitor] = sent + 1
            if let until = state.seen[seenKey], until > instant { return .repeated }
            if state.seen.count > 200_000 { state.seen.removeAll() }
            state.seen[seenKey] = instant + repeatWindow
            return .count
        }
    }

    private static func hash(_ seed: Int, _ text: String) -> Int {
        var hasher = Hasher()
        hasher.combine(seed)
        hasher.combine(text)
        return hasher.finalize()
    }
}
