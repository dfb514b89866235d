import Foundation

/// What a saved embed shows and how (SPEC §3.9, issue 11). Stored as JSON in the embed's
/// row; read strictly from request bodies by `EmbedSettings.apply(_:)`.
struct EmbedSettings: Codable, Sendable, Equatable {
    /// How the cards are laid out.
    enum Layout: String, Codable, Sendable, CaseIterable {
        case wall, grid, masonry, carousel, slideshow
    }

    /// The order of the posts.
    enum Order: String, Codable, Sendable, CaseIterable {
        /// The posts API's order: pinned posts first, then newest.
        case pinnedFirst = "pinned_first"
        /// Newest first, pinned posts in their place by date.
        case newest
        /// `order=random`: a random selection on every load, no paging.
        case random
    }

    /// The posts filters of SPEC §3.3.
    struct Filters: Codable, Sendable, Equatable {
        var sectionIds: [Int64] = []
        var channels: [String] = []
        var tags: [String] = []
        var tagFilterType = "all"
    }

    /// What a card shows.
    struct Card: Codable, Sendable, Equatable {
        var author = true
        var avatar = true
        var time = true
        var channelIcon = true
        /// Characters of text before it is cut with an ellipsis; 0 shows it all.
        var textLength = 400
        /// Only posts with an image or video.
        var mediaOnly = false
    }

    /// Live updates: polling the posts API's `newer` link.
    struct Live: Codable, Sendable, Equatable {
        var enabled = true
        /// Seconds between polls.
        var interval = 30
    }

    var name = "Social wall"
    var layout = Layout.wall
    var count = 20
    var order = Order.pinnedFirst
    var filters = Filters()
    var theme = EmbedTheme.light
    var card = Card()
    var live = Live()
    /// Seconds a slide stays on screen (slideshow and carousel auto-advance).
    var slideInterval = 8

    /// The settings stored in an embed row; defaults when the document is unreadable, so an
    /// embed always renders.
    static func stored(_ text: String) -> EmbedSettings {
        (try? JSONDecoder().decode(EmbedSettings.self, from: Data(text.utf8))) ?? EmbedSettings()
    }

    /// The document to store.
    func storedText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The posts API parameters this embed reads with (never the key).
    func postsParameters() -> [(String, String)] {
        var parameters: [(String, String)] = [("count", String(count))]
        parameters += filters.channels.map { ("filterByChannels[]", $0) }
        parameters += filters.sectionIds.map { ("filterBySectionIds[]", String($0)) }
        parameters += filters.tags.map { ("filterByTags[]", $0) }
        if !filters.tags.isEmpty { parameters.append(("tagFilterType", filters.tagFilterType)) }
        if order == .random { parameters.append(("order", "random")) }
        return parameters
    }
}
