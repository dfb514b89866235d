import Foundation
import Moderation

/// A post's standing in moderation as stored: the last decision and who made it (SPEC §3.5).
public struct ModerationRecord: Sendable, Equatable {
    public var decidedBy: Decision.Decider
    public var score: Double?
    public var reasons: [Reason]
    public var decidedAt: Date?

    /// Creates a record.
    public init(decidedBy: Decision.Decider = .auto, score: Double? = nil, reasons: [Reason] = [], decidedAt: Date? = nil) {
        self.decidedBy = decidedBy
        self.score = score
        self.reasons = reasons
        self.decidedAt = decidedAt
    }
}

/// One event in a post's life: created, decided, published, hidden, pinned, tagged.
public struct HistoryEntry: Sendable, Equatable {
    public var id: Int64
    public var flocklerId: Int64
    public var at: Date
    /// `auto`, `rules` or `operator`.
    public var actor: String
    /// The operator's key id, for operator actions.
    public var keyId: Int64?
    /// That key's name (SPEC §3.7: the log names the key), also after the key was deleted.
    public var keyName: String?
    public var action: String
    public var fromState: String?
    public var toState: String?
    public var detail: String?

    /// Creates an entry.
    public init(id: Int64, flocklerId: Int64, at: Date, actor: String, keyId: Int64?, action: String,
                fromState: String?, toState: String?, detail: String?, keyName: String? = nil) {
        self.id = id
        self.keyName = keyName
        self.flocklerId = flocklerId
        self.at = at
        self.actor = actor
        self.keyId = keyId
        self.action = action
        self.fromState = fromState
        self.toState = toState
        self.detail = detail
    }
}

/// An operator action on posts.
public enum OperatorAction: Sendable, Equatable {
    case publish, hide, unpin
    case pin(index: Int)
    case tags([String])

    /// The action's name in history and the audit log.
    public var name: String {
        switch self {
        case .publish: return "publish"
        case .hide: return "hide"
        case .unpin: return "unpin"
        case .pin: return "pin"
        case .tags: return "tags"
        }
    }
}

/// Why an operator action could not be done.
public enum ModerationStoreError: Error, Sendable, Equatable {
    /// These posts are not posts of the site.
    case notFound([Int64])
}
