import FeedFetchers
import Foundation

extension EmbedSettings {
    /// Top-level fields of a create or update body.
    private static let fields: Set<String> = ["name", "layout", "count", "order", "filters", "theme", "card", "live", "slideInterval"]

    /// These settings with the members `body` gives replaced (POST starts from the defaults,
    /// PATCH from the saved embed). Every problem is a 422 naming its field; section ids are
    /// checked against `sectionIds`, the site's sections.
    func applying(_ body: [String: Any], sectionIds: Set<Int64>) throws(APIError) -> EmbedSettings {
        var settings = self
        var problems: [APIError.Detail] = []
        for key in body.keys.sorted() where !Self.fields.contains(key) {
            problems.append(.init(field: key, message: "is not a field of an embed"))
        }
        var reader = FieldReader(object: body, prefix: "")
        settings.name = reader.string("name", settings.name, maxLength: 200)
        settings.layout = reader.choice("layout", settings.layout)
        settings.count = reader.integer("count", settings.count, 1...100)
        settings.order = reader.choice("order", settings.order)
        settings.slideInterval = reader.integer("slideInterval", settings.slideInterval, 3...600)
        problems += reader.problems
        if let filters = nested(body, "filters", &problems) {
            settings.filters = Self.filters(filters, base: settings.filters, sectionIds: sectionIds, problems: &problems)
        }
        if let card = nested(body, "card", &problems) {
            var reader = FieldReader(object: card, prefix: "card.")
            reader.rejectUnknown(["author", "avatar", "time", "channelIcon", "textLength", "mediaOnly"])
            settings.card.author = reader.bool("author", settings.card.author)
            settings.card.avatar = reader.bool("avatar", settings.card.avatar)
            settings.card.time = reader.bool("time", settings.card.time)
            settings.card.channelIcon = reader.bool("channelIcon", settings.card.channelIcon)
            settings.card.textLength = reader.integer("textLength", settings.card.textLength, 0...5000)
            settings.card.mediaOnly = reader.bool("mediaOnly", settings.card.mediaOnly)
            problems += reader.problems
        }
        if let live = nested(body, "live", &problems) {
            var reader = FieldReader(object: live, prefix: "live.")
            reader.rejectUnknown(["enabled", "interval"])
            settings.live.enabled = reader.bool("enabled", settings.live.enabled)
            settings.live.interval = reader.integer("interval", settings.live.interval, 10...3600)
            problems += reader.problems
        }
        if let theme = nested(body, "theme", &problems) {
            settings.theme = Self.theme(theme, base: settings.theme, problems: &problems)
        }
        guard problems.isEmpty else { throw .invalidFields(problems) }
        return settings
    }

    private func nested(_ body: [String: Any], _ key: String, _ problems: inout [APIError.Detail]) -> [String: Any]? {
        guard let value = body[key] else { return nil }
        guard let object = value as? [String: Any] else {
            problems.append(.init(field: key, message: "must be an object"))
            return nil
        }
        return object
    }

    private static func filters(_ object: [String: Any], base: Filters, sectionIds: Set<Int64>,
                                problems: inout [APIError.Detail]) -> Filters {
        var filters = base
        var reader = FieldReader(object: object, prefix: "filters.")
        reader.rejectUnknown(["sectionIds", "channels", "tags", "tagFilterType"])
        filters.sectionIds = reader.list("sectionIds", filters.sectionIds, max: 100) { value in
            guard let id = JSONScalar.integer(value), id > 0, sectionIds.contains(id) else {
                return .refused("must hold ids of this site's sections")
            }
            return .success(id)
        }
        filters.channels = reader.list("channels", filters.channels, max: 20) { value in
            guard let channel = (value as? String)?.lowercased(), PostsRequest.channels.contains(channel) else {
                return .refused("must hold channel names (\(PostsRequest.channels.sorted().joined(separator: ", ")))")
            }
            return .success(channel)
        }
        filters.tags = reader.list("tags", filters.tags, max: 20) { value in
            guard let tag = (value as? String)?.trimmingCharacters(in: .whitespaces), !tag.isEmpty, tag.count <= 100 else {
                return .refused("must hold tags of 1 to 100 characters")
            }
            return .success(tag)
        }
        filters.tagFilterType = reader.string("tagFilterType", filters.tagFilterType, allowed: ["all", "any"])
        problems += reader.problems
        return filters
    }

    private static func theme(_ object: [String: Any], base: EmbedTheme, problems: inout [APIError.Detail]) -> EmbedTheme {
        var reader = FieldReader(object: object, prefix: "theme.")
        reader.rejectUnknown(["preset", "background", "card", "text", "muted", "accent", "font", "radius", "gap"])
        let preset = reader.string("preset", base.preset, allowed: ["light", "dark", "custom"])
        var theme = object["preset"] == nil ? base : (preset == "dark" ? EmbedTheme.dark : EmbedTheme.light)
        theme.preset = preset
        let colours: [(String, WritableKeyPath<EmbedTheme, String>)] = [
            ("background", \.background), ("card", \.card), ("text", \.text), ("muted", \.muted), ("accent", \.accent),
        ]
        for (key, path) in colours {
            let value = reader.string(key, theme[keyPath: path], pattern: { EmbedTheme.luminance($0) != nil }, problem: "must be a colour #rrggbb")
            if value != theme[keyPath: path] { theme.preset = "custom" }
            theme[keyPath: path] = value.lowercased()
        }
        theme.font = reader.string("font", theme.font, allowed: Set(EmbedTheme.fonts.keys))
        theme.radius = reader.integer("radius", theme.radius, 0...48)
        theme.gap = reader.integer("gap", theme.gap, 0...64)
        problems += reader.problems
        if reader.problems.isEmpty {
            for pair in theme.contrastPairs {
                guard let ratio = EmbedTheme.contrast(pair.foreground, pair.background), ratio < 4.5 else { continue }
                if problems.contains(where: { $0.field == pair.field }) { continue }
                let shown = String(format: "%.2f", ratio)
                problems.append(.init(field: pair.field, message: "has a contrast of \(shown):1 against \(pair.background); WCAG AA needs 4.5:1"))
            }
        }
        return theme
    }
}
