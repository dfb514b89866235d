import HTTPTypes

/// The header fields of the Flow conventions (SPEC §3.7).
enum FlowHeaders {
    /// `X-RateLimit-Limit`: the budget's size.
    static let limit = HTTPField.Name("X-RateLimit-Limit") ?? .retryAfter
    /// `X-RateLimit-Remaining`: requests left now.
    static let remaining = HTTPField.Name("X-RateLimit-Remaining") ?? .retryAfter
    /// `X-RateLimit-Reset`: Unix seconds when the budget is whole again.
    static let reset = HTTPField.Name("X-RateLimit-Reset") ?? .retryAfter
    /// `Idempotency-Key`, the request header of admin `POST`s.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key") ?? .contentType
    /// `Idempotent-Replayed: true` on a repeated answer.
    static let replayed = HTTPField.Name("Idempotent-Replayed") ?? .contentType
    /// The response header fields an idempotent replay repeats.
    static let keptByIdempotency: [HTTPField.Name] = [.contentType, .location, .eTag, .cacheControl]
}
