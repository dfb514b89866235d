import Aggregator
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Finds and checks the API key of a request (SPEC §3.1): header `X-FL-API-Key`, query
/// `api_key`, or `Authorization: Bearer`. Lookups are cached briefly, so the hot read path
/// costs a hash and a dictionary probe, not a database query. A key's last use is written
/// at most once a minute (SPEC §3.7). Deleting or demoting a key clears this process's cache
/// at once; another process may go on trusting its cached lookup for up to `lifetime`.
final class Authenticator: Sendable {
    private let store: any RoostStore
    private let now: @Sendable () -> Date
    private let cache = Mutex<[String: (key: AuthenticatedKey?, expires: ContinuousClock.Instant)]>([:])
    private let lastRecordedUse = Mutex<[Int64: Date]>([:])
    private let lifetime: Duration = .seconds(30)

    /// An authenticator over `store`, recording last use by `now`.
    init(store: any RoostStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// The key of a request that must be allowed `scope` on the site `siteUUID`.
    func require(_ request: Request, site siteUUID: String, scope: KeyScope) async throws -> AuthenticatedKey {
        guard let secret = Self.secret(of: request) else {
            throw APIError(.authentication, status: .unauthorized,
                           message: "an API key is required: send X-FL-API-Key, Authorization: Bearer or ?api_key=")
        }
        guard let key = try await identify(secret) else {
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

    /// The key with this secret, or nil when there is none; records the key's use.
    func identify(_ secret: String) async throws -> AuthenticatedKey? {
        let key = try await lookup(secret)
        if let key { try await recordUse(of: key) }
        return key
    }

    /// The key with this secret if a recent lookup found it, without asking the database.
    func cachedKey(_ secret: String) -> AuthenticatedKey? {
        let now = ContinuousClock.now
        return cache.withLock { entries in
            guard let cached = entries[secret], cached.expires > now else { return nil }
            return cached.key
        }
    }

    /// Forgets every cached lookup: a key was deleted or its scope changed.
    func forgetCachedKeys() {
        cache.withLock { $0.removeAll() }
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

    /// Writes `last_used_at` when this process has not written it for the key in a minute.
    private func recordUse(of key: AuthenticatedKey) async throws {
        let time = now()
        let due = lastRecordedUse.withLock { recorded -> Bool in
            if let last = recorded[key.keyId], time.timeIntervalSince(last) < 60, time >= last { return false }
            if recorded.count > 10_000 { recorded.removeAll() }
            recorded[key.keyId] = time
            return true
        }
        guard due else { return }
        let store = self.store
        try await Blocking.run { try store.recordKeyUse(id: key.keyId, now: time) }
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
