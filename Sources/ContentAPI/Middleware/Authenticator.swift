import Aggregator
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Finds and checks the API key of a request (SPEC §3.1): header `X-FL-API-Key`, query
/// `api_key`, or `Authorization: Bearer`. Lookups are cached briefly, so the hot read path
/// costs a hash and a dictionary probe, not a database query.
final class Authenticator: Sendable {
    private let store: any RoostStore
    private let cache = Mutex<[String: (key: AuthenticatedKey?, expires: ContinuousClock.Instant)]>([:])
    private let lifetime: Duration = .seconds(30)

    init(store: any RoostStore) {
        self.store = store
    }

    /// The key of a request that must be allowed `scope` on the site `siteUUID`.
    func require(_ request: Request, site siteUUID: String, scope: KeyScope) async throws -> AuthenticatedKey {
        guard let secret = Self.secret(of: request) else {
            throw APIError(.authentication, status: .unauthorized,
                           message: "an API key is required: send X-FL-API-Key, Authorization: Bearer or ?api_key=")
        }
        guard let key = try await lookup(secret) else {
            throw APIError(.authentication, status: .unauthorized, message: "the API key is not valid")
        }
        guard key.siteUUID == siteUUID.lowercased() else {
            throw APIError(.permission, status: .forbidden, message: "this API key belongs to another site")
        }
        if scope == .admin && key.scope != .admin {
            throw APIError(.permission, status: .forbidden, message: "this endpoint needs an admin key; a read key only reads posts")
        }
        return key
    }

    /// The admin key of a request to a `/v2/:site/...` route of that site.
    func requireAdmin(_ request: Request, _ context: some RequestContext) async throws -> AuthenticatedKey {
        try await require(request, site: try context.parameters.require("site"), scope: .admin)
    }

    private func lookup(_ secret: String) async throws -> AuthenticatedKey? {
        let now = ContinuousClock.now
        if let cached = cache.withLock({ $0[secret] }), cached.expires > now { return cached.key }
        let store = self.store
        let key = try await Blocking.run { try store.authenticate(secret: secret) }
        cache.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[secret] = (key, now + lifetime)
        }
        return key
    }

    private static let apiKeyHeader = HTTPField.Name("X-FL-API-Key") ?? .authorization

    /// The secret a request carries, if any.
    static func secret(of request: Request) -> String? {
        if let header = request.headers[apiKeyHeader], !header.isEmpty { return header }
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
        }
        if let query = request.uri.queryParameters["api_key"], !query.isEmpty { return String(query) }
        return nil
    }
}
