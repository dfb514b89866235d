import AsyncHTTPClient
import Synchronization

/// AsyncHTTPClient instances, one per (host as AsyncHTTPClient sees it, checked address),
/// kept so that connections are pooled and reused across fetches.
///
/// AsyncHTTPClient resolves names itself and has no resolver hook; its `dnsOverride` maps a
/// host to an address while TLS still verifies the certificate for the host. The override is
/// fixed per client, so each checked address gets its own client. Least recently used
/// clients are retired past `capacity`, and shut down once their last fetch has finished.
final class HTTPClientPool: Sendable {
    /// A client lent to one fetch; give it back with `release(_:)`.
    struct Lease {
        let client: HTTPClient
        fileprivate let key: String
        fileprivate let id: ObjectIdentifier
    }

    /// One client and how many fetches use it.
    private struct Entry {
        var client: HTTPClient
        var inFlight: Int
        var lastUsed: UInt64
    }

    /// The mutable state, guarded by one lock.
    private struct State {
        var entries: [String: Entry] = [:]
        /// Evicted clients still used by a fetch, shut down when it releases them.
        var retired: [ObjectIdentifier: Entry] = [:]
        var tick: UInt64 = 0
        var isShutDown = false
    }

    /// Most clients kept; each holds idle connections to one address.
    let capacity: Int
    /// The configuration every client starts from; `dnsOverride` is set per client.
    let configuration: HTTPClient.Configuration
    private let state = Mutex(State())

    /// A pool of clients built from `configuration`.
    init(configuration: HTTPClient.Configuration, capacity: Int = 256) {
        self.configuration = configuration
        self.capacity = capacity
    }

    /// A client that connects to `address` whenever a URL names `host` (`host` spelled as
    /// AsyncHTTPClient's connection target spells it); `nil` after `shutdown()`.
    func lease(host: String, address: String) -> Lease? {
        let key = host + "|" + address
        var evicted: [HTTPClient] = []
        let lease: Lease? = state.withLock { state in
            guard !state.isShutDown else { return nil }
            state.tick += 1
            if var entry = state.entries[key] {
                entry.inFlight += 1
                entry.lastUsed = state.tick
                state.entries[key] = entry
                return Lease(client: entry.client, key: key, id: ObjectIdentifier(entry.client))
            }
            if state.entries.count >= capacity { evicted = Self.evictOldest(&state) }
            var configuration = self.configuration
            configuration.dnsOverride = [host: address]
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            state.entries[key] = Entry(client: client, inFlight: 1, lastUsed: state.tick)
            return Lease(client: client, key: key, id: ObjectIdentifier(client))
        }
        for client in evicted { Self.shutDownLater(client) }
        return lease
    }

    /// Gives a client back after a fetch is done with it (its response body read or dropped).
    func release(_ lease: Lease) {
        let finished: HTTPClient? = state.withLock { state in
            if var entry = state.entries[lease.key], ObjectIdentifier(entry.client) == lease.id {
                entry.inFlight -= 1
                state.entries[lease.key] = entry
                return nil
            }
            guard var entry = state.retired[lease.id] else { return nil }
            entry.inFlight -= 1
            guard entry.inFlight == 0 else {
                state.retired[lease.id] = entry
                return nil
            }
            state.retired[lease.id] = nil
            return entry.client
        }
        if let finished { Self.shutDownLater(finished) }
    }

    /// Shuts every client down; fetches still running fail, later leases are refused.
    func shutdown() async {
        let clients: [HTTPClient] = state.withLock { state in
            state.isShutDown = true
            let all = state.entries.values.map(\.client) + state.retired.values.map(\.client)
            state.entries.removeAll()
            state.retired.removeAll()
            return all
        }
        await withTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask { await Self.shutDown(client) }
            }
        }
    }

    /// Removes the least recently used eighth of the clients (at least one); those idle are
    /// returned to be shut down, those in use are retired until released.
    private static func evictOldest(_ state: inout State) -> [HTTPClient] {
        let count = max(1, state.entries.count / 8)
        let oldest = state.entries.sorted { $0.value.lastUsed < $1.value.lastUsed }.prefix(count)
        var idle: [HTTPClient] = []
        for (key, entry) in oldest {
            state.entries[key] = nil
            if entry.inFlight == 0 {
                idle.append(entry.client)
            } else {
                state.retired[ObjectIdentifier(entry.client)] = entry
            }
        }
        return idle
    }

    /// Shuts a client down in the background (its connections are idle).
    private static func shutDownLater(_ client: HTTPClient) {
        Task { await shutDown(client) }
    }

    /// Shuts a client down; a client already shut down is fine.
    private static func shutDown(_ client: HTTPClient) async {
        do {
            try await client.shutdown()
        } catch {
            // Only `alreadyShutdown` is possible here, and then there is nothing left to do.
        }
    }
}
