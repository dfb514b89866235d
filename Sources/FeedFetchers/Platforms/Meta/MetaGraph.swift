import Foundation

/// What the Instagram and Facebook adapters share about Meta's Graph API: the version and
/// hosts, `+0000` dates, cursor paging, and requests whose failures never show the token.
enum MetaGraph {
    /// The Graph API version every request names; Meta retires a version about two years after release.
    static let version = "v25.0"
    /// The host of the Graph API with Facebook Login (Pages, Instagram business accounts).
    static let facebookBase = "https://graph.facebook.com"
    /// The host of the Instagram API with Instagram Login (and of its token refresh).
    static let instagramBase = "https://graph.instagram.com"

    /// `/v25.0/<node>` (`node` may hold an edge: `1234/media`).
    static func path(_ node: String) -> String { "/\(version)/\(node)" }

    /// A Graph date (`2026-09-14T16:44:51+0000`: no colon in the offset); nil when unreadable.
    static func date(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        return FeedDate.parse(text)
    }

    /// A GET whose transport failures (which quote the URL, and so the `access_token`
    /// query parameter) have the token taken out of their message.
    static func get(_ url: String, client: PlatformClient, token: String) async throws(PlatformError) -> FetchResponse {
        do {
            return try await client.get(url)
        } catch {
            throw error.redacting([token])
        }
    }
}

/// A Graph list: `{"data": [...], "paging": {...}}`.
struct MetaList<Item: Decodable & Sendable>: Decodable, Sendable {
    @LossyList var data: [Item]?
    var paging: MetaPaging?
}

/// A Graph list's paging: cursors, and `next` only while an older page exists.
struct MetaPaging: Decodable, Sendable {
    /// The cursors around the page.
    struct Cursors: Decodable, Sendable {
        var before: String?
        var after: String?
    }
    var cursors: Cursors?
    /// The next page's URL; it embeds the token, so it is only looked at, never followed or logged.
    var next: String?

    /// The `after` cursor of the next page; nil on the last page.
    var nextCursor: String? {
        guard next != nil, let after = cursors?.after, !after.isEmpty else { return nil }
        return after
    }
}

extension MetaGraph {
    /// Reads a JSON answer of the Graph API: a 2xx decoded as `type`, anything else turned
    /// into the `PlatformError` its `error.code` calls for.
    static func read<T: Decodable>(
        _ type: T.Type, _ url: String, _ what: String, client: PlatformClient, context: MetaErrorContext
    ) async throws(PlatformError) -> T {
        let response = try await get(url, client: client, token: context.token)
        guard (200..<300).contains(response.status) else { throw await MetaErrors.error(response, context, client: client) }
        return try client.decode(T.self, from: response, what)
    }

}
