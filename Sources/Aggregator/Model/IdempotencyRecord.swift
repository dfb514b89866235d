import Foundation

/// A response kept for an `Idempotency-Key` (SPEC §3.7): what a repeated request answers.
public struct StoredResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The header fields worth repeating (content type, location), in order.
    public var headers: [StoredHeader]
    public var body: [UInt8]

    /// Creates a stored response.
    public init(status: Int, headers: [StoredHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// One header field of a stored response.
public struct StoredHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What claiming an `Idempotency-Key` found (SPEC §3.7).
public enum IdempotencyClaim: Sendable, Equatable {
    /// The key is new (or expired): the request runs, and `token` finishes or releases it.
    case claimed(token: String)
    /// The same request is still running.
    case inProgress
    /// The key was used with another request (method, path or body).
    case mismatch
    /// The same request ran before: answer this again.
    case completed(StoredResponse)
}

/// A request claiming an idempotency key: where, which key, and what it is.
public struct IdempotentRequest: Sendable, Equatable {
    public var siteId: Int64
    /// The client's `Idempotency-Key` value.
    public var key: String
    /// A hash of the method, path, query and body: "the same request".
    public var fingerprint: String
    /// The API key that sent it.
    public var apiKeyId: Int64

    /// Creates a request value.
    public init(siteId: Int64, key: String, fingerprint: String, apiKeyId: Int64) {
        self.siteId = siteId
        self.key = key
        self.fingerprint = fingerprint
        self.apiKeyId = apiKeyId
    }

    /// The fingerprint of a request: SHA-256 of its method, path, query and body.
    public static func fingerprint(method: String, path: String, query: String, body: [UInt8]) -> String {
        KeySecrets.fingerprint(Array("\(method)\n\(path)\n\(query)\n".utf8) + body)
    }
}
