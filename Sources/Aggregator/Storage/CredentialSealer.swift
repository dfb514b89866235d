import Crypto
import Foundation

/// Seals connection credentials at rest with AES-GCM, so a copied database file or backup
/// does not hand out the platform tokens it holds (SPEC §3.6: secrets are stored, never returned).
///
/// The key comes from `ROOST_SECRET_KEY` (64 hex digits) when the composition root passes
/// one, else from a key file beside the database (`<db>.key`, created with mode 0600 on first
/// use); an in-memory store uses a key of its own. Text stored before sealing (plain JSON) is
/// still read.
struct CredentialSealer: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per use).
    private let keyBytes: [UInt8]
    private static let prefix = "sealed:v1:"
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A sealer with a fresh random key (in-memory stores).
    init() { keyBytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }

    /// A sealer with the given 32-byte key.
    init(keyBytes: [UInt8]) { self.keyBytes = keyBytes }

    /// The key named by `hex` (64 hex digits), else the one in `keyFile`, created if missing.
    static func load(hex: String?, keyFile: String) throws -> CredentialSealer {
        if let hex {
            guard let bytes = Self.bytes(hex: hex), bytes.count == 32 else {
                throw SealerError("ROOST_SECRET_KEY must be 64 hexadecimal digits (32 bytes)")
            }
            return CredentialSealer(keyBytes: bytes)
        }
        let manager = FileManager.default
        if let data = manager.contents(atPath: keyFile) {
            guard data.count == 32 else { throw SealerError("\(keyFile) is not a Roost key file (32 bytes)") }
            return CredentialSealer(keyBytes: Array(data))
        }
        let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        guard manager.createFile(atPath: keyFile, contents: fresh, attributes: [.posixPermissions: 0o600]) else {
            throw SealerError("could not create the key file \(keyFile) for connection credentials")
        }
        return CredentialSealer(keyBytes: Array(fresh))
    }

    /// The sealed form of `plain`.
    func seal(_ plain: String) -> String {
        guard let box = try? AES.GCM.seal(Data(plain.utf8), using: key), let combined = box.combined else { return plain }
        return Self.prefix + combined.base64EncodedString()
    }

    /// The plain text of `stored`; nil when it was sealed with another key.
    func open(_ stored: String) -> String? {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
              let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key) else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: return digit - 0x30
        case 0x41...0x46: return digit - 0x41 + 10
        case 0x61...0x66: return digit - 0x61 + 10
        default: return nil
        }
    }
}

/// A key problem, in words an operator can act on.
struct SealerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
