import FeedFetchers

/// Decides what a new post becomes (SPEC §3.5). Pure: no I/O, no clock.
///
/// Order: `hide` rules win over everything, in every mode; then `publish` rules; then
/// `inbox` rules. In `ai_moderation` the weights of the `score` rules that fired add up
/// (capped at 1): at or above the hide threshold hidden, at or below the publish
/// threshold published, otherwise the inbox. `saved_to_inbox` sends to the inbox whatever
/// no hide rule hid; `auto_publish` publishes whatever no hide or inbox rule caught.
public enum Moderator {
    /// The decision for `post` of a feed in mode `feedMode` under `ruleSet`.
    public static func decide(_ post: Post, feedMode: ModerationType, ruleSet: RuleSet,
                              context: ModerationContext = ModerationContext()) -> Decision {
        rawDecision(post, feedMode: feedMode, ruleSet: ruleSet, context: context)
    }

    private static func rawDecision(_ post: Post, feedMode: ModerationType, ruleSet: RuleSet, context: ModerationContext) -> Decision {
        let evaluator = RuleEvaluator(post: post, context: context)
        var fired: [(Rule, Reason)] = []
        for rule in ruleSet.rules {
            if let detail = evaluator.fires(rule) {
                fired.append((rule, Reason(rule: rule.id, type: rule.kind.name, detail: detail)))
            }
        }
        let reasons = fired.map(\.1)
        func with(_ action: Rule.Action) -> [Reason] { fired.filter { $0.0.action == action }.map(\.1) }

        if !with(.hide).isEmpty { return Decision(state: .hidden, decidedBy: .rules, reasons: with(.hide)) }
        // A classifier that has not answered, or failed, holds the post in the inbox: it is never
        // published unjudged (issue 15). Its answer decides the post again later.
        if let held = classifierHold(ruleSet, context: context, reasons: reasons) { return held }
        switch feedMode {
        case .savedToInbox:
            return Decision(state: .inbox, decidedBy: .auto, reasons: reasons)
        case .autoPublish:
            if !with(.publish).isEmpty { return Decision(state: .published, decidedBy: .rules, reasons: with(.publish)) }
            if !with(.inbox).isEmpty { return Decision(state: .inbox, decidedBy: .rules, reasons: with(.inbox)) }
            return Decision(state: .published, decidedBy: .auto, reasons: reasons)
        case .aiModeration:
            if !with(.publish).isEmpty { return Decision(state: .published, decidedBy: .rules, reasons: with(.publish)) }
            if !with(.inbox).isEmpty { return Decision(state: .inbox, decidedBy: .rules, reasons: with(.inbox)) }
            let scored = fired.filter { $0.0.action == .score }
            // Weights add up in exact millionths, so 0.1 + 0.2 is 0.3 and sits at a 0.3 threshold.
            let score = min(scoreUnits, scored.reduce(0) { $0 + units($1.0.weight) })
            let state: ModerationState = score >= units(ruleSet.thresholds.hide) ? .hidden
                : score <= units(ruleSet.thresholds.publish) ? .published : .inbox
            return Decision(state: state, decidedBy: .rules, score: Double(score) / Double(scoreUnits), reasons: scored.map(\.1))
        }
    }

    /// The inbox decision while a classifier rule is pending or failed, or nil when all answered.
    private static func classifierHold(_ ruleSet: RuleSet, context: ModerationContext, reasons: [Reason]) -> Decision? {
        var pending: [String] = []
        var held = reasons
        for rule in ruleSet.classifierRules {
            switch context.classifierVerdicts[rule.id] {
            case nil:
                pending.append(rule.id)
                held.append(Reason(rule: rule.id, type: "classifier", detail: "waiting for the classifier's answer"))
            case .failed(let why)?:
                held.append(Reason(rule: rule.id, type: "classifier", detail: "classifier failed (\(why)): left in the inbox"))
            case .labels?:
                continue
            }
        }
        guard held.count > reasons.count else { return nil }
        return Decision(state: .inbox, decidedBy: .rules, reasons: held, pendingClassifiers: pending)
    }

    /// Units of a score of 1: weights and thresholds compare as whole millionths, not as binary
    /// fractions whose sums miss the threshold they were meant to reach (SPEC §3.5 "at or above").
    static let scoreUnits = 1_000_000

    /// `value` (0...1) in whole millionths.
    static func units(_ value: Double) -> Int {
        Int((value * Double(scoreUnits)).rounded())
    }
}

/// What the rules may look at besides the post: the site's recent posts, for the spam rule's
/// near-duplicate check, and the answers of classifiers once they came (issue 15).
public struct ModerationContext: Sendable {
    /// The posts stored before this one, oldest first, whatever their feed or platform.
    public var recent: RecentPostIndex
    /// Verdicts of classifier rules by rule id; a classifier rule without one is still pending.
    public var classifierVerdicts: [String: ClassifierVerdict]

    /// Creates a context.
    public init(recent: RecentPostIndex = RecentPostIndex(), classifierVerdicts: [String: ClassifierVerdict] = [:]) {
        self.recent = recent
        self.classifierVerdicts = classifierVerdicts
    }

    /// Remembers `post` under `id` as a recent post for the ones decided after it.
    public mutating func remember(id: String, post: Post) {
        recent.insert(id: id, text: Self.comparedText(of: post))
    }

    /// The text the near-duplicate check compares: title and plain text.
    static func comparedText(of post: Post) -> String {
        [post.title, post.textPlain].compactMap { $0 }.joined(separator: "\n")
    }
}
