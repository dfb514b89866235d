import Crypto
import Foundation

/// API key secrets: 256 random bits, shown once, stored only as a SHA-256 hash (SPEC §3.1).
/// A fast hash is right here: the secrets are random, not passwords, so they cannot be guessed.
enum KeySecrets {
    /// A new secret: `rk_` and 64 hex digits.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "rk_" + hex(bytes)
    }

    /// The stored form of a secret.
    static func hash(_ secret: String) -> String {
        hex(Array(SHA256.hash(data: Data(secret.utf8))))
    }

    /// SHA-256 of arbitrary bytes, in hex (idempotent request fingerprints).
    static func fingerprint(_ bytes: [UInt8]) -> String {
        hex(Array(SHA256.hash(data: bytes)))
    }

    /// A random UUID string, lower-case.
    static func uuid() -> String {
        UUID().uuidString.lowercased()
    }

    /// Lower-case hexadecimal digits of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
