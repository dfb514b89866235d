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

    /// Runs until `shouldStop` answers true. Feeds are started as they fall due, checked every
    /// `pollInterval`, within the worker and per-host limits, while other fetches are still
    /// under way: one slow origin holds only its own worker, never a "fetch now" or a new
    /// feed elsewhere. A fetch under way when the stop comes is finished and saved; no new
    /// one starts.
    public func run(now: @escaping @Sendable () -> Date, pollInterval: Duration = .seconds(1),
                    shouldStop: @escaping @Sendable () -> Bool) async {
        await withTaskGroup(of: SchedulerEvent.self) { group in
            var inFlight: [Int64: String] = [:]
            var running: [String: Int] = [:]
            var summary = TickSummary()
            group.addTask { await Self.pause(pollInterval) }
            while !shouldStop() {
                startDue(now: now(), inFlight: &inFlight, running: &running, group: &group)
                guard let event = await group.next() else { break }
                switch event {
                case .finished(let feedId, let host, let outcome):
                    inFlight[feedId] = nil
                    running[host, default: 1] -= 1
                    summary.add(outcome)
                case .wake:
                    if summary.feeds > 0 {
                        logger.info("fetched \(summary.feeds) feeds: \(summary.inserted) new posts, \(summary.updated) updated, \(summary.failed) failed")
                        summary = TickSummary()
                    }
                    group.addTask { await Self.pause(pollInterval) }
                }
            }
            // Let the fetches under way finish and save; the pending wake ends within a poll interval.
            for await _ in group {}
        }
    }

    /// Starts the due feeds that are not already running, as far as the limits allow.
    private func startDue(now: Date, inFlight: inout [Int64: String], running: inout [String: Int],
                          group: inout TaskGroup<SchedulerEvent>) {
        guard inFlight.count < workers else { return }
        let due: [Feed]
        do {
            due = try store.dueFeeds(now: now, limit: 1_000 + inFlight.count)
        } catch {
            logger.error("could not read the due feeds: \(error)")
            return
        }
        for feed in due where inFlight.count < workers && inFlight[feed.id] == nil {
            let host = Self.host(of: feed)
            guard running[host, default: 0] < perHost else { continue }
            running[host, default: 0] += 1
            inFlight[feed.id] = host
            let ingest = self.ingest
            group.addTask { .finished(feedId: feed.id, host: host, outcome: await ingest.run(feed)) }
        }
    }

    private static func pause(_ interval: Duration) async -> SchedulerEvent {
        try? await Task.sleep(for: interval)
        return .wake
    }

    /// The host a feed is fetched from, for the per-host limit; a platform feed counts as its platform's API.
    static func host(of feed: Feed) -> String {
        guard feed.service == .rss else { return "platform:" + feed.service.rawValue }
        return feed.attributes["url"]?.stringValue.flatMap(WebAddress.init)?.host ?? ""
    }
}

/// What the running scheduler waits for: a fetch that finished, or the next look at due feeds.
enum SchedulerEvent: Sendable {
    case finished(feedId: Int64, host: String, outcome: IngestOutcome)
    case wake
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
