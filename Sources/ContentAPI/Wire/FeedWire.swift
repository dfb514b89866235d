import Aggregator
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

    /// `2025-05-08T04:43:21Z`: UTC, whole seconds.
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let (year, month, day) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                      Int(secondOfDay / 3600), Int(secondOfDay % 3600 / 60), Int(secondOfDay % 60))
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
