import Aggregator
import FeedFetchers
import Foundation

/// The JSON shapes of embeds (SPEC §3.9): the admin representation, and the public
/// configuration an embed page reads (with its read key, never an admin key).
enum EmbedWire {
    /// The URLs of an embed: its page, the script, and the snippet to paste.
    struct Links {
        var base: String
        var uuid: String
        var page: String { "\(base)/embed/\(uuid)" }
        var script: String { "\(base)/embed.js" }
        var snippet: String {
            "<div data-roost-embed=\"\(uuid)\"></div>\n<script src=\"\(script)\" async></script>"
        }
    }

    /// An embed as the admin API shows it, as the member `key` (or an array element).
    static func write(_ embed: Embed, base: String, key: String?, into json: inout JSONWriter) {
        let settings = EmbedSettings.stored(embed.settings)
        let links = Links(base: base, uuid: embed.uuid)
        json.beginObject(key)
        json.integer("id", Int(embed.id))
        json.string("uuid", embed.uuid)
        writeSettings(settings, into: &json)
        json.integer("readKeyId", embed.readKeyId.map { Int($0) })
        json.string("pageUrl", links.page)
        json.string("scriptUrl", links.script)
        json.string("snippet", links.snippet)
        json.string("createdAt", FeedDate.isoString(embed.createdAt))
        json.string("updatedAt", FeedDate.isoString(embed.updatedAt))
        json.endObject()
    }

    /// What the embed script needs, as the member `embed`: settings, the read key, the posts
    /// URL (filters and count, no key), the stats endpoint and the versioned stylesheet.
    static func writeConfig(_ embed: Embed, base: String, into json: inout JSONWriter) {
        let settings = EmbedSettings.stored(embed.settings)
        json.beginObject("embed")
        json.string("uuid", embed.uuid)
        json.string("siteUuid", embed.siteUUID)
        writeSettings(settings, into: &json)
        json.string("readKey", embed.readKey)
        let path = "/v2/\(embed.siteUUID)/posts"
        json.string("postsUrl", LinkBuilder(publicBaseURL: base).link(base: base, path: path, parameters: settings.postsParameters(), cursor: nil))
        json.string("statsUrl", StatsController.endpoint(base: base, siteUUID: embed.siteUUID))
        json.string("styleUrl", "\(base)/embed.css?v=\(EmbedAssets.shared.style.version)")
        json.endObject()
    }

    private static func writeSettings(_ settings: EmbedSettings, into json: inout JSONWriter) {
        json.string("name", settings.name)
        json.string("layout", settings.layout.rawValue)
        json.integer("count", settings.count)
        json.string("order", settings.order.rawValue)
        json.beginObject("filters")
        json.beginArray("sectionIds")
        for id in settings.filters.sectionIds { json.integer(nil, Int(id)) }
        json.endArray()
        json.beginArray("channels")
        for channel in settings.filters.channels { json.string(nil, channel) }
        json.endArray()
        json.beginArray("tags")
        for tag in settings.filters.tags { json.string(nil, tag) }
        json.endArray()
        json.string("tagFilterType", settings.filters.tagFilterType)
        json.endObject()
        writeTheme(settings.theme, into: &json)
        json.beginObject("card")
        json.bool("author", settings.card.author)
        json.bool("avatar", settings.card.avatar)
        json.bool("time", settings.card.time)
        json.bool("channelIcon", settings.card.channelIcon)
        json.integer("textLength", settings.card.textLength)
        json.bool("mediaOnly", settings.card.mediaOnly)
        json.endObject()
        json.beginObject("live")
        json.bool("enabled", settings.live.enabled)
        json.integer("interval", settings.live.interval)
        json.endObject()
        json.integer("slideInterval", settings.slideInterval)
    }

    private static func writeTheme(_ theme: EmbedTheme, into json: inout JSONWriter) {
        json.beginObject("theme")
        json.string("preset", theme.preset)
        json.string("background", theme.background)
        json.string("card", theme.card)
        json.string("text", theme.text)
        json.string("muted", theme.muted)
        json.string("accent", theme.accent)
        json.string("font", theme.font)
        json.string("fontStack", theme.fontStack)
        json.integer("radius", theme.radius)
        json.integer("gap", theme.gap)
        json.endObject()
    }

    /// An embed's daily counts.
    static func writeStats(_ stats: EmbedStats, embed: Embed, from: String, to: String, into json: inout JSONWriter) {
        json.beginObject("stats")
        json.integer("embedId", Int(embed.id))
        json.string("embedUuid", embed.uuid)
        json.string("from", from)
        json.string("to", to)
        json.integer("views", stats.days.reduce(0) { $0 + $1.views })
        json.integer("clicks", stats.days.reduce(0) { $0 + $1.clicks })
        json.beginArray("days")
        for day in stats.days {
            json.beginObject()
            json.string("date", day.day)
            json.integer("views", day.views)
            json.integer("clicks", day.clicks)
            json.endObject()
        }
        json.endArray()
        json.beginArray("posts")
        for post in stats.posts {
            json.beginObject()
            json.string("date", post.day)
            json.integer("flocklerId", Int(post.flocklerId))
            json.integer("clicks", post.clicks)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
