import FeedFetchers
import Foundation

/// Checks one post against rules; each check answers what it matched, or nil.
struct RuleEvaluator {
    let post: Post
    let context: ModerationContext

    /// What `rule` matched in the post, or nil when it does not fire.
    func fires(_ rule: Rule) -> String? {
        switch rule.kind {
        case .keywords(let words): return keywords(words)
        case .authors(let names): return author(in: names)
        case .regex(let pattern, let fields): return regex(pattern, fields)
        case .media(let requirement): return media(requirement)
        case .length(let min, let max): return length(min, max)
        case .language(let allow): return language(allow)
        case .channels(let channels): return channels.contains(post.channel.lowercased()) ? "comes from \(post.channel)" : nil
        case .profanity: return profanity()
        case .spam(let threshold): return spam(threshold: threshold)
        case .scam(let threshold): return scam(threshold: threshold)
        case .classifier(let settings): return classifier(rule.id, settings)
        }
    }

    private var text: String { post.textPlain ?? "" }

    /// The opening of the text that the built-in checks read: 20,000 bytes of UTF-8 say
    /// whether a post swears, scams or spams, and a long article costs no more than that.
    private var scanned: String {
        guard let plain = post.textPlain else { return "" }
        return plain.utf8.count <= Self.scannedBytes ? plain : String(decoding: plain.utf8.prefix(Self.scannedBytes), as: UTF8.self)
    }

    /// Bytes of text the built-in checks read.
    static let scannedBytes = 20_000

    /// How often `needle` (ASCII) occurs in `haystack`, counted on UTF-8 without copying.
    static func occurrences(of needle: String, in haystack: String) -> Int {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return 0 }
        var count = 0
        let bytes = Array(haystack.utf8)
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }

    private func keywords(_ words: [String]) -> String? {
        let matcher = KeywordMatcher(phrases: words)
        let places: [(String, String)] = [("title", post.title ?? ""), ("text", text), ("tags", post.tags.joined(separator: " , "))]
        for (place, value) in places where !value.isEmpty {
            if let match = matcher.firstMatch(in: value) { return "matched '\(match)' in \(place)" }
        }
        return nil
    }

    private func author(in names: [String]) -> String? {
        let candidates = [post.from.username, post.from.name].compactMap { $0?.lowercased() }
        for name in names where candidates.contains(name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@ "))) {
            return "author '\(name)' is listed"
        }
        return nil
    }

    private func regex(_ pattern: String, _ fields: [Rule.RegexField]) -> String? {
        // A stored pattern this version refuses (saved before the linear-time engine) never fires.
        guard let regex = RegexGuard.compile(pattern) else { return nil }
        for field in fields {
            let value: String
            switch field {
            case .title: value = post.title ?? ""
            case .text: value = text
            case .tags: value = post.tags.joined(separator: " ")
            case .author: value = [post.from.username, post.from.name].compactMap { $0 }.joined(separator: " ")
            case .url: value = post.sourceUrl ?? ""
            }
            if let match = RegexGuard.firstMatch(regex, in: value) { return "/\(pattern)/ matched '\(match.prefix(80))' in \(field.rawValue)" }
        }
        return nil
    }

    private func media(_ requirement: Rule.MediaRequirement) -> String? {
        switch requirement {
        case .image: return post.images.isEmpty ? "has no image" : nil
        case .video: return post.videos.isEmpty ? "has no video" : nil
        case .any: return post.images.isEmpty && post.videos.isEmpty ? "has no image or video" : nil
        }
    }

    private func length(_ min: Int?, _ max: Int?) -> String? {
        let count = text.count
        if let min, count < min { return "text is \(count) characters, fewer than \(min)" }
        if let max, count > max { return "text is \(count) characters, more than \(max)" }
        return nil
    }

    private func language(_ allow: [String]) -> String? {
        let sample = [post.title, post.textPlain].compactMap { $0 }.joined(separator: "\n")
        // Unknown (too short, or no clear winner) never fires: the rule does not guess.
        guard case .language(let code, _) = LanguageDetector.shared.detect(sample) else { return nil }
        return allow.contains(code) ? nil : "language is \(code), not one of \(allow.joined(separator: ", "))"
    }

    private func profanity() -> String? {
        // Gated words ("porra", "fan") ask the language of the whole post, once, when one shows up.
        let language = { LanguageDetector.shared.detect([post.title, post.textPlain].compactMap { $0 }.joined(separator: "\n")).code }
        for (place, value) in [("title", post.title ?? ""), ("text", scanned), ("tags", post.tags.joined(separator: " "))] where !value.isEmpty {
            if let match = ProfanityFilter.builtIn.firstMatch(in: value, language: language) {
                return "profanity '\(match.matched)' (\(match.language)) in \(place)"
            }
        }
        return nil
    }

    private func spam(threshold: Double) -> String? {
        let text = scanned
        let anchors = Self.occurrences(of: "<a ", in: post.textRich ?? "")
        let links = max(anchors, Self.occurrences(of: "://", in: text))
        var signals = SpamSignals.analyze(text: [post.title ?? "", text].joined(separator: "\n"), tags: post.tags, links: links)
        if context.recent.count > 0,
           let original = context.recent.original(of: ShingleSignature(text: ModerationContext.comparedText(of: post))) {
            let percent = Int((original.similarity * 100).rounded())
            signals.append(SpamSignal(kind: .nearDuplicate, detail: "repeats post \(original.id) (\(percent)% alike)", weight: 1))
        }
        let score = SpamSignals.score(signals)
        guard !signals.isEmpty, Moderator.units(score) >= Moderator.units(threshold) else { return nil }
        let details = signals.sorted { $0.weight > $1.weight }.map { "\($0.detail) (\(Self.format($0.weight)))" }
        return "spam score \(Self.format(score)): " + details.joined(separator: "; ")
    }

    private func scam(threshold: Double) -> String? {
        let signals = ScamDetector.builtIn.signals(in: [post.title ?? "", scanned, post.ctaLink ?? ""].joined(separator: "\n"))
        let score = ScamDetector.score(signals)
        guard !signals.isEmpty, Moderator.units(score) >= Moderator.units(threshold) else { return nil }
        return "scam score \(Self.format(score)): " + signals.map { "\($0.detail) (\(Self.format($0.weight)))" }.joined(separator: "; ")
    }

    private func classifier(_ id: String, _ settings: ClassifierSettings) -> String? {
        guard case .labels(let labels) = context.classifierVerdicts[id] else { return nil }
        let firing = settings.firing(labels)
        guard !firing.isEmpty else { return nil }
        return "classifier labelled " + firing.prefix(5).map { "\($0.name) \(Self.format($0.score))" }.joined(separator: ", ")
    }

    /// A weight or score with at most two decimals.
    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        if hundredths % 100 == 0 { return "\(hundredths / 100)" }
        return String(format: hundredths % 10 == 0 ? "%.1f" : "%.2f", Double(hundredths) / 100)
    }
}
