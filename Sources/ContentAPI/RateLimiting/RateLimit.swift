import Foundation

/// A request budget (SPEC §3.7): `count` requests per `window` seconds, kept as a token bucket
/// that holds `count` tokens and refills at `count / window` per second, so a client may
/// burst up to the whole budget and then goes on at the average rate.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    /// Requests per window, and the bucket's size.
    public var count: Int
    /// The window in seconds.
    public var window: Double

    /// Creates a budget of `count` requests per `window` seconds.
    public init(_ count: Int, per window: Double) {
        self.count = max(count, 1)
        self.window = max(window, 1)
    }

    /// Tokens regained per second.
    var ratePerSecond: Double { Double(count) / window }

    /// The setting's spelling, e.g. `100/min`.
    public var description: String {
        switch window {
        case 1: return "\(count)/s"
        case 60: return "\(count)/min"
        case 3600: return "\(count)/h"
        default: return "\(count)/\(Int(window))s"
        }
    }

    /// Why a setting could not be read.
    public struct SyntaxError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a setting: `N/s`, `N/min` or `N/h` with N from 1 to 1000000, or `off` (nil:
    /// no limit, and no `X-RateLimit-*` headers for that budget).
    public static func setting(_ text: String) throws(SyntaxError) -> RateLimit? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "off" { return nil }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let windows: [String: Double] = ["s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "h": 3600, "hour": 3600]
        guard parts.count == 2, let count = Int(parts[0]), (1...1_000_000).contains(count),
              let window = windows[String(parts[1])] else {
            throw SyntaxError(description: "must be a number of requests per s, min or h (e.g. 100/min), or off; it is '\(text.prefix(40))'")
        }
        return RateLimit(count, per: window)
    }
}

/// Every budget of the API (SPEC §3.7), each nil when switched off. The defaults follow the
/// Flow seed: 100 requests a minute per admin key, 5 key creations, 10 webhook creations and
/// 30 creations of feeds, connections, sections and embeds a minute; read keys, which serve
/// every viewer of an embed, get a generous budget.
public struct RateLimits: Sendable, Equatable {
    /// Per read key, on every route.
    public var read: RateLimit? = RateLimit(12_000, per: 60)
    /// Per admin key, on every route.
    public var admin: RateLimit? = RateLimit(100, per: 60)
    /// Per key, `POST /v2/:site/api-keys`, on top of the key's own budget.
    public var keyCreation: RateLimit? = RateLimit(5, per: 60)
    /// Per key, `POST /v2/:site/webhooks`, on top of the key's own budget.
    public var webhookCreation: RateLimit? = RateLimit(10, per: 60)
    /// Per key, `POST` of feeds, connections, sections and embeds, on top of the key's own budget.
    public var creation: RateLimit? = RateLimit(30, per: 60)
    /// Per client address: requests whose key is unknown. Once spent, such requests are
    /// answered 429 without looking the key up; known keys are not affected.
    public var failedAuthentication: RateLimit? = RateLimit(20, per: 60)
    /// Per client address: requests without a key (`/health`, `/openapi.json`, pages).
    public var anonymous: RateLimit? = RateLimit(1_200, per: 60)
    /// Take the client address from the last `X-Forwarded-For` entry (behind a reverse proxy
    /// that sets it); off, the connection's peer address.
    public var trustForwardedFor = false

    /// The defaults.
    public init() {}

    /// No limits at all.
    public static var unlimited: RateLimits {
        var limits = RateLimits()
        limits.read = nil
        limits.admin = nil
        limits.keyCreation = nil
        limits.webhookCreation = nil
        limits.creation = nil
        limits.failedAuthentication = nil
        limits.anonymous = nil
        return limits
    }

    /// The extra budget of a kind of route.
    func limit(for route: RouteClass) -> RateLimit? {
        switch route {
        case .keyCreation: return keyCreation
        case .webhookCreation: return webhookCreation
        case .creation: return creation
        }
    }
}

/// Routes with a budget of their own, besides the key's.
enum RouteClass: Sendable, Hashable {
    case keyCreation, webhookCreation, creation

    /// The class of `method path`, if it has one: creating things under `/v2/:site/`.
    init?(method: String, path: Substring) {
        guard method == "POST" else { return nil }
        let segments = path.split(separator: "/")
        guard segments.count == 3, segments[0] == "v2" else { return nil }
        switch segments[2] {
        case "api-keys": self = .keyCreation
        case "webhooks": self = .webhookCreation
        case "feeds", "connections", "sections", "embeds": self = .creation
        default: return nil
        }
    }
}
