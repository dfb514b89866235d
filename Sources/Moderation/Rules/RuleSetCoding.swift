import FeedFetchers
import Foundation

/// A rule set's JSON form (SPEC §3.5), read strictly: every problem names its field, e.g.
/// `rules[2].pattern`, so the API can answer 422 naming the bad rule.
extension RuleSet {
    /// One problem with a rule set.
    public struct Problem: Error, Sendable, Equatable {
        public var field: String
        public var message: String
    }

    /// Reads a rule set from a parsed JSON object.
    public static func from(json object: Any) throws(RuleSetErrors) -> RuleSet {
        try from(json: object, stored: false)
    }

    /// Reads a rule set; `stored` keeps regex rules whose pattern this version refuses
    /// (saved before the linear-time engine) instead of losing the whole set: such a rule never
    /// fires, and saving the set again answers 422 naming its pattern.
    static func from(json object: Any, stored: Bool) throws(RuleSetErrors) -> RuleSet {
        var problems: [Problem] = []
        guard let root = object as? [String: Any] else {
            throw RuleSetErrors(problems: [Problem(field: "rules", message: "the body must be an object with rules and thresholds")])
        }
        for key in root.keys where key != "rules" && key != "thresholds" {
            problems.append(Problem(field: key, message: "is not a member of a rule set"))
        }
        var thresholds = Thresholds()
        if let value = root["thresholds"] {
            if let object = value as? [String: Any] {
                thresholds.publish = number(object["publish"], "thresholds.publish", default: 0.3, &problems)
                thresholds.hide = number(object["hide"], "thresholds.hide", default: 0.7, &problems)
                if thresholds.publish >= thresholds.hide {
                    problems.append(Problem(field: "thresholds", message: "publish must be below hide"))
                }
            } else {
                problems.append(Problem(field: "thresholds", message: "must be an object with publish and hide"))
            }
        }
        var rules: [Rule] = []
        let list = root["rules"] as? [Any]
        if root["rules"] != nil && list == nil { problems.append(Problem(field: "rules", message: "must be an array")) }
        if (list?.count ?? 0) > 500 { problems.append(Problem(field: "rules", message: "at most 500 rules")) }
        var ids: Set<String> = []
        for (index, item) in (list ?? []).prefix(500).enumerated() {
            let field = "rules[\(index)]"
            guard let object = item as? [String: Any] else {
                problems.append(Problem(field: field, message: "must be an object"))
                continue
            }
            if let rule = RuleCoding.rule(object, field: field, stored: stored, &problems) {
                if !ids.insert(rule.id).inserted { problems.append(Problem(field: field + ".id", message: "repeats the id \(rule.id)")) }
                rules.append(rule)
            }
        }
        guard problems.isEmpty else { throw RuleSetErrors(problems: problems) }
        return RuleSet(rules: rules, thresholds: thresholds)
    }

    /// The rule set as a JSON-ready object.
    public var jsonObject: [String: Any] {
        ["rules": rules.map(RuleCoding.object(_:)), "thresholds": ["publish": thresholds.publish, "hide": thresholds.hide]]
    }

    /// The rule set as JSON text, for storage.
    public var jsonText: String {
        guard let data = try? JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads what `jsonText` wrote; nil if it no longer reads.
    public static func from(jsonText: String) -> RuleSet? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonText.utf8)) else { return nil }
        return try? from(json: object, stored: true)
    }

    static func number(_ value: Any?, _ field: String, default fallback: Double, _ problems: inout [Problem]) -> Double {
        guard let value else { return fallback }
        guard let double = JSONScalar.number(value), (0...1).contains(double) else {
            problems.append(Problem(field: field, message: "must be a number from 0 to 1"))
            return fallback
        }
        return double
    }
}

/// All the problems of a rule set.
public struct RuleSetErrors: Error, Sendable, Equatable {
    public var problems: [RuleSet.Problem]
}
