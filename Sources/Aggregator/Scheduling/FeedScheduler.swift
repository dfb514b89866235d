import FeedFetchers
import Foundation
import Logging

/// Picks due feeds and ingests them, with a global worker limit and a per-host limit so
/// that no server gets more than a few requests from Roost at once (issue 4).
public struct FeedScheduler: Sendable {
    let store: any RoostStore
    let ingest: IngestFeed
    let workers: Int
    let perHost: Int
    let logger: Logger

    /// Creates a scheduler.
    public init(store: any RoostStore, ingest: IngestFeed, workers: Int = 8, perHost: Int = 2,
                logger: Logger = Logger(label: "roost.scheduler")) {
        self.store = store
        self.ingest = ingest
        self.workers = max(1, workers)
        self.perHost = max(1, perHost)
        self.logger = logger
    }

    /// Fetches every feed that is due now, once each, and returns what happened. Feeds
    /// run concurrently within the limits; each one's result is saved as soon as it is in.
    public func tick(now: Date, shouldStop: @escaping @Sendable () -> Bool = { false }) async -> TickSummary {
        let due: [Feed]
        do {
            due = try store.dueFeeds(now: now, limit: 10_000)
        } catch {
            logger.error("could not read the due feeds: \(error)")
            return TickSummary()
        }
        var summary = TickSummary()
        var waiting = due[...]
        var running: [String: Int] = [:]
        await withTaskGroup(of: (String, IngestOutcome).self) { group in
            var inFlight = 0
            while true {
                // Start what the limits allow, skipping feeds whose host is busy.
                while inFlight < workers, !shouldStop(), let index = waiting.firstIndex(where: { running[Self.host(of: $0), default: 0] < perHost }) {
                    let feed = waiting.remove(at: index)
                    let host = Self.host(of: feed)
                    running[host, default: 0] += 1
                    inFlight += 1
                    group.addTask { (host, await ingest.run(feed)) }
                }
                guard let (host, outcome) = await group.next() else { break }
                inFlight -= 1
                running[host, default: 1] -= 1
                summary.add(outcome)
            }
        }
        summary.skipped = waiting.count
        return summary
    }

    /// Runs ticks until `shouldStop` answers true, sleeping between them until the next
    /// feed is due (at most `maximumSleep`). A fetch under way when the stop comes is
    /// finished and saved; no new one starts.
    public func run(now: @escaping @Sendable () -> Date, maximumSleep: Duration = .seconds(30),
                    shouldStop: @escaping @Sendable () -> Bool) async {
        while !shouldStop() {
            let summary = await tick(now: now(), shouldStop: shouldStop)
            if summary.feeds > 0 {
                logger.info("fetched \(summary.feeds) feeds: \(summary.inserted) new posts, \(summary.updated) updated, \(summary.failed) failed")
            }
            var slept: Duration = .zero
            while slept < maximumSleep, !shouldStop() {
                try? await Task.sleep(for: .seconds(1))
                slept += .seconds(1)
                if (try? store.dueFeeds(now: now(), limit: 1).isEmpty) == false { break }
            }
        }
    }

    /// The host a feed is fetched from, for the per-host limit; a platform feed counts as its platform's API.
    static func host(of feed: Feed) -> String {
        guard feed.service == .rss else { return "platform:" + feed.service.rawValue }
        return feed.attributes["url"]?.stringValue.flatMap(WebAddress.init)?.host ?? ""
    }
}

/// What one tick did.
public struct TickSummary: Sendable, Equatable {
    public var feeds = 0
    public var fetched = 0
    public var notModified = 0
    public var failed = 0
    public var inserted = 0
    public var updated = 0
    /// Feeds still due when the tick was stopped.
    public var skipped = 0

    /// Creates an empty summary.
    public init() {}

    mutating func add(_ outcome: IngestOutcome) {
        feeds += 1
        switch outcome.result {
        case .fetched(let upsert, _, _):
            fetched += 1
            inserted += upsert.inserted
            updated += upsert.updated
        case .notModified:
            notModified += 1
        case .failed, .gone, .throttled, .unavailable:
            failed += 1
        }
    }
}
