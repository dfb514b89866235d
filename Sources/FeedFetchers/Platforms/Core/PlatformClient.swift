import Foundation

/// The network as a platform adapter sees it: URLs on the platform's (or the configured
/// replacement's) base, requests charged to the credential's shared budget, rate-limit
/// headers read, transport failures turned into `PlatformError`s.
public struct PlatformClient: Sendable {
    /// The service whose requests these are (for base replacements and messages).
    public let service: String
    /// The policy-checked transport every request to a real platform host takes.
    let transport: any HTTPTransport
    /// The transport for replacement bases (operator configuration; may be on the local network).
    let trustedTransport: any HTTPTransport
    /// Base replacements.
    public let endpoints: PlatformEndpoints
    /// Budgets shared by every feed of the credential.
    let budgets: RateBudgets
    /// The budget this feed draws from: site, service and connection.
    let budgetKey: String
    /// The platform's allowance for one credential.
    let policy: RatePolicy
    /// The clock.
    public let now: @Sendable () -> Date
    /// The part of each budget window left to fetches; above zero for background work
    /// (re-checking posts) so that it never takes the requests feeds need.
    public var reserve: Double = 0

    /// Creates a client for one fetch.
    public init(service: String, transport: any HTTPTransport, trustedTransport: (any HTTPTransport)? = nil,
                endpoints: PlatformEndpoints, budgets: RateBudgets, budgetKey: String, policy: RatePolicy,
                now: @escaping @Sendable () -> Date) {
        self.service = service
        self.transport = transport
        self.trustedTransport = trustedTransport ?? transport
        self.endpoints = endpoints
        self.budgets = budgets
        self.budgetKey = budgetKey
        self.policy = policy
        self.now = now
    }

    /// The URL of `path` on `realBase` (or its replacement) with `query` encoded in order.
    public func url(_ realBase: String, _ path: String, query: [(String, String)] = []) -> String {
        endpoints.url(service: service, realBase: realBase, path: path, query: PlatformQuery.encode(query))
    }

    /// The URL of `path` on `realBase` (or its replacement) with a query encoded by the caller.
    public func url(_ realBase: String, _ path: String, rawQuery: String) -> String {
        endpoints.url(service: service, realBase: realBase, path: path, query: rawQuery)
    }

    /// A GET with the given headers.
    public func get(_ url: String, headers: [(String, String)] = []) async throws(PlatformError) -> FetchResponse {
        try await send(FetchRequest(url: url, headers: headers))
    }

    /// Sends `request` if the budget allows it; 4xx and 5xx are responses for the adapter to read.
    public func send(_ request: FetchRequest) async throws(PlatformError) -> FetchResponse {
        let start = now()
        if let until = await budgets.admit(budgetKey, policy: policy, now: start, reserve: reserve) {
            throw .rateLimited(until: until, "Roost paused requests to \(service) until \(FeedDate.isoString(until)) so that the feeds sharing this account stay within its rate limit")
        }
        let chosen = endpoints.isOverridden(request.url, service: service) ? trustedTransport : transport
        let response: FetchResponse
        do {
            response = try await chosen.fetch(request)
        } catch {
            switch error {
            case .timedOut, .connectionFailed, .dnsFailure: throw .unavailable(error.description)
            default: throw .failed(error.description)
            }
        }
        let limits = RateLimitHeaders(response.headers, now: now())
        await budgets.observe(budgetKey, remaining: limits.remaining, resetAt: limits.resetAt, now: now())
        return response
    }

    /// The shortest wait after a platform's "too many requests", whatever its reset said.
    public static let minimumThrottleWait: TimeInterval = 60

    /// The error for a platform's "too many requests": the whole budget waits until `until`
    /// (the platform's reset, else `Retry-After`, else 15 minutes), and the feed stays healthy.
    public func throttled(_ response: FetchResponse?, until: Date? = nil, _ message: String) async -> PlatformError {
        let current = now()
        var wait = until
        if wait == nil, let response {
            let limits = RateLimitHeaders(response.headers, now: current)
            wait = limits.resetAt ?? response.retryAfter.map { current.addingTimeInterval(TimeInterval($0)) }
        }
        // No reset given: 15 minutes. A reset already past (clock skew, a stale header): a
        // minute, so that a platform that keeps answering 429 is not asked again every second.
        let resume = max(wait ?? current.addingTimeInterval(15 * 60), current.addingTimeInterval(Self.minimumThrottleWait))
        await budgets.block(budgetKey, until: resume, now: current)
        return .rateLimited(until: resume, "\(message); Roost waits until \(FeedDate.isoString(resume)) as the platform asked")
    }

    /// Decodes a JSON body, or fails naming what was expected.
    public func decode<T: Decodable>(_ type: T.Type, from response: FetchResponse, _ what: String) throws(PlatformError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw .failed("\(service) answered \(response.status) with \(what) Roost could not read: \(Self.describe(error))")
        }
    }

    /// Decodes a JSON body, or nil when it is not that shape (error bodies).
    public func decodeIfPossible<T: Decodable>(_ type: T.Type, from response: FetchResponse) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(response.body))
    }

    /// A decoding error in a few words.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "unreadable value at \(path(context.codingPath))"
        @unknown default:
            return "unreadable JSON"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// The rate-limit headers platforms send: X's `x-rate-limit-*`, Bluesky's `ratelimit-*`,
/// Vimeo's `x-ratelimit-*`. Resets are epoch seconds, seconds from now, or a date.
public struct RateLimitHeaders: Sendable, Equatable {
    public var remaining: Int?
    public var resetAt: Date?

    /// Reads the headers (names lower-cased).
    public init(_ headers: [String: String], now: Date) {
        let prefixes = ["x-rate-limit-", "ratelimit-", "x-ratelimit-"]
        remaining = prefixes.lazy.compactMap { headers[$0 + "remaining"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }.first
        resetAt = prefixes.lazy.compactMap { headers[$0 + "reset"].flatMap { Self.date($0, now: now) } }.first
    }

    /// A reset value as a date: epoch seconds (large numbers), seconds from now (small ones) or a date.
    public static func date(_ text: String, now: Date) -> Date? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let number = Double(value) {
            return number > 1_000_000_000 ? Date(timeIntervalSince1970: number) : now.addingTimeInterval(number)
        }
        return FeedDate.parse(value)
    }
}
