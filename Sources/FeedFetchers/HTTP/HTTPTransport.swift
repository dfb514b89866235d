import Foundation

/// Outbound HTTP as the fetchers see it: one conditional GET, redirects followed and
/// checked hop by hop, the body decoded and capped. The seam tests replace with a loopback
/// server, never with a mock (DESIGN.md).
public protocol HTTPTransport: Sendable {
    /// Fetches `request.url`. Errors are `FetchError`s whose descriptions an operator can act on.
    func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse
}

/// One fetch: the URL and what the last answer said, for a conditional GET.
public struct FetchRequest: Sendable, Equatable {
    public var url: String
    /// `ETag` of the last 200, sent back as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` of the last 200, sent back as `If-Modified-Since`.
    public var lastModified: String?
    /// Extra request headers (platform APIs: `Authorization`, `Accept`, `Content-Type`).
    public var headers: [(String, String)]
    /// `GET` unless a platform API wants `POST` (TikTok's video list, Bluesky's login).
    public var method: String
    /// The request body, for `POST`.
    public var body: [UInt8]?

    /// Creates a request.
    public init(url: String, etag: String? = nil, lastModified: String? = nil, headers: [(String, String)] = [],
                method: String = "GET", body: [UInt8]? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.headers = headers
        self.method = method
        self.body = body
    }

    public static func == (lhs: FetchRequest, rhs: FetchRequest) -> Bool {
        lhs.url == rhs.url && lhs.etag == rhs.etag && lhs.lastModified == rhs.lastModified
            && lhs.headers.elementsEqual(rhs.headers) { $0 == $1 } && lhs.method == rhs.method && lhs.body == rhs.body
    }
}

/// What a fetch answered, after redirects.
public struct FetchResponse: Sendable, Equatable {
    /// The final status: 200-299, 304, or an error status (4xx/5xx are responses, not errors).
    public var status: Int
    /// The URL that answered, after redirects.
    public var finalURL: String
    /// Each redirect followed, in order: its status (301, 302, 303, 307, 308) and target.
    public var redirects: [Redirect]
    /// The decoded body (empty for 304).
    public var body: [UInt8]
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// `Cache-Control: max-age` in seconds, when given.
    public var maxAge: Int?
    /// `Retry-After` as seconds from now (delta-seconds or an HTTP date), when given.
    public var retryAfter: Int?
    /// Every response header, names lower-cased, for platform adapters (rate-limit headers).
    public var headers: [String: String]

    /// Creates a response.
    public init(status: Int, finalURL: String, redirects: [Redirect] = [], body: [UInt8] = [], contentType: String? = nil,
                etag: String? = nil, lastModified: String? = nil, maxAge: Int? = nil, retryAfter: Int? = nil,
                headers: [String: String] = [:]) {
        self.status = status
        self.finalURL = finalURL
        self.redirects = redirects
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.maxAge = maxAge
        self.retryAfter = retryAfter
        self.headers = headers
    }

    /// A redirect hop.
    public struct Redirect: Sendable, Equatable {
        public var status: Int
        public var location: String

        /// Creates a hop.
        public init(status: Int, location: String) {
            self.status = status
            self.location = location
        }

        /// 301 and 308: the resource has moved for good.
        public var isPermanent: Bool { status == 301 || status == 308 }
    }
}

/// Why a fetch got no HTTP answer. Each description is a sentence an operator can act on;
/// it becomes the feed's `error_message` (SPEC §3.4).
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL or an address it resolved to is refused by the network policy.
    case refused(NetworkPolicyViolation)
    case invalidURL(String)
    case dnsFailure(host: String)
    case connectionFailed(url: String, detail: String)
    case timedOut(url: String, seconds: Int)
    case tooManyRedirects(url: String, limit: Int)
    case redirectWithoutLocation(url: String, status: Int)
    case bodyTooLarge(url: String, limit: Int)
    case decompressionFailed(url: String)
    case tls(url: String, detail: String)

    public var description: String {
        switch self {
        case .refused(let violation): return violation.description
        case .invalidURL(let url): return "\(url) is not a valid http(s) URL"
        case .dnsFailure(let host): return "the name \(host) could not be resolved; check the feed's address"
        case .connectionFailed(let url, let detail): return "could not connect to \(url): \(detail)"
        case .timedOut(let url, let seconds): return "\(url) did not answer within \(seconds) seconds"
        case .tooManyRedirects(let url, let limit): return "\(url) redirected more than \(limit) times; the feed's address may be wrong"
        case .redirectWithoutLocation(let url, let status): return "\(url) answered \(status) without saying where to go"
        case .bodyTooLarge(let url, let limit): return "\(url) sent more than \(limit / 1_048_576) MB; that is too large for a feed"
        case .decompressionFailed(let url): return "\(url) sent a compressed body that could not be decompressed"
        case .tls(let url, let detail): return "a secure connection to \(url) failed: \(detail)"
        }
    }
}
