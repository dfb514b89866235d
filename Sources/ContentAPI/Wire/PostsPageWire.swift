import Aggregator
import FeedFetchers

/// The posts response, exactly Flockler's shape (SPEC §3.3):
/// `{"meta": {"statsApiEndpoint": ...}, "pagination": {"newer", "older"}, "posts": [...]}`.
enum PostsPageWire {
    static func encode(_ posts: [StoredPost], newer: String?, older: String?, statsEndpoint: String? = nil,
                       extra: ((StoredPost, inout JSONWriter) -> Void)? = nil) -> [UInt8] {
        var json = JSONWriter(capacity: 2048 + posts.count * 2048)
        json.beginObject()
        json.beginObject("meta")
        // Roost's own beacon endpoint (issue 11); null where no embed reports (the inbox).
        json.string("statsApiEndpoint", statsEndpoint)
        json.endObject()
        json.beginObject("pagination")
        json.string("newer", newer)
        json.string("older", older)
        json.endObject()
        json.beginArray("posts")
        for stored in posts {
            PostWire.write(stored.post, stored: StoredPostFields(flocklerId: Int(stored.flocklerId), pinnedIndex: stored.pinnedIndex),
                           into: &json, extra: extra.map { extra in { json in extra(stored, &json) } })
        }
        json.endArray()
        json.endObject()
        return json.bytes
    }
}
