import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves host names to addresses with the system resolver (`getaddrinfo`, so
/// `/etc/hosts` and the search domains apply as for any other program), off the
/// cooperative thread pool, and remembers each answer for a short while.
///
/// `GuardedHTTPClient` resolves names itself rather than letting AsyncHTTPClient do it,
/// because the network policy must see the address actually connected to (issue 4).
final class AddressResolver: Sendable {
    /// How long an answer is reused. `getaddrinfo` does not report DNS TTLs; a minute keeps
    /// a scheduler tick that fetches many feeds from one host to a single lookup.
    let lifetime: Duration
    /// Most names remembered; past it expired answers are dropped, then all of them.
    let capacity: Int
    /// Fixed answers consulted before the system resolver (tests: a public-looking name
    /// that resolves to a private address, without real DNS).
    let fixed: [String: [IPAddress]]

    private let cache = Mutex<[String: (addresses: [IPAddress], expires: ContinuousClock.Instant)]>([:])

    /// A resolver; `fixed` answers win over DNS.
    init(lifetime: Duration = .seconds(60), capacity: Int = 4096, fixed: [String: [IPAddress]] = [:]) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.fixed = fixed
    }

    /// The addresses `host` resolves to, in the resolver's preferred order (RFC 6724);
    /// `host` is a name as AsyncHTTPClient will send it (no brackets, no port).
    func resolve(_ host: String) async throws(FetchError) -> [IPAddress] {
        let key = host.lowercased()
        if let answer = fixed[key] { return answer }
        let now = ContinuousClock.now
        if let cached = cache.withLock({ $0[key] }), cached.expires > now { return cached.addresses }
        let addresses: [IPAddress]
        do {
            addresses = try await NIOThreadPool.singleton.runIfActive { Self.lookUp(key) }
        } catch {
            throw .dnsFailure(host: host)
        }
        guard !addresses.isEmpty else { throw .dnsFailure(host: host) }
        remember(key, addresses, expires: now + lifetime)
        return addresses
    }

    /// Forgets every answer.
    func flush() {
        cache.withLock { $0.removeAll() }
    }

    /// Stores an answer, making room first if the cache is full.
    private func remember(_ key: String, _ addresses: [IPAddress], expires: ContinuousClock.Instant) {
        cache.withLock { entries in
            if entries.count >= capacity {
                let now = ContinuousClock.now
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = (addresses, expires)
        }
    }

    /// Calls `getaddrinfo` for TCP addresses of `host`, IPv4 and IPv6; duplicates are
    /// dropped, order kept. glibc sorts by RFC 6724, which puts unreachable families last.
    /// (`AI_ADDRCONFIG` is not used: it ignores loopback, so on a machine with only loopback
    /// configured it would make `localhost` unresolvable.) An empty answer means no address.
    private static func lookUp(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            if let address = address(of: entry.pointee), !addresses.contains(address) {
                addresses.append(address)
            }
            node = entry.pointee.ai_next
        }
        return addresses
    }

    /// The address in one `getaddrinfo` answer, if it is IPv4 or IPv6.
    private static func address(of entry: addrinfo) -> IPAddress? {
        guard let socketAddress = entry.ai_addr else { return nil }
        switch entry.ai_family {
        case AF_INET:
            return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin_addr) { IPAddress(bytes: $0) }
            }
        case AF_INET6:
            return socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { IPAddress(bytes: $0) }
            }
        default:
            return nil
        }
    }
}
