import FeedFetchers
import Foundation

/// An operator's model behind an HTTP endpoint, as the classifier rule sees it (issue 15).
/// Moderation stays pure: the call itself is implemented outside (Aggregator, over the guarded
/// HTTP client) and handed in by the composition root.
public protocol PostClassifier: Sendable {
    /// Asks the endpoint of `settings` about `request`; never throws: a failure is a verdict.
    func classify(_ request: ClassifierRequest, settings: ClassifierSettings) async -> ClassifierVerdict
}

/// What is sent to a classifier: the post's text and media URLs, as JSON.
public struct ClassifierRequest: Sendable, Equatable {
    public var title: String?
    public var text: String
    public var media: [String]
    public var channel: String
    public var url: String?
    public var author: String?

    /// The request for `post`; text past 20,000 characters is cut (a model needs no more).
    public init(post: Post) {
        title = post.title
        text = String((post.textPlain ?? "").prefix(20_000))
        media = post.images.map(\.url) + post.videos.map(\.url)
        channel = post.channel
        url = post.sourceUrl
        author = post.from.username ?? post.from.name
    }

    /// The JSON body: `{"title", "text", "media": [...], "channel", "url", "author"}`.
    public var body: [UInt8] {
        var object: [String: Any] = ["text": text, "media": media, "channel": channel]
        if let title { object["title"] = title }
        if let url { object["url"] = url }
        if let author { object["author"] = author }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { Array($0) } ?? Array("{}".utf8)
    }
}

/// Reads a classifier's answer: `{"labels": [{"label": "spam", "score": 0.93}, ...]}`, or
/// `{"labels": {"spam": 0.93}}`, or a bare list of labels; `name` works for `label`. Anything
/// else (not JSON, scores outside 0...1, more than 100 labels) is a failed verdict saying why.
public enum ClassifierAnswer {
    /// The verdict `bytes` carry.
    public static func parse(_ bytes: [UInt8]) -> ClassifierVerdict {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return .failed("the answer is not JSON")
        }
        let list: Any? = (root as? [String: Any]).map { $0["labels"] as Any } ?? root
        var labels: [ClassifierLabel] = []
        if let pairs = list as? [String: Any] {
            for (name, value) in pairs {
                guard let score = JSONScalar.number(value) else { return .failed("label \(name.prefix(40)) has no numeric score") }
                labels.append(ClassifierLabel(name: name, score: score))
            }
        } else if let items = list as? [Any] {
            for item in items {
                guard let object = item as? [String: Any], let name = (object["label"] ?? object["name"]) as? String,
                      let score = JSONScalar.number(object["score"]) else {
                    return .failed("a label is not {\"label\": string, \"score\": number}")
                }
                labels.append(ClassifierLabel(name: name, score: score))
            }
        } else {
            return .failed("the answer has no labels")
        }
        guard labels.count <= 100 else { return .failed("the answer has more than 100 labels") }
        guard labels.allSatisfy({ (0...1).contains($0.score) && !$0.name.isEmpty && $0.name.count <= 100 }) else {
            return .failed("a score is outside 0...1 or a label name is empty or too long")
        }
        return .labels(labels.sorted { $0.name < $1.name })
    }
}
