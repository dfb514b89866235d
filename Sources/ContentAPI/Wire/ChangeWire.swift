import Aggregator
import FeedFetchers

/// The change feed's shapes (SPEC §3.8): `{"changes": [{"id", "type", "at", "flocklerId",
/// "post"}], "next"}`; the same change object is the `data` of a post event's webhook.
public enum ChangeWire {
    /// The `GET /v2/:site/changes` body.
    static func encode(_ page: ChangePage) -> [UInt8] {
        var json = JSONWriter(capacity: 1024 + page.changes.count * 2048)
        json.beginObject()
        json.beginArray("changes")
        for change in page.changes { write(change, key: nil, into: &json) }
        json.endArray()
        json.string("next", String(page.next))
        json.endObject()
        return json.bytes
    }

    /// One change as the member `key` (or an array element when nil).
    public static func write(_ change: Change, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.string("id", String(change.id))
        json.string("type", change.kind.rawValue)
        json.string("at", FeedDate.isoString(change.at))
        json.integer("flocklerId", Int(change.flocklerId))
        if let stored = change.post {
            PostWire.write(stored.post, stored: StoredPostFields(flocklerId: Int(stored.flocklerId), pinnedIndex: stored.pinnedIndex),
                           key: "post", into: &json)
        } else {
            json.null("post")
        }
        json.endObject()
    }

    /// The `data` of a post event's webhook delivery: its change as the change feed shows it
    /// now (a change pruned meanwhile reads as the bare event).
    public static func webhookData(_ delivery: PendingDelivery, store: any EventStore) throws -> String {
        var json = JSONWriter(capacity: 2048)
        if let id = delivery.changeId, let change = try store.change(siteId: delivery.siteId, id: id) {
            write(change, key: nil, into: &json)
        } else {
            json.beginObject()
            json.string("id", delivery.changeId.map(String.init))
            json.string("type", delivery.type)
            json.null("post")
            json.endObject()
        }
        return json.string
    }
}
