import Foundation

/// What a platform said about a connection's credentials when asked just now (issue 12:
/// `POST /v2/:site/connections/:id/verify`).
public struct ConnectionVerification: Sendable, Equatable {
    /// Whether the platform accepted the credentials.
    public var valid: Bool
    /// When the credentials stop working, where the platform (or an earlier refresh) says so.
    public var validUntil: Date?
    /// The permissions the token carries, where the platform lists them.
    public var scopes: [String]?
    /// The account the credentials act as (a user name, a Page name), where the platform names it.
    public var account: String?
    /// What was found, as a sentence an operator can act on.
    public var message: String
    /// Credentials the check replaced (a refreshed token), to store in the connection.
    public var refreshedCredentials: [String: String]

    /// Creates a verification result.
    public init(valid: Bool, validUntil: Date? = nil, scopes: [String]? = nil, account: String? = nil, message: String,
                refreshedCredentials: [String: String] = [:]) {
        self.refreshedCredentials = refreshedCredentials
        self.valid = valid
        self.validUntil = validUntil
        self.scopes = scopes
        self.account = account
        self.message = message
    }
}

/// A platform whose credentials can be checked with one cheap authenticated call.
public protocol ConnectionVerifying: PlatformAdapter {
    /// Checks `credentials` against the platform now. Refused credentials answer `valid: false`
    /// with what to do; a failure that says nothing about them (5xx, 429, a timeout) throws.
    func verify(credentials: [String: String], now: Date, client: PlatformClient) async throws(PlatformError) -> ConnectionVerification
}

extension ConnectionVerification {
    /// The result for credentials the platform refused, from the adapter's own error sentence.
    public static func refused(_ error: PlatformError) -> ConnectionVerification? {
        switch error {
        case .reconnect(let message), .misconfigured(let message), .notFound(let message):
            return ConnectionVerification(valid: false, message: message)
        case .rateLimited, .unavailable, .failed:
            return nil
        }
    }

    /// A stored expiry (`expires_at`, `refresh_expires_at`) as a date, when the credentials hold one.
    public static func storedExpiry(_ credentials: [String: String], _ names: [String]) -> Date? {
        names.lazy.compactMap { credentials[$0].flatMap(FeedDate.parse) }.first
    }
}
