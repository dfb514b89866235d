/// A problem with the key that seals connection credentials, in words an operator can act
/// on; every one names `ROOST_SECRET_KEY` or the key file. It becomes a feed's
/// `error_message` and the message of the API's answer.
public enum CredentialSealerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `ROOST_SECRET_KEY` is not 64 hexadecimal digits.
    case malformedEnvironmentKey
    /// The key file beside the database is not 32 bytes.
    case malformedKeyFile(path: String)
    /// The key file could not be created.
    case keyFileNotCreated(path: String)
    /// Sealing failed, so the credentials were not stored.
    case sealingFailed(reason: String)
    /// The key cannot open a stored secret (`owner` names it: a connection's credentials, a
    /// webhook's signing secret): it is not the one it was sealed with, or the text is damaged.
    case cannotOpen(owner: String, key: CredentialKeySource)

    public var description: String {
        switch self {
        case .malformedEnvironmentKey:
            return "ROOST_SECRET_KEY must be 64 hexadecimal digits (32 bytes)"
        case .malformedKeyFile(let path):
            return "\(path) is not a Roost key file (32 bytes): restore the key file from a backup, or set ROOST_SECRET_KEY to the key"
        case .keyFileNotCreated(let path):
            return "could not create the key file \(path) for connection credentials: check that the database's folder is writable"
        case .sealingFailed(let reason):
            return "the credentials could not be sealed (\(reason)), so they were not stored: check ROOST_SECRET_KEY or the key file beside the database"
        case .cannotOpen(let owner, let key):
            return "\(owner) cannot be opened with \(key.name): it is not the key it was sealed with. "
                + Self.remedy(for: key) + "; nothing stored was changed"
        }
    }

    private static func remedy(for key: CredentialKeySource) -> String {
        switch key {
        case .environment:
            return "Set ROOST_SECRET_KEY to the key in use when they were stored (or unset it if they were sealed with the key file beside the database), or delete the connection (or webhook) and add it again"
        case .file(let path):
            return "Restore \(path) from a backup (it may have been lost or replaced), or set ROOST_SECRET_KEY if they were sealed with it, or delete the connection (or webhook) and add it again"
        case .ephemeral:
            return "Delete the connection (or webhook) and add it again"
        }
    }
}

/// Where the credential key came from, as errors about it name it.
public enum CredentialKeySource: Sendable, Equatable {
    /// `ROOST_SECRET_KEY`.
    case environment
    /// The key file at this path, beside the database.
    case file(String)
    /// A key made for an in-memory store.
    case ephemeral

    /// The key's name in a sentence: "ROOST_SECRET_KEY", "the key file /srv/roost.sqlite.key".
    public var name: String {
        switch self {
        case .environment: return "ROOST_SECRET_KEY"
        case .file(let path): return "the key file \(path)"
        case .ephemeral: return "this in-memory store's key"
        }
    }
}
