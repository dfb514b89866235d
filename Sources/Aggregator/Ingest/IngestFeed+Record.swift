import FeedFetchers
import Foundation

extension IngestFeed {
    /// Saves the outcome: health, validators, redirect bookkeeping and the next fetch time.
    func record(_ feed: Feed, _ result: IngestOutcome.Result, response: FetchResponse? = nil, platform: PlatformRecord? = nil) -> IngestOutcome {
        let now = self.now()
        var state = feed.fetchState
        var health = feed.health
        state.lastFetchedAt = now
        var interval: TimeInterval
        switch result {
        case .fetched(_, let dates, let ttl):
            state.etag = response?.etag
            state.lastModified = response?.lastModified
            interval = schedule.interval(publishedAt: dates, now: now, ttlMinutes: ttl, maxAge: response?.maxAge,
                                         retryAfter: response?.retryAfter)
            if let platform {
                state.cursor = platform.cursor
                interval = max(interval, platform.minimumInterval)
            }
            succeed(&state, &health, now: now)
        case .notModified:
            // The rhythm the feed had, never shorter than the minimum: a "fetch now" that
            // answered 304 must not turn its short forced gap into the feed's interval.
            interval = min(max(previousInterval(feed) ?? schedule.fallback, schedule.minimum), schedule.maximum)
            interval = max(interval, TimeInterval(min(response?.maxAge ?? 0, 86_400)))
            if let platform {
                state.cursor = platform.cursor
                interval = max(interval, platform.minimumInterval)
            }
            succeed(&state, &health, now: now)
        case .throttled:
            // Rate limiting is the server pacing us, not a broken feed: health stays as it was.
            interval = schedule.backoff(failures: 1, retryAfter: response?.retryAfter ?? 15 * 60)
            if let resume = platform?.resumeAt {
                // The platform named its reset: wait exactly until then (plus jitter below), however long.
                interval = max(resume.timeIntervalSince(now), 1)
            }
        case .gone(let message):
            health = FeedHealth(isHealthy: false, errorMessage: message)
            state.consecutiveFailures += 1
            save(feed, health: health, state: state, disable: true, now: now)
            return IngestOutcome(feedId: feed.id, result: result, health: health, nextFetchAt: nil)
        case .failed(let message):
            state.consecutiveFailures += 1
            health = FeedHealth(isHealthy: false, errorMessage: message)
            interval = schedule.backoff(failures: state.consecutiveFailures, retryAfter: response?.retryAfter)
        case .unavailable(let message):
            state.consecutiveFailures += 1
            if state.consecutiveFailures >= Self.failuresBeforeUnavailable {
                health = FeedHealth(isHealthy: false, errorMessage: "\(message) (\(state.consecutiveFailures) failed fetches in a row)")
            }
            interval = schedule.backoff(failures: state.consecutiveFailures, retryAfter: response?.retryAfter)
        }
        let movedURL = trackRedirects(response, state: &state)
        state.nextFetchAt = now.addingTimeInterval(schedule.jittered(interval, unit: random()))
        if let resume = platform?.resumeAt, let next = state.nextFetchAt, next < resume {
            // Jitter spreads feeds out, but never before the reset a platform named.
            state.nextFetchAt = resume.addingTimeInterval(resume.timeIntervalSince(next))
        }
        if case .throttled(let message) = result, platform == nil, let next = state.nextFetchAt {
            // Still healthy (the server is pacing us), but the operator is told why nothing
            // new arrives and when Roost tries again (platform messages already say when).
            health.errorMessage = "\(message); Roost is being rate limited and will try again at \(FeedDate.isoString(next))"
        }
        save(feed, health: health, state: state, movedURL: movedURL, now: now)
        return IngestOutcome(feedId: feed.id, result: result, health: health, nextFetchAt: state.nextFetchAt)
    }

    /// Failures in a row of a platform known to fail now and then (YouTube's feeds) before the feed turns unhealthy.
    static let failuresBeforeUnavailable = 4

    private func succeed(_ state: inout FeedFetchState, _ health: inout FeedHealth, now: Date) {
        state.consecutiveFailures = 0
        state.lastSuccessAt = now
        health = FeedHealth(isHealthy: true, errorMessage: nil)
    }

    /// The interval the feed was last scheduled with, to keep a 304's rhythm.
    private func previousInterval(_ feed: Feed) -> TimeInterval? {
        guard let next = feed.fetchState.nextFetchAt, let last = feed.fetchState.lastFetchedAt, next > last else { return nil }
        return next.timeIntervalSince(last)
    }

    /// A chain of only permanent redirects to the same place, seen several fetches in a row,
    /// moves the feed's stored URL there (issue 4). Returns the new URL when it moves.
    private func trackRedirects(_ response: FetchResponse?, state: inout FeedFetchState) -> String? {
        guard let response, !response.redirects.isEmpty, response.redirects.allSatisfy(\.isPermanent),
              (200..<400).contains(response.status) else {
            state.redirectedURL = nil
            state.permanentRedirects = 0
            return nil
        }
        if state.redirectedURL == response.finalURL {
            state.permanentRedirects += 1
        } else {
            state.redirectedURL = response.finalURL
            state.permanentRedirects = 1
        }
        guard state.permanentRedirects >= Self.redirectsBeforeMove else { return nil }
        state.redirectedURL = nil
        state.permanentRedirects = 0
        return response.finalURL
    }

    private func save(_ feed: Feed, health: FeedHealth, state: FeedFetchState, movedURL: String? = nil, disable: Bool = false, now: Date) {
        do {
            try store.saveFetchOutcome(feedId: feed.id, health: health, fetchState: state, now: now)
            if disable {
                _ = try store.updateFeed(id: feed.id, FeedChanges(enabled: false), now: now)
            }
            if let movedURL {
                var attributes = feed.attributes
                attributes["url"] = .string(movedURL)
                try store.moveFeed(id: feed.id, attributes: attributes, now: now)
            }
        } catch {
            // The next tick sees the feed as still due and tries again; nothing stored is lost.
            logger.error("could not record the fetch of feed \(feed.id): \(error)")
        }
    }
}
