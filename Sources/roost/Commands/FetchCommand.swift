import Aggregator
import ArgumentParser
import ContentAPI
import FeedFetchers
import Foundation
import Logging

/// `roost fetch --once`: runs every feed that is due once, then exits (SPEC §1).
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Fetch every due feed once, then exit.")

    @Flag(help: "Fetch every due feed once and exit (the only mode; the scheduler runs inside roost serve).")
    var once = false

    @Flag(help: "Fetch every enabled feed now, due or not (an operator's \"fetch now\"; platform rate limits still apply).")
    var all = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard once else { throw ValidationError("use roost fetch --once; roost serve fetches continuously") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let store = try global.openStore()
        let engine = IngestEngine(store: store, policy: global.networkPolicy)
        if all { _ = try store.requestFetch(feedId: nil, siteId: nil, now: Date()) }
        let summary = await engine.scheduler.tick(now: Date())
        let elapsed = ContinuousClock.now - started
        await engine.shutdown()
        var json = JSONWriter()
        json.beginObject()
        json.integer("feeds", summary.feeds)
        json.integer("fetched", summary.fetched)
        json.integer("notModified", summary.notModified)
        json.integer("failed", summary.failed)
        json.integer("newPosts", summary.inserted)
        json.integer("updatedPosts", summary.updated)
        json.number("seconds", elapsed.roundedSeconds)
        json.endObject()
        print(json.string)
    }
}

extension Duration {
    /// The duration in seconds, to the millisecond.
    var roundedSeconds: Double {
        ((Double(components.seconds) + Double(components.attoseconds) / 1e18) * 1000).rounded() / 1000
    }
}

/// The fetch pipeline as the composition root wires it: the guarded HTTP client, the
/// ingest step and the scheduler, with the real clock and random source.
struct IngestEngine {
    let client: GuardedHTTPClient
    /// The client for `ROOST_PLATFORM_BASE_<SERVICE>` replacements, which may be on the local network.
    let trustedClient: GuardedHTTPClient?
    let scheduler: FeedScheduler
    /// Adapters, base replacements, and the rate budgets fetches share with source re-checks and verifies.
    let platforms: PlatformRuntime

    init(store: any RoostStore, policy: NetworkPolicy, logger: Logger = Logger(label: "roost")) {
        let environment = ProcessInfo.processInfo.environment
        client = GuardedHTTPClient(policy: policy, now: { Date() })
        let replaced = !PlatformEndpoints(environment: environment, services: FeedService.allCases.map(\.rawValue)).overrides.isEmpty
        trustedClient = replaced ? GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), now: { Date() }) : nil
        platforms = PlatformRuntime.fromEnvironment(environment, trustedTransport: trustedClient)
        let ingest = IngestFeed(store: store, transport: client, now: { Date() }, random: { Double.random(in: 0..<1) },
                                logger: logger, platforms: platforms)
        scheduler = FeedScheduler(store: store, ingest: ingest,
                                  workers: environment["ROOST_FETCH_WORKERS"].flatMap(Int.init) ?? 8,
                                  perHost: environment["ROOST_FETCH_PER_HOST"].flatMap(Int.init) ?? 2, logger: logger)
    }

    /// Closes the HTTP client's connections.
    func shutdown() async {
        await client.shutdown()
        await trustedClient?.shutdown()
    }
}
