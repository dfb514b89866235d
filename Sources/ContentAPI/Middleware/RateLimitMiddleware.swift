import Aggregator
import HTTPTypes
import Hummingbird

/// Rate limits on every route (SPEC §3.7). A request with a known key spends its key's budget
/// (read or admin) and, on routes that create things, that route's budget too; a request with
/// an unknown key spends its address's failed-authentication budget, and once that is empty
/// the address's unknown keys get 429 without a lookup; a request without a key spends its
/// address's anonymous budget. Every response, errors and 304s included, says where the budget
/// stands in `X-RateLimit-Limit`, `-Remaining` and `-Reset`; a refusal is 429 `rate_limited`
/// with `Retry-After`.
struct RateLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limiter: RateLimiter
    let limits: RateLimits
    let authenticator: Authenticator

    /// Spends the request's budgets, refuses or runs it, and reports the budget on the response.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let outcome: RateLimiter.Outcome?
        do {
            outcome = try await charge(request, context: context)
        } catch {
            return ErrorMiddleware<Context>.response(for: error, request: request, context: context)
        }
        var response: Response
        if let outcome, !outcome.allowed {
            response = Self.refusal(outcome).envelope
            response.headers[.retryAfter] = String(outcome.retryAfter)
            if request.method == .get { response.headers.append(contentsOf: CORS.simpleHeaders) }
        } else {
            do {
                response = try await next(request, context)
            } catch {
                response = ErrorMiddleware<Context>.response(for: error, request: request, context: context)
            }
        }
        if let outcome { Self.setHeaders(outcome, on: &response) }
        return response
    }

    /// Spends the request's budgets; the outcome to report, nil when no budget applies.
    private func charge(_ request: Request, context: Context) async throws -> RateLimiter.Outcome? {
        let address = ClientAddress.of(request, context: context, trustForwardedFor: limits.trustForwardedFor)
        guard let secret = Authenticator.secret(of: request) else {
            return limiter.take([(.anonymous(address), limits.anonymous)])
        }
        let failed = RateLimiter.Subject.failedAuthentication(address)
        if authenticator.cachedKey(secret) == nil, let refusal = limiter.refusal(failed, limits.failedAuthentication) {
            return refusal
        }
        guard let key = try await authenticator.identify(secret) else {
            return limiter.take([(failed, limits.failedAuthentication)])
        }
        var charges: [(RateLimiter.Subject, RateLimit?)] = [(.key(key.keyId), key.scope == .read ? limits.read : limits.admin)]
        if let route = RouteClass(method: request.method.rawValue, path: request.uri.path[...]) {
            charges.append((.route(key.keyId, route), limits.limit(for: route)))
        }
        return limiter.take(charges)
    }

    /// `X-RateLimit-Limit`, `-Remaining` and `-Reset` (Unix seconds).
    static func setHeaders(_ outcome: RateLimiter.Outcome, on response: inout Response) {
        response.headers[FlowHeaders.limit] = String(outcome.limit)
        response.headers[FlowHeaders.remaining] = String(outcome.remaining)
        response.headers[FlowHeaders.reset] = String(outcome.reset)
    }

    /// The 429 of a spent budget, saying which and when to come back.
    static func refusal(_ outcome: RateLimiter.Outcome) -> APIError {
        let when = "try again in \(outcome.retryAfter) second\(outcome.retryAfter == 1 ? "" : "s")"
        switch outcome.subject {
        case .failedAuthentication:
            return .rateLimited("too many requests with an unknown API key from this address; \(when)")
        case .anonymous:
            return .rateLimited("too many requests without an API key from this address (at most \(outcome.budget)); \(when)")
        case .key:
            return .rateLimited("this API key has used its budget of \(outcome.budget) requests; \(when)")
        case .route(_, let route):
            let what = switch route {
            case .keyCreation: "API key creations"
            case .webhookCreation: "webhook creations"
            case .creation: "creations"
            }
            return .rateLimited("this API key has used its budget of \(outcome.budget) \(what); \(when)")
        }
    }
}
