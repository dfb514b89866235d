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
        case .spam: return spam()
        }
    }

    private var text: String { post.textPlain ?? "" }

    /// Fingerprints at most this many bits apart are near-duplicates: a word or two edited in
    /// a short post moves its fingerprint by up to about ten bits; unrelated texts sit near 32.
    static let nearDuplicateDistance = 10

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
        for (place, value) in [("title", post.title ?? ""), ("text", text), ("tags", post.tags.joined(separator: " "))] {
            if let match = ProfanityFilter.builtIn.firstMatch(in: value) {
                return "profanity '\(match.matched)' (\(match.language)) in \(place)"
            }
        }
        return nil
    }

    private func spam() -> String? {
        let anchors = (post.textRich ?? "").components(separatedBy: "<a ").count - 1
        let bare = text.components(separatedBy: "://").count - 1
        let links = max(anchors, bare)
        let signals = SpamSignals.analyze(text: [post.title ?? "", text].joined(separator: "\n"), tags: post.tags, links: links)
        if let first = signals.first { return first.detail }
        let fingerprint = SimHash.fingerprint(text)
        if text.count >= 40, context.recentFingerprints.contains(where: { SimHash.distance($0, fingerprint) <= Self.nearDuplicateDistance }) {
            return "near-duplicate of a recent post"
        }
        return nil
    }
}
