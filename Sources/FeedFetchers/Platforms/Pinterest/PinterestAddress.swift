import Foundation

/// A Pinterest feed's `url` normalised to the RSS request (fixtures README table): a board
/// (`/{user}/{board}.rss`) or a profile's pins (`/{user}/feed.rss`), on any `pinterest.*` host.
struct PinterestAddress: Sendable, Equatable {
    /// The profile's user name, as in the URL.
    var user: String
    /// The board's slug; nil for a profile feed.
    var board: String?
    /// The request path on www.pinterest.com, ending in `.rss`.
    var path: String

    /// The profile's address (`from.profileUrl`).
    var profileURL: String { "https://www.pinterest.com/\(user)/" }
    /// `user/board` or `user`, for messages.
    var label: String { board.map { "board \(user)/\($0)" } ?? "profile \(user)" }

    /// What a `url` attribute names.
    enum Parsed: Sendable, Equatable {
        /// A board or profile feed.
        case feed(PinterestAddress)
        /// A `pin.it` short link, to follow once: its path.
        case shortLink(path: String)
    }

    /// First path segments that are Pinterest pages, not user names.
    static let reservedUsers: Set<String> = ["pin", "search", "ideas", "explore", "today", "_", "categories", "business", "settings"]

    /// Reads a `url` attribute; nil for other hosts, pin pages and paths of more than two segments.
    static func parse(_ text: String) -> Parsed? {
        let address = text.contains("://") ? text : "https://" + text
        guard let parts = URLComponents(string: address), let scheme = parts.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = parts.host?.lowercased() else { return nil }
        let segments = parts.percentEncodedPath.split(separator: "/").map(String.init)
        if host == "pin.it" {
            guard segments.count == 1, let code = segments.first, isSlug(code) else { return nil }
            return .shortLink(path: "/" + code)
        }
        guard isPinterestHost(host) else { return nil }
        return feed(path: segments).map(Parsed.feed)
    }

    /// The feed a path (`/{user}`, `/{user}/{board}`, `…/feed.rss`, `….rss`) names.
    static func feed(path segments: [String]) -> PinterestAddress? {
        guard (1...2).contains(segments.count), let user = segments.first, isUser(user),
              !reservedUsers.contains(user.lowercased()) else { return nil }
        guard segments.count == 2 else {
            return PinterestAddress(user: user, board: nil, path: "/\(user)/feed.rss")
        }
        let second = segments[1]
        if second.lowercased() == "feed.rss" {
            return PinterestAddress(user: user, board: nil, path: "/\(user)/\(second)")
        }
        let board = second.lowercased().hasSuffix(".rss") ? String(second.dropLast(4)) : second
        guard isSlug(board) else { return nil }
        return PinterestAddress(user: user, board: board, path: "/\(user)/\(board).rss")
    }

    /// `pinterest.com` and its country hosts (`fi.pinterest.com`, `www.pinterest.co.uk`, `pinterest.de`).
    static func isPinterestHost(_ host: String) -> Bool {
        let labels = host.split(separator: ".").map(String.init)
        guard let index = labels.firstIndex(of: "pinterest"), index <= 1 else { return false }
        if index == 1, !labels[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) { return false }
        let suffix = Array(labels[(index + 1)...])
        func isCountry(_ label: String) -> Bool { (2...3).contains(label.count) && label.allSatisfy { $0.isASCII && $0.isLetter } }
        switch suffix.count {
        case 1: return isCountry(suffix[0])
        case 2: return (suffix[0] == "co" || suffix[0] == "com") && suffix[1].count == 2 && isCountry(suffix[1])
        default: return false
        }
    }

    /// A user name: letters, digits, `_`, `-` or `.`.
    private static func isUser(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
    }

    /// A board slug or short-link code as written in a URL path (percent escapes allowed).
    private static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 200 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.%~".contains($0)) }
    }
}
