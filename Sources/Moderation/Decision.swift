import Foundation

/// What moderation decided for a post, and why (SPEC §3.5 `moderation`).
public struct Decision: Sendable, Equatable {
    /// Who decided: the feed's mode alone, the rule engine, or an operator.
    public enum Decider: String, Sendable, Equatable {
        /// `source`: the platform said the post is gone (deleted at the source, issue 12).
        case auto, rules, `operator`, source
    }

    public var state: ModerationState
    public var decidedBy: Decider
    /// The summed weight of the score rules that fired (ai_moderation), else nil.
    public var score: Double?
    /// Every rule that fired, with what it matched.
    public var reasons: [Reason]
    /// The post's SimHash, when a spam rule computed it: kept so that later posts can be
    /// checked against this one without hashing it again.
    public var fingerprint: UInt64?
    /// Classifier rules whose answer the post waits for, in the inbox (issue 15).
    public var pendingClassifiers: [String]

    /// Creates a decision.
    public init(state: ModerationState, decidedBy: Decider, score: Double? = nil, reasons: [Reason] = [], fingerprint: UInt64? = nil,
                pendingClassifiers: [String] = []) {
        self.state = state
        self.decidedBy = decidedBy
        self.score = score
        self.reasons = reasons
        self.fingerprint = fingerprint
        self.pendingClassifiers = pendingClassifiers
    }
}

/// One rule that fired: its id, type and a sentence of what it matched.
public struct Reason: Sendable, Equatable, Codable {
    public var rule: String
    public var type: String
    public var detail: String

    /// Creates a reason.
    public init(rule: String, type: String, detail: String) {
        self.rule = rule
        self.type = type
        self.detail = detail
    }
}
