import Foundation
import PlatformReplay
import Testing
@testable import FeedFetchers

/// Runs a platform adapter against a replay of its fixtures, the way the ingest step does:
/// a real `GuardedHTTPClient`, the service's base replaced by the replay server's address.
struct AdapterHarness {
    /// The moment every fixture pretends to be recorded at: 2026-09-15T08:00:00Z.
    static let recordedAt = Date(timeIntervalSince1970: 1_789_459_200)

    let adapter: any PlatformAdapter
    let replay: PlatformReplay
    let budgets = RateBudgets()

    /// A harness for `adapter` replaying `fixtures/platforms/<service>/`.
    init(_ adapter: any PlatformAdapter, fixtures service: String? = nil) throws {
        self.adapter = adapter
        replay = try PlatformReplay(service: service ?? adapter.service)
    }

    /// Runs `body` with a client whose base is the replay server.
    func run(_ body: @Sendable (PlatformClient) async throws -> Void) async throws {
        let transport = GuardedHTTPClient(policy: NetworkPolicy(allowPrivateNetworks: true), now: { Self.recordedAt })
        let adapter = self.adapter
        let budgets = self.budgets
        do {
            try await replay.run { base in
                let client = PlatformClient(
                    service: adapter.service, transport: transport,
                    endpoints: PlatformEndpoints(overrides: [adapter.service: base]), budgets: budgets,
                    budgetKey: "test:\(adapter.service)", policy: adapter.ratePolicy, now: { Self.recordedAt })
                try await body(client)
            }
        } catch {
            // The client must be shut down whatever happened, or its deinit traps.
            await transport.shutdown()
            throw error
        }
        await transport.shutdown()
    }

    /// One fetch with the given attributes, credentials and state.
    func fetch(_ attributes: [String: FeedAttribute], credentials: [String: String] = [:], state: PlatformState = PlatformState(),
               known: Set<String> = [], client: PlatformClient) async throws(PlatformError) -> PlatformResult {
        let feed = PlatformFeed(attributes: attributes, credentials: credentials, state: state, knownSourceIds: known, now: Self.recordedAt)
        return try await adapter.fetch(feed, client: client)
    }
}
