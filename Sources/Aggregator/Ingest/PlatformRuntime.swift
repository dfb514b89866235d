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
