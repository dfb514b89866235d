import Crypto
import Foundation

/// Seals connection credentials at rest with AES-GCM, so a copied database file or backup
/// does not hand out the platform tokens it holds (SPEC §3.6: secrets are stored, never returned).
///
/// The key comes from `ROOST_SECRET_KEY` (64 hex digits) when the composition root passes
/// one, else from a key file beside the database (`<db>.key`, created with mode 0600 on first
/// use); an in-memory store uses a key of its own. A secret is never stored unsealed: a
/// failure to seal is an error, and credentials the key cannot open are an error naming the
/// key, never an empty set that a refreshed token would then overwrite.
struct CredentialSealer: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per use).
    private let keyBytes: [UInt8]
    /// Where the key came from.
    let source: CredentialKeySource
    /// What every sealed text starts with; text without it was stored before sealing.
    static let prefix = "sealed:v1:"
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A sealer with a fresh random key (in-memory stores).
    init() {
        keyBytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        source = .ephemeral
    }

    /// A sealer with the given key (32 bytes for AES-256).
    init(keyBytes: [UInt8], source: CredentialKeySource) {
        self.keyBytes = keyBytes
        self.source = source
    }

    /// The key named by `hex` (64 hex digits), else the one in `keyFile`, created if missing.
    static func load(hex: String?, keyFile: String) throws(CredentialSealerError) -> CredentialSealer {
        if let hex {
            guard let bytes = Self.bytes(hex: hex), bytes.count == 32 else { throw .malformedEnvironmentKey }
            return CredentialSealer(keyBytes: bytes, source: .environment)
        }
        let manager = FileManager.default
        if let data = manager.contents(atPath: keyFile) {
            guard data.count == 32 else { throw .malformedKeyFile(path: keyFile) }
            return CredentialSealer(keyBytes: Array(data), source: .file(keyFile))
        }
        let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        guard manager.createFile(atPath: keyFile, contents: fresh, attributes: [.posixPermissions: 0o600]) else {
            throw .keyFileNotCreated(path: keyFile)
        }
        return CredentialSealer(keyBytes: Array(fresh), source: .file(keyFile))
    }

    /// The sealed form of `plain`; throws rather than ever answering the plain text.
    func seal(_ plain: String) throws(CredentialSealerError) -> String {
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(Data(plain.utf8), using: key)
        } catch {
            throw .sealingFailed(reason: "\(error)")
        }
        guard let combined = box.combined else { throw .sealingFailed(reason: "AES-GCM gave no combined box") }
        return Self.prefix + combined.base64EncodedString()
    }

    /// The plain text of connection `connectionId`'s stored credentials (text stored before
    /// sealing reads as it is); throws naming the key when it cannot open them.
    func open(_ stored: String, connectionId: Int64) throws(CredentialSealerError) -> String {
        try open(stored, owner: "the credentials of connection \(connectionId)")
    }

    /// The plain text of a sealed secret, `owner` naming it for the error ("the signing secret
    /// of webhook 3"); throws naming the key when it cannot open it.
    func open(_ stored: String, owner: String) throws(CredentialSealerError) -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))) else {
            throw .cannotOpen(owner: owner, key: source)
        }
        do {
            let plain = try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key)
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw .cannotOpen(owner: owner, key: source)
        }
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
