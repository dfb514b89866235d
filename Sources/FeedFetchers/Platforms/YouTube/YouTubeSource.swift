import Foundation

/// What a YouTube feed reads: a channel's uploads, a playlist, or a channel page (`/@handle`,
/// `/c/name`, `/user/name`) whose channel id must be looked up once (fixtures README).
enum YouTubeSource: Sendable, Equatable {
    /// A channel by its `UC…` id.
    case channel(String)
    /// A playlist by its id.
    case playlist(String)
    /// A channel page to resolve: the path on www.youtube.com and the handle it names, if any.
    case page(path: String, handle: String?)

    /// The attributes a YouTube feed may have.
    static let attributeNames: Set<String> = ["channel_id", "playlist_id", "url", "exclude_shorts"]
    /// The three ways of naming the feed; exactly one is given.
    static let targetNames = ["channel_id", "playlist_id", "url"]
    /// The hosts a `url` may have.
    static let hosts: Set<String> = ["youtube.com", "www.youtube.com", "m.youtube.com"]

    /// The source the attributes name; nil when they do not name exactly one valid one.
    static func from(_ attributes: [String: FeedAttribute]) -> YouTubeSource? {
        let given = targetNames.filter { text(attributes[$0]) != nil }
        guard given.count == 1, let name = given.first, let value = text(attributes[name]) else { return nil }
        switch name {
        case "channel_id": return isChannelId(value) ? .channel(value) : nil
        case "playlist_id": return isPlaylistId(value) ? .playlist(value) : nil
        default: return from(url: value)
        }
    }

    /// What is wrong with the attributes, one problem per attribute.
    static func problems(in attributes: [String: FeedAttribute]) -> [AttributeProblem] {
        let given = targetNames.filter { attributes[$0] != nil }
        if given.isEmpty {
            return [AttributeProblem("channel_id", "a YouTube feed needs one of channel_id (UC followed by 22 letters, digits, - or _), playlist_id or url")]
        }
        var problems = given.dropFirst().map {
            AttributeProblem($0, "give only one of channel_id, playlist_id or url for a YouTube feed")
        }
        if let value = attributes["channel_id"], !(text(value).map(isChannelId) ?? false) {
            problems.append(AttributeProblem("channel_id", "must be a YouTube channel id: UC followed by 22 letters, digits, - or _"))
        }
        if let value = attributes["playlist_id"], !(text(value).map(isPlaylistId) ?? false) {
            problems.append(AttributeProblem("playlist_id", "must be a YouTube playlist id such as PL… (12 to 64 letters, digits, - or _)"))
        }
        if let value = attributes["url"], text(value).flatMap(from(url:)) == nil {
            problems.append(AttributeProblem("url", "must be a youtube.com address of a channel or playlist: https://www.youtube.com/channel/UC…, /@handle, /c/name, /user/name or /playlist?list=…"))
        }
        if let value = attributes["exclude_shorts"] {
            if value.boolValue == nil {
                problems.append(AttributeProblem("exclude_shorts", "must be true or false"))
            } else if value.boolValue == true, isPlaylist(attributes) {
                problems.append(AttributeProblem("exclude_shorts", "applies only to a channel's uploads, not to a playlist"))
            }
        }
        var seen: Set<String> = []
        return problems.filter { seen.insert($0.attribute).inserted }
    }

    /// The source a youtube.com address names; nil for other hosts and forms.
    static func from(url text: String) -> YouTubeSource? {
        let address = text.contains("://") ? text : "https://" + text
        guard let parts = URLComponents(string: address), let scheme = parts.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = parts.host?.lowercased(), hosts.contains(host) else { return nil }
        let segments = parts.percentEncodedPath.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        guard let first = segments.first else { return nil }
        let second = segments.count > 1 ? segments[1] : nil
        switch first {
        case "channel":
            return second.flatMap { isChannelId($0) ? .channel($0) : nil }
        case "playlist":
            let list = parts.queryItems?.first { $0.name == "list" }?.value
            return list.flatMap { isPlaylistId($0) ? .playlist($0) : nil }
        case "c", "user":
            guard let name = second, isName(name, lengths: 1...100) else { return nil }
            return .page(path: "/\(first)/" + PlatformQuery.escape(name), handle: nil)
        default:
            guard first.hasPrefix("@") else { return nil }
            let handle = String(first.dropFirst())
            guard isName(handle, lengths: 3...30) else { return nil }
            return .page(path: "/@" + PlatformQuery.escape(handle), handle: handle)
        }
    }

    /// `UC` and 22 letters, digits, `-` or `_`.
    static func isChannelId(_ text: String) -> Bool {
        text.hasPrefix("UC") && text.utf8.count == 24 && text.utf8.allSatisfy(isIdByte)
    }

    /// 12 to 64 letters, digits, `-` or `_` (PL…, UU…, OLAK5uy_…).
    static func isPlaylistId(_ text: String) -> Bool {
        (12...64).contains(text.utf8.count) && text.utf8.allSatisfy(isIdByte)
    }

    /// The text of an attribute, trimmed; nil when absent, blank or not text.
    static func text(_ value: FeedAttribute?) -> String? {
        guard let text = value?.textValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private static func isPlaylist(_ attributes: [String: FeedAttribute]) -> Bool {
        if text(attributes["playlist_id"]) != nil { return true }
        if let url = text(attributes["url"]), case .playlist = from(url: url) { return true }
        return false
    }

    private static func isName(_ text: String, lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.count) && text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "_-.".unicodeScalars.contains($0)
        }
    }

    private static func isIdByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
    }
}
