import Foundation

/// Why a platform fetch produced no posts, classified the way feed health needs it
/// (issue 6): each case's message is a sentence an operator can act on.
public enum PlatformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The credentials were refused (expired, revoked, password changed): the feed is
    /// unhealthy until someone reconnects the account.
    case reconnect(String)
    /// The platform asked us to wait: the feed stays healthy and is fetched again after `until`.
    case rateLimited(until: Date?, String)
    /// The account, page, place or channel does not exist (or is no longer visible).
    case notFound(String)
    /// The feed or its connection is not set up right (no connection, missing permission).
    case misconfigured(String)
    /// A failure platforms are known to have now and then (YouTube's intermittent 404s):
    /// the feed turns unhealthy only after several in a row.
    case unavailable(String)
    /// Anything else: a server error, an answer that could not be read.
    case failed(String)

    public var description: String {
        switch self {
        case .reconnect(let message), .rateLimited(_, let message), .notFound(let message),
             .misconfigured(let message), .unavailable(let message), .failed(let message):
            return message
        }
    }
}

extension PlatformError {
    /// The error with every appearance of each secret (as written or percent-encoded) in its
    /// message replaced by `…`: transport errors quote URLs, and some platforms put tokens in
    /// the query (Meta's `access_token`, Google's `key`). Feed health must never show one.
    public func redacting(_ secrets: [String]) -> PlatformError {
        let clean = { (text: String) in PlatformError.redacting(secrets, in: text) }
        switch self {
        case .reconnect(let message): return .reconnect(clean(message))
        case .rateLimited(let until, let message): return .rateLimited(until: until, clean(message))
        case .notFound(let message): return .notFound(clean(message))
        case .misconfigured(let message): return .misconfigured(clean(message))
        case .unavailable(let message): return .unavailable(clean(message))
        case .failed(let message): return .failed(clean(message))
        }
    }

    /// `text` with every appearance of each secret (plain or percent-encoded) replaced by `…`.
    public static func redacting(_ secrets: [String], in text: String) -> String {
        var text = text
        // Longest first, so a secret containing another is replaced whole.
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret.count >= 4 {
            text = text.replacingOccurrences(of: secret, with: "…").replacingOccurrences(of: PlatformQuery.escape(secret), with: "…")
        }
        return text
    }
}
