import Crypto
import Foundation

/// Standard Webhooks signing (SPEC §3.8): `webhook-signature: v1,<base64 HMAC-SHA256 of
/// "id.timestamp.body">`, keyed with the secret's bytes (the base64 after `whsec_`).
public enum WebhookSigner {
    /// The prefix of every secret.
    public static let secretPrefix = "whsec_"

    /// A new secret: `whsec_` and 24 random bytes in base64.
    public static func newSecret() -> String {
        let key = SymmetricKey(size: .init(bitCount: 192))
        return secretPrefix + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// The `v1,` signature of a message, or nil when the secret is not a `whsec_` secret.
    public static func signature(secret: String, messageId: String, timestamp: Int64, body: [UInt8]) -> String? {
        guard secret.hasPrefix(secretPrefix), let key = Data(base64Encoded: String(secret.dropFirst(secretPrefix.count))) else {
            return nil
        }
        var signed = Array("\(messageId).\(timestamp).".utf8)
        signed += body
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The headers of one delivery attempt: id, timestamp (now, in seconds) and signature.
    public static func headers(secret: String, messageId: String, now: Date, body: [UInt8]) -> [(String, String)] {
        let timestamp = Int64(now.timeIntervalSince1970)
        var headers = [("webhook-id", messageId), ("webhook-timestamp", String(timestamp)), ("Content-Type", "application/json")]
        if let signature = signature(secret: secret, messageId: messageId, timestamp: timestamp, body: body) {
            headers.append(("webhook-signature", signature))
        }
        return headers
    }
}
