import FeedFetchers
import Foundation

/// A classifier rule's parameters in JSON: `url`, `timeoutMs`, `minScore`, `labels`.
enum ClassifierCoding {
    /// The settings `object` describes, or nil with its problems added.
    static func settings(_ object: [String: Any], field: String, _ problems: inout [RuleSet.Problem]) -> ClassifierSettings? {
        let before = problems.count
        let url = object["url"] as? String ?? ""
        let components = URLComponents(string: url)
        let scheme = components?.scheme?.lowercased()
        if url.count > 2_000 || (scheme != "http" && scheme != "https") || (components?.host ?? "").isEmpty {
            problems.append(.init(field: field + ".url", message: "must be an http or https URL of at most 2000 characters"))
        }
        var timeout = ClassifierSettings.defaultTimeoutMs
        if let value = object["timeoutMs"] {
            if let integer = JSONScalar.integer(value), (100...Int64(ClassifierSettings.maximumTimeoutMs)).contains(integer) {
                timeout = Int(integer)
            } else {
                problems.append(.init(field: field + ".timeoutMs", message: "must be an integer from 100 to \(ClassifierSettings.maximumTimeoutMs)"))
            }
        }
        let minScore = RuleSet.number(object["minScore"], field + ".minScore", default: 0.5, &problems)
        var labels: [String] = []
        if let value = object["labels"] {
            if let list = value as? [Any], list.count <= 100, case let names = list.compactMap({ $0 as? String }),
               names.count == list.count, names.allSatisfy({ !$0.isEmpty && $0.count <= 100 }) {
                labels = names
            } else {
                problems.append(.init(field: field + ".labels", message: "must be a list of at most 100 non-empty strings"))
            }
        }
        guard problems.count == before else { return nil }
        return ClassifierSettings(url: url, timeoutMs: timeout, minScore: minScore, labels: labels)
    }

    /// The settings as JSON members.
    static func object(_ settings: ClassifierSettings) -> [String: Any] {
        var object: [String: Any] = ["url": settings.url, "timeoutMs": settings.timeoutMs, "minScore": settings.minScore]
        if !settings.labels.isEmpty { object["labels"] = settings.labels }
        return object
    }
}
