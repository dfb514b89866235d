import Aggregator
import FeedFetchers
import Foundation

/// A connection as the API shows it (SPEC §3.6): which credential fields it holds, the
/// values of those that are not secret (a Bluesky identifier), never a secret's value.
public enum ConnectionWire {
    /// What a secret's value is shown as.
    public static let storedMarker = "[stored]"

    /// One connection as the member `key` (or an array element when nil).
    public static func write(_ connection: Connection, key: String?, into json: inout JSONWriter) {
        let visible = PlatformAdapters.adapter(for: connection.service.rawValue)?.visibleCredentialNames ?? []
        json.beginObject(key)
        json.integer("id", Int(connection.id))
        json.string("uuid", connection.uuid)
        json.string("service", connection.service.rawValue)
        json.string("name", connection.name)
        json.beginObject("credentials")
        for name in connection.credentials.keys.sorted() {
            // Fields a fetch added (a refreshed session, an expiry) are secret unless declared otherwise.
            json.string(name, visible.contains(name) ? connection.credentials[name] : storedMarker)
        }
        json.endObject()
        json.string("created_at", FeedWire.timestamp(connection.createdAt))
        json.string("updated_at", FeedWire.timestamp(connection.updatedAt))
        json.string("expires_at", connection.expiresAt.map(FeedWire.timestamp))
        json.endObject()
    }
}
