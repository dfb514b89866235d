import Aggregator
import Hummingbird
import Moderation

/// The query parameters of `GET /v2/:site/posts` (SPEC §3.3), read strictly: a bad value is
/// a 400 naming the parameter, never ignored or clamped.
struct PostsRequest: Sendable, Equatable {
    var count = 20
    var channels: [String] = []
    var sectionIds: [Int64] = []
    var tags: [String] = []
    var tagMatch: PostQuery.TagMatch = .all
    var tagMatchGiven = false
    var random = false
    var cursor: PostCursor?

    /// Channel names a post can have (Flockler's list, plus `bluesky` and `vimeo`: SPEC §3.6).
    static let channels: Set<String> = [
        "facebook", "flickr", "flockler", "google_review", "instagram", "link", "linkedin", "pinterest", "review", "rss",
        "tiktok", "twitter", "youtube", "bluesky", "vimeo",
    ]

    /// Parameters this endpoint takes; anything else is a mistake worth reporting, except
    /// `_`-prefixed cache busters and the key itself.
    private static let known: Set<String> = [
        "count", "filterByChannels[]", "filterByChannels", "filterBySectionIds[]", "filterBySectionIds", "filterByTags[]",
        "filterByTags", "tagFilterType", "order", "olderThanCursor", "newerThanCursor", "api_key",
    ]

    /// Reads the parameters of a request.
    init(_ parameters: [(String, String)]) throws(APIError) {
        for (name, value) in parameters {
            switch name {
            case "count": count = try Self.count(value)
            case "filterByChannels[]", "filterByChannels": channels.append(try Self.channel(value))
            case "filterBySectionIds[]", "filterBySectionIds": sectionIds.append(try Self.sectionId(value))
            case "filterByTags[]", "filterByTags": tags.append(try Self.tag(value))
            case "tagFilterType":
                guard let match = PostQuery.TagMatch(rawValue: value) else {
                    throw .badParameter("tagFilterType", "must be all or any")
                }
                tagMatch = match
                tagMatchGiven = true
            case "order":
                guard value == "random" else { throw .badParameter("order", "must be random (or left out for newest first)") }
                random = true
            case "olderThanCursor", "newerThanCursor":
                guard cursor == nil else { throw .badParameter(name, "cannot be combined with another cursor") }
                let direction: PostCursor.Direction = name == "olderThanCursor" ? .older : .newer
                guard let parsed = PostCursor(token: value, direction: direction) else {
                    throw .badParameter(name, "is not a cursor from a pagination link")
                }
                cursor = parsed
            default:
                guard name.hasPrefix("_") || Self.known.contains(name) else {
                    throw .badParameter(name, "is not a parameter of this endpoint")
                }
            }
        }
        if random, let cursor {
            throw .badParameter(cursor.direction == .older ? "olderThanCursor" : "newerThanCursor", "cannot be used with order=random")
        }
        guard channels.count <= 20, sectionIds.count <= 100, tags.count <= 20 else {
            throw .badParameter("filterBy", "lists at most 20 channels, 100 sections and 20 tags")
        }
    }

    /// The store query for a site and state.
    func query(siteId: Int64, state: ModerationState) -> PostQuery {
        PostQuery(siteId: siteId, state: state, count: count, channels: channels, sectionIds: sectionIds, tags: tags,
                  tagMatch: tagMatch, order: random ? .random : .newest, cursor: cursor)
    }

    /// The parameters every pagination link keeps: filters and count, never the key.
    func linkParameters() -> [(String, String)] {
        var parameters: [(String, String)] = [("count", String(count))]
        parameters += channels.map { ("filterByChannels[]", $0) }
        parameters += sectionIds.map { ("filterBySectionIds[]", String($0)) }
        parameters += tags.map { ("filterByTags[]", $0) }
        if tagMatchGiven { parameters.append(("tagFilterType", tagMatch.rawValue)) }
        return parameters
    }

    /// A key naming this exact page of a site, for the page cache.
    func cacheKey(siteId: Int64, base: String) -> String {
        var key = String(siteId)
        key += "|"
        key += base
        for (name, value) in linkParameters() {
            key += "|"
            key += name
            key += "="
            key += value
        }
        if let cursor {
            key += cursor.direction == .older ? "|o=" : "|n="
            key += cursor.token
        }
        return key
    }

    private static func count(_ value: String) throws(APIError) -> Int {
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), value.utf8.count <= 4, let count = Int(value),
              (1...100).contains(count) else {
            throw APIError(.validation, status: .badRequest, message: "count must be between 1 and 100",
                           details: [.init(field: "count", message: "must be between 1 and 100")])
        }
        return count
    }

    private static func channel(_ value: String) throws(APIError) -> String {
        let channel = value.lowercased()
        guard channels.contains(channel) else {
            throw .badParameter("filterByChannels[]", "has an unknown channel \"\(value.prefix(40))\"")
        }
        return channel
    }

    private static func sectionId(_ value: String) throws(APIError) -> Int64 {
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let id = Int64(value), id > 0 else {
            throw .badParameter("filterBySectionIds[]", "must hold positive integer section ids")
        }
        return id
    }

    private static func tag(_ value: String) throws(APIError) -> String {
        let tag = value.trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty, tag.count <= 100 else { throw .badParameter("filterByTags[]", "must hold tags of 1 to 100 characters") }
        return tag
    }
}
