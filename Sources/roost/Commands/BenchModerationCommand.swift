import ArgumentParser
import ContentAPI
import FeedFetchers
import Foundation
import Moderation

/// `roost bench moderation FILE`: the moderation engine against a labelled set
/// (`fixtures/moderation/eval.jsonl`): precision and recall of hide decisions, the language
/// detector's accuracy, and decisions per second.
struct BenchModerationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "moderation",
                                                    abstract: "Score the moderation engine on a labelled JSONL set.")

    @Argument(help: "A JSONL file of labelled posts.")
    var file: String

    @Option(name: .customLong("repeat"), help: "Timed passes for the speed figure.")
    var repetitions = 20

    /// The rule set evaluated: the built-in checks as hide rules.
    static let ruleSet = RuleSet(rules: [
        Rule(id: "profanity", action: .hide, kind: .profanity),
        Rule(id: "spam", action: .hide, kind: .spam),
    ])

    struct Sample {
        var id: String
        var lang: String
        var post: Post
        var hide: Bool
    }

    func run() throws {
        let samples = try load()
        var truePositive = 0, falsePositive = 0, falseNegative = 0, languageRight = 0, languageUnknown = 0
        var fingerprints: [UInt64] = []
        var mistakes: [String] = []
        for sample in samples {
            let decision = Moderator.decide(sample.post, feedMode: .autoPublish, ruleSet: Self.ruleSet,
                                            context: ModerationContext(recentFingerprints: fingerprints))
            fingerprints.append(SimHash.fingerprint(sample.post.textPlain ?? ""))
            let hidden = decision.state == .hidden
            switch (hidden, sample.hide) {
            case (true, true): truePositive += 1
            case (true, false): falsePositive += 1; mistakes.append("\(sample.id): hidden, labelled keep (\(decision.reasons.map(\.detail).joined(separator: "; ")))")
            case (false, true): falseNegative += 1; mistakes.append("\(sample.id): kept, labelled hide")
            case (false, false): break
            }
            let text = [sample.post.title, sample.post.textPlain].compactMap { $0 }.joined(separator: "\n")
            switch LanguageDetector.shared.detect(text) {
            case .language(let code, _): if code == sample.lang { languageRight += 1 }
            case .unknown: languageUnknown += 1
            }
        }
        let started = ContinuousClock.now
        for _ in 0..<repetitions {
            for sample in samples {
                _ = Moderator.decide(sample.post, feedMode: .aiModeration, ruleSet: Self.ruleSet,
                                     context: ModerationContext(recentFingerprints: Array(fingerprints.prefix(200))))
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var json = JSONWriter()
        json.beginObject()
        json.integer("posts", samples.count)
        json.number("hidePrecision", Self.round(Double(truePositive) / Double(max(1, truePositive + falsePositive))))
        json.number("hideRecall", Self.round(Double(truePositive) / Double(max(1, truePositive + falseNegative))))
        json.number("languageAccuracy", Self.round(Double(languageRight) / Double(max(1, samples.count))))
        json.number("languageUnknownRate", Self.round(Double(languageUnknown) / Double(max(1, samples.count))))
        json.number("decisionsPerSecond", (Double(samples.count * repetitions) / max(seconds, 1e-9)).rounded())
        json.beginArray("mistakes")
        for mistake in mistakes.prefix(50) { json.string(nil, mistake) }
        json.endArray()
        json.endObject()
        print(json.string)
    }

    private static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private func load() throws -> [Sample] {
        let text = String(decoding: try DocumentInput.read(file), as: UTF8.self)
        var samples: [Sample] = []
        for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let lang = object["lang"] as? String, let label = object["label"] as? String,
                  let body = object["text"] as? String else {
                throw CommandFailure(kind: .data, message: "\(file) line \(number + 1) is not a labelled post (id, lang, text, label)")
            }
            let title = (object["title"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            let post = Post(channel: "rss", title: title, textPlain: body, tags: object["tags"] as? [String] ?? [])
            samples.append(Sample(id: id, lang: lang, post: post, hide: label == "hide"))
        }
        return samples
    }
}
