import FeedFetchers
import Foundation
import Logging

/// Checks a connection against its platform now (issue 12: `POST /v2/:site/connections/:id/verify`),
/// through the guarded client and the connection's rate budget, and keeps what it learned: a
/// refreshed token, and the expiry where the platform tells it.
public struct ConnectionVerifier: Sendable {
    let store: any RoostStore & ConnectionExpiryStore
    let transport: any HTTPTransport
    let platforms: PlatformRuntime
    let now: @Sendable () -> Date
    let logger: Logger

    /// What a check found.
    public struct Outcome: Sendable, Equatable {
        /// What the platform said, and when it was asked.
        public var verification: ConnectionVerification
        public var checkedAt: Date
    }

    /// Why a check could not say anything about the credentials.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The platform paced Roost, or the budget is spent: try again after `until`.
        case rateLimited(until: Date?, String)
        /// The platform could not be reached or answered with a server error.
        case unavailable(String)

        public var description: String {
            switch self {
            case .rateLimited(_, let message), .unavailable(let message): return message
            }
        }
    }

    /// Creates a verifier.
    public init(store: any RoostStore & ConnectionExpiryStore, transport: any HTTPTransport, platforms: PlatformRuntime,
                now: @escaping @Sendable () -> Date, logger: Logger = Logger(label: "roost.verify")) {
        self.store = store
        self.transport = transport
        self.platforms = platforms
        self.now = now
        self.logger = logger
    }

    /// Checks `connection`; a platform without credentials to check answers valid at once.
    public func verify(_ connection: Connection) async throws(Failure) -> Outcome {
        let checkedAt = now()
        let service = connection.service.rawValue
        guard let adapter = platforms.adapters[service] else {
            return Outcome(verification: ConnectionVerification(valid: false, message: "\(service) connections cannot be used by this Roost build"), checkedAt: checkedAt)
        }
        guard !adapter.credentialFields.isEmpty else {
            return Outcome(verification: ConnectionVerification(valid: true, message: "\(service) feeds are public: this connection holds no credentials, so there is nothing to verify"),
                           checkedAt: checkedAt)
        }
        guard let verifying = adapter as? any ConnectionVerifying else {
            let known = connection.expiresAt.map { " Its token is known to expire at \(FeedDate.isoString($0))." } ?? ""
            return Outcome(verification: ConnectionVerification(valid: false, validUntil: connection.expiresAt,
                                                                message: "Roost cannot yet check \(service) connections against the platform; the feeds' health shows whether the credentials work.\(known)"),
                           checkedAt: checkedAt)
        }
        let client = platforms.client(siteId: connection.siteId, adapter: adapter, connection: connection, transport: transport, now: now)
        let credentials = platforms.credentials(service: service, connection: connection)
        let secrets = Array(credentials.filter { !adapter.visibleCredentialNames.union(["connected_at"]).contains($0.key) }.values)
        var verification: ConnectionVerification
        do {
            verification = try await verifying.verify(credentials: credentials, now: checkedAt, client: client)
        } catch {
            switch error.redacting(secrets) {
            case .rateLimited(let until, let message): throw .rateLimited(until: until, message)
            case let other: throw .unavailable("Roost could not check the \(service) connection now: \(other.description); try again later")
            }
        }
        verification.message = PlatformError.redacting(secrets, in: verification.message)
        keep(verification, connection: connection)
        if verification.validUntil == nil, verification.valid { verification.validUntil = connection.expiresAt }
        return Outcome(verification: verification, checkedAt: checkedAt)
    }

    /// Stores a refreshed token and the expiry the platform told.
    private func keep(_ verification: ConnectionVerification, connection: Connection) {
        do {
            if !verification.refreshedCredentials.isEmpty {
                try store.updateCredentials(connectionId: connection.id, merging: verification.refreshedCredentials, now: now())
            }
            if let until = verification.validUntil {
                try store.setConnectionExpiry(connectionId: connection.id, expiresAt: until)
            }
        } catch {
            logger.error("could not store what the check of connection \(connection.id) found: \(error)")
        }
    }
}
