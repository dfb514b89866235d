import ArgumentParser
import ContentAPI
import FeedFetchers
import Foundation
import Moderation

/// `roost bench moderation FILE...`: the moderation engine against labelled sets
/// (`fixtures/moderation/*.jsonl`): precision and recall of hide decisions overall, per
/// category (`why`), per language and per split (tuning or held-out), the language detector's
/// accuracy, and decisions per second with every built-in rule on.
struct BenchModerationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "moderation",
                                                    abstract: "Score the moderation engine on labelled JSONL sets.")

    @Argument(help: "JSONL files of labelled posts.")
    var files: [String]

    @Option(name: .customLong("repeat"), help: "Timed passes for the speed figure.")
    var repetitions = 20

    @Option(name: .customLong("mistakes"), help: "How many wrong decisions to list.")
    var mistakeCount = 50

    /// The rule set evaluated: every built-in check as a hide rule.
    static let ruleSet = RuleSet(rules: [
        Rule(id: "profanity", action: .hide, kind: .profanity),
        Rule(id: "spam", action: .hide, kind: .spam(threshold: Rule.defaultSpamThreshold)),
        Rule(id: "scam", action: .hide, kind: .scam(threshold: Rule.defaultScamThreshold)),
    ])

    func run() throws {
        let samples = try files.flatMap { try BenchModerationSample.load($0) }
        var tally = BenchModerationTally()
        var context = ModerationContext()
        var languageRight = 0, languageUnknown = 0
        for sample in samples {
            let decision = Moderator.decide(sample.post, feedMode: .autoPublish, ruleSet: Self.ruleSet, context: context)
            context.remember(id: sample.id, post: sample.post)
            tally.add(sample, hidden: decision.state == .hidden, reasons: decision.reasons.map(\.detail))
            let text = [sample.post.title, sample.post.textPlain].compactMap { $0 }.joined(separator: "\n")
            switch LanguageDetector.shared.detect(text) {
            case .language(let code, _): if code == sample.lang || (code == "no" && sample.lang == "nb") { languageRight += 1 }
            case .unknown: languageUnknown += 1
            }
        }
        // The speed figure: each post decided against a window of the 500 posts before it, as at ingest.
        var window = ModerationContext()
        for sample in samples.prefix(500) { window.remember(id: sample.id, post: sample.post) }
        let started = ContinuousClock.now
        for _ in 0..<repetitions {
            for sample in samples {
                _ = Moderator.decide(sample.post, feedMode: .aiModeration, ruleSet: Self.ruleSet, context: window)
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var json = JSONWriter()
        json.beginObject()
        json.integer("posts", samples.count)
        tally.write(into: &json, mistakes: mistakeCount)
        json.number("languageAccuracy", BenchModerationTally.round(Double(languageRight) / Double(max(1, samples.count))))
        json.number("languageUnknownRate", BenchModerationTally.round(Double(languageUnknown) / Double(max(1, samples.count))))
        json.number("decisionsPerSecond", (Double(samples.count * repetitions) / max(seconds, 1e-9)).rounded())
        json.endObject()
        print(json.string)
    }
}

/// One labelled post of an evaluation set.
struct BenchModerationSample {
    var id: String
    var lang: String
    var category: String
    var split: String
    var post: Post
    var hide: Bool

    /// The samples of a JSONL file: `id`, `lang`, `text`, `label` required; `title`, `tags`,
    /// `why`, `split`, `channel` optional.
    static func load(_ file: String) throws -> [BenchModerationSample] {
        let text = String(decoding: try DocumentInput.read(file), as: UTF8.self)
        var samples: [BenchModerationSample] = []
        for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let lang = object["lang"] as? String, let label = object["label"] as? String,
                  let body = object["text"] as? String else {
                throw CommandFailure(kind: .data, message: "\(file) line \(number + 1) is not a labelled post (id, lang, text, label)")
            }
            let title = (object["title"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            let post = Post(channel: object["channel"] as? String ?? "rss", title: title, textPlain: body,
                            tags: object["tags"] as? [String] ?? [])
            samples.append(BenchModerationSample(id: id, lang: lang, category: object["why"] as? String ?? label,
                                                 split: object["split"] as? String ?? "tune", post: post, hide: label == "hide"))
        }
        return samples
    }
}
