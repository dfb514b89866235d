import Aggregator
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `Idempotency-Key` on every admin `POST` (SPEC §3.7, the Flow seed): the first request with
/// a key runs and its response is kept in the database for 24 hours, per site and key; the
/// same key with the same request (method, path, query and body) answers that response again
/// with `Idempotent-Replayed: true`; with another request it is a 422; while the first still
/// runs, a 409. 5xx and 429 answers are not kept, so the request can be tried again, nor are
/// bodies over `maxStoredBody`. Only a valid admin key of the site can claim or replay a key.
struct IdempotencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: any RoostStore
    let authenticator: Authenticator
    let now: @Sendable () -> Date

    /// How long a key is remembered.
    static var lifetime: TimeInterval { 24 * 3600 }
    /// After this long a claim whose request never finished (its process died) is taken over.
    static var abandonedAfter: TimeInterval { 300 }
    /// The largest response body kept for replay.
    static var maxStoredBody: Int { 1 << 20 }

    /// Claims, replays or refuses the key of an admin `POST`; other requests pass untouched.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let value = request.headers[FlowHeaders.idempotencyKey], let site = Self.site(of: request.uri.path) else {
            return try await next(request, context)
        }
        do {
            let key = try Self.validate(value)
            let apiKey = try await authenticator.require(request, site: site, scope: .admin)
            var request = request
            let body = try await request.body.collect(upTo: RequestBody.limit)
            request.body = Hummingbird.RequestBody(buffer: body)
            let idempotent = IdempotentRequest(siteId: apiKey.siteId, key: key, fingerprint: Self.fingerprint(request, body: body),
                                               apiKeyId: apiKey.keyId)
            let (store, now) = (self.store, self.now())
            let claim = try await Blocking.run {
                try store.claimIdempotencyKey(idempotent, now: now, lifetime: Self.lifetime, abandonedAfter: Self.abandonedAfter)
            }
            switch claim {
            case .completed(let stored):
                return Self.replay(stored)
            case .inProgress:
                throw APIError(.conflict, status: .conflict,
                               message: "a request with this Idempotency-Key is still running; retry once it has finished",
                               details: [.init(field: "Idempotency-Key", message: "is in use by a request still running")])
            case .mismatch:
                throw APIError(.validation, status: .unprocessableContent,
                               message: "this Idempotency-Key was used with another request in the last 24 hours; use a new key for a new request",
                               details: [.init(field: "Idempotency-Key", message: "was used with another method, path or body")])
            case .claimed(let token):
                return try await run(request, context: context, next: next, claim: idempotent, token: token)
            }
        } catch {
            return ErrorMiddleware<Context>.response(for: error, request: request, context: context)
        }
    }

    /// Runs a claimed request and keeps its response, or gives the claim up.
    private func run(_ request: Request, context: Context, next: (Request, Context) async throws -> Response,
                     claim: IdempotentRequest, token: String) async throws -> Response {
        let store = self.store
        do {
            let response = try await next(request, context)
            let bytes = try await Self.collect(response.body)
            let keep = response.status.code < 500 && response.status != .tooManyRequests && bytes.count <= Self.maxStoredBody
            if keep {
                let stored = StoredResponse(status: response.status.code, headers: FlowHeaders.keptByIdempotency.compactMap { name in
                    response.headers[name].map { StoredHeader(name: name.canonicalName, value: $0) }
                }, body: bytes)
                try await Blocking.run { try store.completeIdempotencyKey(siteId: claim.siteId, key: claim.key, token: token, response: stored) }
            } else {
                try await Blocking.run { try store.releaseIdempotencyKey(siteId: claim.siteId, key: claim.key, token: token) }
            }
            return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch {
            do {
                try await Blocking.run { try store.releaseIdempotencyKey(siteId: claim.siteId, key: claim.key, token: token) }
            } catch let releaseError {
                context.logger.error("could not release an idempotency key", metadata: ["error": "\(releaseError)"])
            }
            throw error
        }
    }

    /// A kept response, again, marked as such.
    static func replay(_ stored: StoredResponse) -> Response {
        var headers: HTTPFields = [:]
        for field in stored.headers {
            if let name = HTTPField.Name(field.name) { headers[name] = field.value }
        }
        headers[FlowHeaders.replayed] = "true"
        return Response(status: HTTPResponse.Status(code: stored.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: stored.body)))
    }

    /// The key as sent: 1 to 255 visible ASCII characters (a UUID is the usual choice).
    static func validate(_ value: String) throws(APIError) -> String {
        guard (1...255).contains(value.utf8.count), value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIError(.validation, status: .badRequest, message: "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID",
                           details: [.init(field: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters")])
        }
        return value
    }

    /// The `:site` of a `/v2/:site/...` path.
    static func site(of path: String) -> String? {
        let segments = path.split(separator: "/")
        guard segments.count >= 3, segments[0] == "v2" else { return nil }
        return String(segments[1])
    }

    /// What makes two requests the same: method, path, query (without the key) and body.
    private static func fingerprint(_ request: Request, body: ByteBuffer) -> String {
        let query = request.uri.queryParameters.filter { $0.key != "api_key" }
            .map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "&")
        return IdempotentRequest.fingerprint(method: request.method.rawValue, path: request.uri.path, query: query,
                                             body: Array(body.readableBytesView))
    }

    /// A response body's bytes.
    private static func collect(_ body: ResponseBody) async throws -> [UInt8] {
        let sink = CollectingBodyWriter()
        try await body.write(sink)
        return sink.bytes
    }
}

/// Collects a response body in memory.
private final class CollectingBodyWriter: ResponseBodyWriter {
    var bytes: [UInt8] = []

    /// Appends a part of the body.
    func write(_ buffer: ByteBuffer) async throws {
        bytes.append(contentsOf: buffer.readableBytesView)
    }

    /// Nothing to do: the bytes are complete.
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
