/// A classifier rule's parameters: where the operator's model answers, how long Roost waits,
/// and which labels count (issue 15).
public struct ClassifierSettings: Sendable, Equatable {
    /// The endpoint Roost posts `{"text", "title", "media", ...}` to (http or https).
    public var url: String
    /// Milliseconds Roost waits for an answer before the post falls back to the inbox.
    public var timeoutMs: Int
    /// A label fires at or above this score.
    public var minScore: Double
    /// The labels that count; empty means every label except the harmless ones (`harmless`).
    public var labels: [String]

    /// Default wait for an answer.
    public static let defaultTimeoutMs = 2_000
    /// Longest wait an operator may set: a classifier must never hold posts for long.
    public static let maximumTimeoutMs = 10_000
    /// Labels that say a post is fine, which never fire when `labels` is empty.
    public static let harmless: Set<String> = ["ok", "safe", "clean", "none", "neutral", "normal", "ham", "not_spam"]

    /// Creates settings.
    public init(url: String, timeoutMs: Int = defaultTimeoutMs, minScore: Double = 0.5, labels: [String] = []) {
        self.url = url
        self.timeoutMs = timeoutMs
        self.minScore = minScore
        self.labels = labels
    }

    /// The labels of `verdict` that fire under these settings, strongest first.
    public func firing(_ labels: [ClassifierLabel]) -> [ClassifierLabel] {
        let wanted = Set(self.labels.map { $0.lowercased() })
        return labels.filter { label in
            let name = label.name.lowercased()
            guard label.score >= minScore else { return false }
            return wanted.isEmpty ? !Self.harmless.contains(name) : wanted.contains(name)
        }.sorted { $0.score > $1.score }
    }
}

/// One label of a classifier's answer with its score (0...1).
public struct ClassifierLabel: Sendable, Equatable {
    public var name: String
    public var score: Double

    /// Creates a label.
    public init(name: String, score: Double) {
        self.name = name
        self.score = score
    }
}

/// What became of asking a classifier about a post.
public enum ClassifierVerdict: Sendable, Equatable {
    /// It answered with these labels.
    case labels([ClassifierLabel])
    /// It did not answer usefully: the sentence says why (timed out, not JSON, too large, ...).
    case failed(String)
}
