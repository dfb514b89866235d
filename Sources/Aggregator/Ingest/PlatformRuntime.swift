import FeedFetchers
import Foundation

/// What platform fetches share in one process: the adapters, the configured base-URL
/// replacements, the transport allowed to reach them, the rate budgets every feed of a
/// credential draws from, and server-level credentials from configuration.
public struct PlatformRuntime: Sendable {
    /// Adapters by feed service.
    public var adapters: [String: any PlatformAdapter]
    /// `ROOST_PLATFORM_BASE_<SERVICE>` replacements.
    public var endpoints: PlatformEndpoints
    /// The transport for replacement bases (operator configuration may point at the local network).
    public var trustedTransport: (any HTTPTransport)?
    /// Request budgets shared by the feeds of each credential.
    public var budgets: RateBudgets
    /// Credential fields from configuration, by service, used where a connection lacks them
    /// (TikTok's app `client_key`/`client_secret`, a server-wide Google API key).
    public var serverCredentials: [String: [String: String]]

    /// Creates a runtime; by default every adapter of this build and no replacements.
    public init(adapters: [any PlatformAdapter] = PlatformAdapters.all, endpoints: PlatformEndpoints = PlatformEndpoints(),
                trustedTransport: (any HTTPTransport)? = nil, budgets: RateBudgets = RateBudgets(),
                serverCredentials: [String: [String: String]] = [:]) {
        self.adapters = Dictionary(adapters.map { ($0.service, $0) }, uniquingKeysWith: { first, _ in first })
        self.endpoints = endpoints
        self.trustedTransport = trustedTransport
        self.budgets = budgets
        self.serverCredentials = serverCredentials
    }

    /// The client one feed's requests go through: the platform's base (or its replacement) and
    /// the budget of the feed's credential, shared by fetches, source re-checks and checks of
    /// the connection (issue 6, issue 12).
    public func client(for feed: Feed, adapter: any PlatformAdapter, connection: Connection?, transport: any HTTPTransport,
                       now: @escaping @Sendable () -> Date) -> PlatformClient {
        client(siteId: feed.siteId, adapter: adapter, connection: connection, scope: adapter.budgetScope(for: feed.attributes),
               transport: transport, now: now)
    }

    /// The client of a site's requests to `adapter`'s platform with `connection` (or none, for public platforms).
    public func client(siteId: Int64, adapter: any PlatformAdapter, connection: Connection?, scope: String? = nil,
                       transport: any HTTPTransport, now: @escaping @Sendable () -> Date) -> PlatformClient {
        PlatformClient(
            service: adapter.service, transport: transport, trustedTransport: trustedTransport,
            endpoints: endpoints, budgets: budgets,
            budgetKey: "\(siteId):\(adapter.service):\(connection.map { String($0.id) } ?? "public")" + (scope.map { ":" + $0 } ?? ""),
            policy: adapter.ratePolicy, now: now)
    }

    /// The credentials a request of `service` uses: the server-level fields, overridden by the connection's.
    public func credentials(service: String, connection: Connection?) -> [String: String] {
        var credentials = serverCredentials[service] ?? [:]
        if let connection {
            credentials.merge(connection.credentials) { _, own in own }
            credentials["connected_at"] = FeedDate.isoString(connection.updatedAt)
        }
        return credentials
    }

    /// Environment variables that supply server-level credential fields.
    public static let credentialVariables: [(variable: String, service: String, field: String)] = [
        ("ROOST_TIKTOK_CLIENT_KEY", "tiktok", "client_key"),
        ("ROOST_TIKTOK_CLIENT_SECRET", "tiktok", "client_secret"),
        ("ROOST_GOOGLE_API_KEY", "google_review", "api_key"),
    ]

    /// Reads replacements and server credentials from the environment.
    public static func fromEnvironment(_ environment: [String: String], trustedTransport: (any HTTPTransport)?) -> PlatformRuntime {
        var credentials: [String: [String: String]] = [:]
        for (variable, service, field) in credentialVariables {
            if let value = environment[variable]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                credentials[service, default: [:]][field] = value
            }
        }
        return PlatformRuntime(
            endpoints: PlatformEndpoints(environment: environment, services: FeedService.allCases.map(\.rawValue)),
            trustedTransport: trustedTransport, serverCredentials: credentials)
    }
}
