import Aggregator
import Foundation

/// An API key as the API shows it (SPEC §3.7): `{id, name, scope, created_at, last_used_at}`,
/// plus `secret` once, in the answer that created it.
enum APIKeyWire {
    /// One key as the member `key` (or an array element when nil).
    static func write(_ apiKey: APIKey, secret: String? = nil, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.integer("id", Int(apiKey.id))
        json.string("name", apiKey.name)
        json.string("scope", apiKey.scope.rawValue)
        json.string("created_at", FeedWire.timestamp(apiKey.createdAt))
        json.string("last_used_at", apiKey.lastUsedAt.map(FeedWire.timestamp))
        if let secret { json.string("secret", secret) }
        json.endObject()
    }
}
