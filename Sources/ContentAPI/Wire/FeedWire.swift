import Aggregator
import FeedFetchers
import Foundation

/// The feeds endpoints' shapes (SPEC §3.4): `{"result": {"success": true, "data": ...}}`,
/// feeds with snake_case members and second-precision times.
public enum FeedWire {
    /// The success envelope around whatever `data` writes.
    public static func result(_ data: (inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter(capacity: 1024)
        json.beginObject()
        json.beginObject("result")
        json.bool("success", true)
        data(&json)
        json.endObject()
        json.endObject()
        return json.bytes
    }

    /// One feed as the member `key` (or an array element when nil).
    public static func write(_ feed: Feed, section: Section?, key: String?, into json: inout JSONWriter) {
        json.beginObject(key)
        json.integer("id", Int(feed.id))
        json.string("uuid", feed.uuid)
        json.string("name", feed.name)
        json.string("service", feed.service.rawValue)
        json.string("channel", feed.service.channel)
        json.beginObject("feed_attributes")
        for (name, value) in feed.attributes.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .string(let text): json.string(name, text)
            case .bool(let flag): json.bool(name, flag)
            case .number(let number): json.number(name, number)
            }
        }
        json.endObject()
        json.string("moderation_type", feed.moderationType.rawValue)
        json.bool("enabled", feed.enabled)
        if let section { writeSection(section, key: "section", into: &json) } else { json.null("section") }
        json.beginObject("status")
        json.bool("is_healthy", feed.health.isHealthy)
        json.string("error_message", feed.health.errorMessage)
        json.string("last_fetched_at", feed.fetchState.lastFetchedAt.map(timestamp))
        json.endObject()
        json.string("created_at", timestamp(feed.createdAt))
        json.string("updated_at", timestamp(feed.updatedAt))
        json.endObject()
    }

    /// One section.
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
