import AsyncHTTPClient
import Foundation
import NIOCore

/// The production `HTTPTransport`: AsyncHTTPClient behind the network policy (issue 4).
///
/// For every hop it checks the URL, resolves the host itself, checks the addresses, and
/// connects only to a checked address (AsyncHTTPClient's `dnsOverride`, so TLS still
/// verifies the certificate against the URL's host). It follows redirects itself, at most
/// `maxRedirects`, each hop checked again. Bodies are decoded (gzip, deflate) and capped;
/// the whole fetch, DNS and body included, is bounded by `totalTimeout`.
///
/// Clients and DNS answers are cached, so connections are reused across fetches and a
/// conditional GET answered 304 costs one round trip. Call `shutdown()` before dropping it.
public final class GuardedHTTPClient: HTTPTransport {
    /// Most redirects followed in one fetch (issue 4).
    public static let maxRedirects = 10
    /// The `User-Agent` sent unless another is given: it names Roost and where to read about it.
    public static let defaultUserAgent = "Roost/0.1 (+https://github.com/roost; feed fetcher)"
    /// The `Accept` sent unless the request gives one: feed formats first, then any XML or JSON.
    static let feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, "
        + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
    /// Most body bytes read from a redirect; a larger one is dropped with its connection.
    static let maxRedirectBodyBytes = 64 << 10

    /// The policy every hop is checked against.
    public let policy: NetworkPolicy
    /// The `User-Agent` header sent with every request.
    public let userAgent: String
    /// Largest decoded body accepted, in bytes; more is `FetchError.bodyTooLarge`.
    public let maxBodyBytes: Int
    /// Longest wait for a TCP connection (and TLS handshake) to be established.
    public let connectTimeout: Duration
    /// Longest a whole fetch may take: DNS, every redirect hop and the body.
    public let totalTimeout: Duration
    /// The clock `Retry-After` dates are measured against.
    let now: @Sendable () -> Date
    /// Resolves names; its answers are checked before any connection.
    let resolver: AddressResolver
    /// Pooled AsyncHTTPClient instances, one per checked (host, address).
    let clients: HTTPClientPool

    /// A client; `now` is the clock `Retry-After` dates are measured against.
    public convenience init(
        policy: NetworkPolicy,
        userAgent: String = GuardedHTTPClient.defaultUserAgent,
        maxBodyBytes: Int = 16 << 20,
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        now: @escaping @Sendable () -> Date
    ) {
        self.init(policy: policy, userAgent: userAgent, maxBodyBytes: maxBodyBytes, connectTimeout: connectTimeout,
                  totalTimeout: totalTimeout, now: now, resolver: AddressResolver())
    }

    /// A client with a given resolver (tests give names fixed answers).
    init(
        policy: NetworkPolicy, userAgent: String, maxBodyBytes: Int, connectTimeout: Duration,
        totalTimeout: Duration, now: @escaping @Sendable () -> Date, resolver: AddressResolver
    ) {
        self.policy = policy
        self.userAgent = userAgent
        self.maxBodyBytes = maxBodyBytes
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.now = now
        self.resolver = resolver
        self.clients = HTTPClientPool(configuration: Self.configuration(
            maxBodyBytes: maxBodyBytes, connectTimeout: connectTimeout))
    }

    /// Fetches `request.url`, following redirects; 4xx and 5xx answers are responses.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let timeout = totalTimeout
        // The work and a timer race; the loser is cancelled. AsyncHTTPClient's own deadline
        // covers only the wait for the response head, not a slow or endless body.
        let outcome = await withTaskGroup(
            of: Result<FetchResponse, FetchError>?.self, returning: Result<FetchResponse, FetchError>?.self
        ) { group in
            group.addTask { await self.outcome(of: request) }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return nil }
                return .failure(.timedOut(url: request.url, seconds: Self.wholeSeconds(timeout)))
            }
            for await result in group {
                guard let result else { continue }
                group.cancelAll()
                return result
            }
            return nil
        }
        switch outcome {
        case .success(let response): return response
        case .failure(let error): throw error
        case nil: throw .timedOut(url: request.url, seconds: Self.wholeSeconds(timeout))
        }
    }

    /// Closes every pooled connection; fetches still running fail.
    public func shutdown() async {
        await clients.shutdown()
    }

    /// `follow(_:)` as a value, for the race in `fetch`.
    private func outcome(of request: FetchRequest) async -> Result<FetchResponse, FetchError> {
        do {
            return .success(try await follow(request))
        } catch {
            return .failure(error)
        }
    }

    /// Fetches hop by hop until an answer that is not a redirect.
    private func follow(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let deadline = NIODeadline.now() + TimeAmount(totalTimeout)
        let origin = Origin(url: request.url)
        var url = request.url
        var hop = request
        var redirects: [FetchResponse.Redirect] = []
        while true {
            let exchange = try await self.exchange(
                url: url, request: hop, forwardCredentials: Origin(url: url) == origin, deadline: deadline)
            guard Self.isRedirect(exchange.status) else {
                return FetchResponse(
                    status: exchange.status, finalURL: url, redirects: redirects, body: exchange.body,
                    contentType: exchange.values.contentType, etag: exchange.values.etag,
                    lastModified: exchange.values.lastModified, maxAge: exchange.values.maxAge,
                    retryAfter: exchange.values.retryAfter, headers: exchange.values.all)
            }
            guard let location = exchange.values.location else {
                throw .redirectWithoutLocation(url: url, status: exchange.status)
            }
            guard redirects.count < Self.maxRedirects else {
                throw .tooManyRedirects(url: request.url, limit: Self.maxRedirects)
            }
            guard let next = URLResolver.resolve(location, against: url) else { throw .invalidURL(location) }
            redirects.append(FetchResponse.Redirect(status: exchange.status, location: next))
            url = next
            // A POST redirected by 301, 302 or 303 continues as a GET without its body (RFC 9110 §15.4).
            if hop.method != "GET", exchange.status != 307, exchange.status != 308 {
                hop.method = "GET"
                hop.body = nil
            }
        }
    }

    /// The statuses followed (RFC 9110 §15.4); 300, 304 and 305 are answers.
    static func isRedirect(_ status: Int) -> Bool {
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308
    }

    /// A duration in whole seconds, rounded up, for messages ("within 30 seconds").
    static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }

    /// The AsyncHTTPClient settings every pooled client shares.
    private static func configuration(maxBodyBytes: Int, connectTimeout: Duration) -> HTTPClient.Configuration {
        var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(60))
        // A refused connection fails the fetch at once; the scheduler retries the feed later,
        // so retrying here would only hold a fetch slot for the whole connect timeout.
        pool.retryConnectionEstablishment = false
        return HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(connectTimeout)),
            connectionPool: pool,
            // A gzip bomb fails as soon as the decoded bytes pass the cap, before they are all inflated.
            decompression: .enabled(limit: .size(maxBodyBytes)))
    }
}

/// Scheme, host and port of a URL, compared to decide whether credentials travel with a
/// redirect: `Authorization` and `Cookie` are not sent to another origin (RFC 9110 §15.4).
struct Origin: Equatable {
    var scheme: String
    var host: URLTarget.Host?
    var port: Int?

    /// The origin of `url`; unparsable URLs have no host and match nothing parsable.
    init(url: String) {
        let target: URLTarget?
        do { target = try HostParser.parse(url) } catch { target = nil }
        scheme = target?.scheme ?? ""
        host = target?.host
        port = target.map { $0.port ?? ($0.scheme == "https" ? 443 : 80) }
    }
}
