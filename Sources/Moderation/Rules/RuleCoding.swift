import FeedFetchers
import Foundation

/// One rule's JSON form: `{"id", "type", "action", "weight", ...parameters}`.
enum RuleCoding {
    /// The rule `object` describes, or nil with its problems added (each naming `field`).
    static func rule(_ object: [String: Any], field: String, stored: Bool = false, _ problems: inout [RuleSet.Problem]) -> Rule? {
        let before = problems.count
        let id = (object["id"] as? String).flatMap { $0.isEmpty || $0.count > 100 ? nil : $0 }
        if id == nil { problems.append(.init(field: field + ".id", message: "is required: a string of 1 to 100 characters")) }
        let action = (object["action"] as? String).flatMap(Rule.Action.init(rawValue:))
        if action == nil { problems.append(.init(field: field + ".action", message: "must be hide, inbox, publish or score")) }
        var weight = 0.0
        if action == .score {
            weight = RuleSet.number(object["weight"], field + ".weight", default: -1, &problems)
            if weight < 0 { problems.append(.init(field: field + ".weight", message: "is required for score rules: a number from 0 to 1")) }
        } else if object["weight"] != nil {
            problems.append(.init(field: field + ".weight", message: "only score rules have a weight"))
        }
        let kind = self.kind(object, field: field, stored: stored, &problems)
        guard problems.count == before, let id, let action, let kind else { return nil }
        return Rule(id: id, action: action, weight: weight, kind: kind)
    }

    private static let common: Set<String> = ["id", "type", "action", "weight"]

    private static func kind(_ object: [String: Any], field: String, stored: Bool, _ problems: inout [RuleSet.Problem]) -> Rule.Kind? {
        let type = object["type"] as? String ?? ""
        let allowed: [String: Set<String>] = [
            "keywords": ["words"], "authors": ["usernames"], "regex": ["pattern", "fields"], "media": ["require"],
            "length": ["min", "max"], "language": ["allow"], "channels": ["channels"], "profanity": [], "spam": ["threshold"],
            "scam": ["threshold"], "classifier": ["url", "timeoutMs", "minScore", "labels"],
        ]
        guard let parameters = allowed[type] else {
            problems.append(.init(field: field + ".type", message: "must be one of \(allowed.keys.sorted().joined(separator: ", "))"))
            return nil
        }
        for key in object.keys where !common.contains(key) && !parameters.contains(key) {
            problems.append(.init(field: field + "." + key, message: "is not a parameter of \(type) rules"))
        }
        switch type {
        case "keywords": return strings(object["words"], field + ".words", &problems).map(Rule.Kind.keywords)
        case "authors": return strings(object["usernames"], field + ".usernames", &problems).map(Rule.Kind.authors)
        case "channels": return strings(object["channels"], field + ".channels", &problems).map { .channels($0.map { $0.lowercased() }) }
        case "language": return strings(object["allow"], field + ".allow", &problems).map { .language(allow: $0.map { $0.lowercased() }) }
        case "regex": return regex(object, field: field, stored: stored, &problems)
        case "media":
            guard let value = (object["require"] as? String).flatMap(Rule.MediaRequirement.init(rawValue:)) else {
                problems.append(.init(field: field + ".require", message: "must be image, video or any"))
                return nil
            }
            return .media(value)
        case "length":
            let min = JSONScalar.integer(object["min"]).map(Int.init), max = JSONScalar.integer(object["max"]).map(Int.init)
            if (object["min"] != nil && (min ?? -1) < 0) || (object["max"] != nil && (max ?? -1) < 0) || (min == nil && max == nil) {
                problems.append(.init(field: field + ".min", message: "min and/or max must be non-negative integers"))
                return nil
            }
            if let min, let max, min > max { problems.append(.init(field: field + ".max", message: "must not be below min")); return nil }
            return .length(min: min, max: max)
        case "profanity": return .profanity
        case "scam":
            return .scam(threshold: RuleSet.number(object["threshold"], field + ".threshold", default: Rule.defaultScamThreshold, &problems))
        case "classifier": return ClassifierCoding.settings(object, field: field, &problems).map(Rule.Kind.classifier)
        default:
            return .spam(threshold: RuleSet.number(object["threshold"], field + ".threshold", default: Rule.defaultSpamThreshold, &problems))
        }
    }

    private static func strings(_ value: Any?, _ field: String, _ problems: inout [RuleSet.Problem]) -> [String]? {
        guard let list = value as? [Any], !list.isEmpty, list.count <= 1000,
              case let strings = list.compactMap({ $0 as? String }), strings.count == list.count,
              strings.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.count <= 200 }) else {
            problems.append(.init(field: field, message: "must be a list of 1 to 1000 non-empty strings"))
            return nil
        }
        return strings
    }

    private static func regex(_ object: [String: Any], field: String, stored: Bool, _ problems: inout [RuleSet.Problem]) -> Rule.Kind? {
        guard let pattern = object["pattern"] as? String, !pattern.isEmpty else {
            problems.append(.init(field: field + ".pattern", message: "is required"))
            return nil
        }
        if !stored, let problem = RegexGuard.problem(with: pattern) {
            problems.append(.init(field: field + ".pattern", message: problem))
            return nil
        }
        let names = (object["fields"] as? [Any] ?? ["title", "text"]).compactMap { $0 as? String }
        let fields = names.compactMap(Rule.RegexField.init(rawValue:))
        guard !fields.isEmpty, fields.count == names.count else {
            problems.append(.init(field: field + ".fields", message: "must list title, text, tags, author or url"))
            return nil
        }
        return .regex(pattern: pattern, fields: fields)
    }

    static func object(_ rule: Rule) -> [String: Any] {
        var object: [String: Any] = ["id": rule.id, "type": rule.kind.name, "action": rule.action.rawValue]
        if rule.action == .score { object["weight"] = rule.weight }
        switch rule.kind {
        case .keywords(let words): object["words"] = words
        case .authors(let names): object["usernames"] = names
        case .regex(let pattern, let fields): object["pattern"] = pattern; object["fields"] = fields.map(\.rawValue)
        case .media(let requirement): object["require"] = requirement.rawValue
        case .length(let min, let max): if let min { object["min"] = min }; if let max { object["max"] = max }
        case .language(let allow): object["allow"] = allow
        case .channels(let channels): object["channels"] = channels
        case .spam(let threshold), .scam(let threshold): object["threshold"] = threshold
        case .classifier(let settings): object.merge(ClassifierCoding.object(settings)) { first, _ in first }
        case .profanity: break
        }
        return object
    }
}
