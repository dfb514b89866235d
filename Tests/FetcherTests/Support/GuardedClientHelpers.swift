@testable import FeedFetchers

/// Runs `body` with a client (private networks allowed unless a policy is given), shut down after.
func withGuardedClient(
    policy: NetworkPolicy = NetworkPolicy(allowPrivateNetworks: true), maxBodyBytes: Int = 16 << 20,
    totalTimeout: Duration = .seconds(10), fixed: [String: [IPAddress]] = [:],
    _ body: (GuardedHTTPClient) async throws -> Void
) async throws {
    let client = GuardedHTTPClient(
        policy: policy, userAgent: GuardedHTTPClient.defaultUserAgent, maxBodyBytes: maxBodyBytes,
        connectTimeout: .seconds(5), totalTimeout: totalTimeout, now: { LoopbackServer.now },
        resolver: AddressResolver(fixed: fixed))
    do {
        try await body(client)
    } catch {
        await client.shutdown()
        throw error
    }
    await client.shutdown()
}

/// The error a fetch threw, or `nil` if it answered.
func fetchFailure(_ client: GuardedHTTPClient, _ url: String) async -> FetchError? {
    do {
        _ = try await client.fetch(FetchRequest(url: url))
        return nil
    } catch {
        return error
    }
}
