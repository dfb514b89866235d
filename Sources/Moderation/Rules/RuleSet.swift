import Foundation

/// A site's moderation rules and thresholds (SPEC §3.5).
public struct RuleSet: Sendable, Equatable {
    public var rules: [Rule]
    public var thresholds: Thresholds

    /// Score limits of `ai_moderation`: at or above `hide` hidden, at or below `publish` published.
    public struct Thresholds: Sendable, Equatable {
        public var publish: Double
        public var hide: Double

        /// Creates thresholds (SPEC's defaults: 0.3 and 0.7).
        public init(publish: Double = 0.3, hide: Double = 0.7) {
            self.publish = publish
            self.hide = hide
        }
    }

    /// Creates a rule set.
    public init(rules: [Rule] = [], thresholds: Thresholds = Thresholds()) {
        self.rules = rules
        self.thresholds = thresholds
    }

    /// No rules: every feed's mode decides alone.
    public static let empty = RuleSet()

    /// The classifier rules of the set, which are judged asynchronously.
    public var classifierRules: [Rule] {
        rules.filter { if case .classifier = $0.kind { return true } else { return false } }
    }

    /// Whether a spam rule needs the site's recent posts (the near-duplicate check).
    public var needsRecentPosts: Bool {
        rules.contains { if case .spam = $0.kind { return true } else { return false } }
    }
}

/// One rule: what it looks for (`kind`), and what firing does (`action`).
public struct Rule: Sendable, Equatable {
    /// What a rule does when it fires.
    public enum Action: String, Sendable, Equatable, CaseIterable {
        case hide, inbox, publish, score
    }

    /// The rule types of SPEC §3.5 with their parameters.
    public enum Kind: Sendable, Equatable {
        case keywords([String])
        case authors([String])
        case regex(pattern: String, fields: [RegexField])
        case media(MediaRequirement)
        case length(min: Int?, max: Int?)
        case language(allow: [String])
        case channels([String])
        case profanity
        /// Weighted spam signals; fires when their sum reaches `threshold`.
        case spam(threshold: Double)
        /// Weighted scam and fraud signals; fires when their sum reaches `threshold`.
        case scam(threshold: Double)
        /// An operator's HTTP endpoint judging the post, asynchronously (issue 15).
        case classifier(ClassifierSettings)

        /// The type's wire name.
        public var name: String {
            switch self {
            case .keywords: return "keywords"
            case .authors: return "authors"
            case .regex: return "regex"
            case .media: return "media"
            case .length: return "length"
            case .language: return "language"
            case .channels: return "channels"
            case .profanity: return "profanity"
            case .spam: return "spam"
            case .scam: return "scam"
            case .classifier: return "classifier"
            }
        }
    }

    /// The spam rule's default threshold: two strong signals, or one decisive one (a near-duplicate).
    public static let defaultSpamThreshold = 0.6
    /// The scam rule's default threshold: a scam phrase and one more sign, or several signs.
    public static let defaultScamThreshold = 0.6

    /// Fields a regex rule can look at.
    public enum RegexField: String, Sendable, Equatable, CaseIterable {
        case title, text, tags, author, url
    }

    /// What a media rule requires.
    public enum MediaRequirement: String, Sendable, Equatable, CaseIterable {
        case image, video, any
    }

    public var id: String
    public var action: Action
    /// 0...1, for `score` rules.
    public var weight: Double
    public var kind: Kind

    /// Creates a rule.
    public init(id: String, action: Action, weight: Double = 0, kind: Kind) {
        self.id = id
        self.action = action
        self.weight = weight
        self.kind = kind
    }
}
