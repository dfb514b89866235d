import Foundation

/// A site's API keys (SPEC §3.7): names, scopes, last use; secrets only as hashes.
public protocol APIKeyStore: Sendable {
    /// The site's keys, oldest first; deleted keys are left out.
    func apiKeys(siteId: Int64) throws -> [APIKey]
    /// One key of the site, or nil (also when deleted).
    func apiKey(siteId: Int64, id: Int64) throws -> APIKey?
    /// Creates a key, named `<scope> key <id>` when `name` is nil; returns it and its secret,
    /// which is never stored.
    func createKey(siteId: Int64, scope: KeyScope, name: String?, now: Date) throws -> (key: APIKey, secret: String)
    /// Renames a key or changes its scope; refuses to demote the site's last admin key
    /// (`APIKeyStoreError`).
    func updateKey(siteId: Int64, id: Int64, name: String?, scope: KeyScope?) throws -> APIKey
    /// Deletes a key (its name stays for the moderation log); refuses the site's last admin key.
    func deleteKey(siteId: Int64, id: Int64, now: Date) throws -> APIKey
    /// Records that a key was used at `now` (callers write at most about once a minute per key).
    func recordKeyUse(id: Int64, now: Date) throws
}
