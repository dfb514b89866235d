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
