import Aggregator
import FeedFetchers
import Foundation

/// The feeds endpoints' shapes, member for member as Flockler's Content API v2 page shows them
/// (SPEC §3.4): `{"result": {"success": true, "data": ...}}` around `{feed, section}` pairs.
public enum FeedWire {
    /// How much of a feed a response shows.
    public enum Detail: Sendable {
        /// `POST /feeds`: `{id, uuid, name, service}` (the seed's create response).
        case created
        /// `GET /feeds`: the seed's `Feed` type: adds `created_at`, `status`, `configuration`.
        case listed
        /// The single-feed routes: the listed members plus `feed_attributes`, the channel, the
        /// update time and health details inside `status` (SPEC §3.4 "beyond the seed").
        case detailed
    }

    /// The success envelope around whatever `body` writes beside `success` (usually `data`).
    public static func result(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter(capacity: 1024)
        json.beginObject()
        json.beginObject("result")
        json.bool("success", true)
        body(&json)
        json.endObject()
        json.endObject()
        return json.bytes
    }

    /// The success envelope whose `data` object has the members `members` writes.
    public static func data(_ members: (inout JSONWriter) -> Void) -> [UInt8] {
        result { json in
            json.beginObject("data")
            members(&json)
            json.endObject()
        }
    }

    /// `{"feed": {...}, "section": {...}}` as the member `key`, or as an array element when nil.
    public static func writePair(_ feed: Feed, section: Section?, detail: Detail, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        write(feed, detail: detail, into: &json)
        if let section { writeSectionReference(section, into: &json) } else { json.null("section") }
        json.endObject()
    }

    /// The members `feed` and `section` straight into the object being written (`data` itself).
    public static func writeMembers(_ feed: Feed, section: Section?, detail: Detail, into json: inout JSONWriter) {
        write(feed, detail: detail, into: &json)
        if let section { writeSectionReference(section, into: &json) } else { json.null("section") }
    }

    /// The member `feed`.
    static func write(_ feed: Feed, detail: Detail, into json: inout JSONWriter) {
        json.beginObject("feed")
        json.integer("id", Int(feed.id))
        json.string("uuid", feed.uuid)
        // The seed's `Feed.name` is a string, never null: an unnamed feed is "" (its example's Instagram feed).
        json.string("name", feed.name ?? "")
        json.string("service", feed.service.rawValue)
        if detail != .created {
            json.string("created_at", timestamp(feed.createdAt))
            json.beginObject("status")
            json.bool("is_healthy", feed.health.isHealthy)
            json.string("error_message", feed.health.isHealthy ? (feed.health.errorMessage ?? "") : (feed.health.errorMessage ?? "the last fetch failed"))
            if detail == .detailed {
                json.string("last_fetched_at", feed.fetchState.lastFetchedAt.map(timestamp))
                json.string("last_success_at", feed.fetchState.lastSuccessAt.map(timestamp))
                json.string("next_fetch_at", feed.fetchState.nextFetchAt.map(timestamp))
                json.integer("consecutive_failures", feed.fetchState.consecutiveFailures)
            }
            json.endObject()
            json.beginObject("configuration")
            json.string("moderation", feed.moderationType.rawValue)
            json.bool("enabled", feed.enabled)
            json.endObject()
        }
        if detail == .detailed {
            json.string("channel", feed.service.channel)
            writeAttributes(feed.attributes, into: &json)
            json.string("updated_at", timestamp(feed.updatedAt))
        }
        json.endObject()
    }

    /// `feed_attributes`: what the feed was configured with (credentials live in connections).
    static func writeAttributes(_ attributes: [String: FeedAttribute], into json: inout JSONWriter) {
        json.beginObject("feed_attributes")
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .string(let text): json.string(name, text)
            case .bool(let flag): json.bool(name, flag)
            case .number(let number): json.number(name, number)
            }
        }
        json.endObject()
    }

    /// The member `section` of a feed pair: the seed's `Section` type, `{id, uuid, name}`.
    static func writeSectionReference(_ section: Section, into json: inout JSONWriter) {
        json.beginObject("section")
        json.integer("id", Int(section.id))
        json.string("uuid", section.uuid)
        json.string("name", section.name)
        json.endObject()
    }

    /// One section of the sections endpoints as the member `key` (or an array element when nil):
    /// the seed's members plus its creation time.
    public static func writeSection(_ section: Section, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.integer("id", Int(section.id))
        json.string("uuid", section.uuid)
        json.string("name", section.name)
        json.string("created_at", timestamp(section.createdAt))
        json.endObject()
    }

    /// `2025-05-08T04:43:21Z`: UTC, whole seconds (SPEC §3.4 `created_at`).
    public static func timestamp(_ date: Date) -> String {
        // The post-time format without its milliseconds: one date formatter in the project.
        String(FeedDate.isoString(date).prefix(19)) + "Z"
    }
}
