/// One sign that a post is spam, with what was seen (SPEC §3.5 `spam`).
public struct SpamSignal: Equatable, Sendable {
    /// The kinds of spam signal.
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case hashtagStuffing = "hashtag_stuffing"
        case linkStuffing = "link_stuffing"
        case repeatedCharacters = "repeated_characters"
        case shouting
        case nearDuplicate = "near_duplicate"
    }

    /// Which signal fired.
    public var kind: Kind
    /// What matched, for the operator: "12 hashtags", "“!” repeated 9 times".
    public var detail: String

    /// A signal of `kind` with `detail`.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }
}

/// The content-only spam signals of a post: hashtag and link stuffing, repeated characters and
/// shouting. Near-duplicates need the recent posts: see `SimHash` and `NearDuplicateIndex`.
public struct SpamSignals: Sendable {
    /// More hashtags than this is stuffing.
    public static let maximumHashtags = 10
    /// More links than this is stuffing.
    public static let maximumLinks = 3
    /// A character repeated this many times in a row is a signal.
    public static let repeatRun = 6
    /// Share of upper-case letters that is shouting, among at least `shoutingLetters` letters.
    public static let shoutingShare = 0.7
    /// Fewest cased letters for the shouting signal.
    public static let shoutingLetters = 20

    /// The signals that `text` with `tags` and `links` links shows, in `Kind` order.
    ///
    /// Hashtags are those of the text and the tags together, each counted once (folded);
    /// links are the larger of `links` and the URLs written in the text.
    public static func analyze(text: String, tags: [String], links: Int) -> [SpamSignal] {
        let tokens = text.split(whereSeparator: \.isWhitespace)
        var signals: [SpamSignal] = []
        if let signal = hashtagStuffing(tokens: tokens, tags: tags) { signals.append(signal) }
        let written = tokens.filter(isLink).count
        let linkCount = max(links, written)
        if linkCount > maximumLinks {
            signals.append(SpamSignal(kind: .linkStuffing, detail: "\(linkCount) links"))
        }
        if let signal = repeatedCharacters(tokens: tokens) { signals.append(signal) }
        if let signal = shouting(tokens: tokens) { signals.append(signal) }
        return signals
    }

    /// More than `maximumHashtags` hashtags, or hashtags over half of at least 6 words.
    static func hashtagStuffing(tokens: [Substring], tags: [String]) -> SpamSignal? {
        let inText = tokens.filter { $0.first == "#" && $0.count > 1 }
        var distinct = Set(inText.map { TextNormalizer.fold(String($0)) })
        distinct.formUnion(tags.map(TextNormalizer.fold))
        distinct.remove("")
        let count = distinct.count
        if count > maximumHashtags {
            return SpamSignal(kind: .hashtagStuffing, detail: "\(count) hashtags")
        }
        if tokens.count >= 6, inText.count * 2 > tokens.count {
            return SpamSignal(
                kind: .hashtagStuffing, detail: "\(inText.count) of \(tokens.count) words are hashtags")
        }
        return nil
    }

    /// The longest run of one character (not a digit or space) when it reaches `repeatRun`.
    static func repeatedCharacters(tokens: [Substring]) -> SpamSignal? {
        var best: (character: Character, count: Int)?
        for token in tokens where !isLink(token) {
            var previous: Character?
            var run = 0
            for character in token {
                run = character == previous ? run + 1 : 1
                previous = character
                if run >= repeatRun, !character.isNumber, run > (best?.count ?? 0) {
                    best = (character, run)
                }
            }
        }
        guard let best else { return nil }
        return SpamSignal(kind: .repeatedCharacters, detail: "“\(best.character)” repeated \(best.count) times")
    }

    /// At least `shoutingShare` of the cased letters upper-case, among `shoutingLetters` or more.
    /// Links, hashtags and mentions are left out: their case says nothing about tone.
    static func shouting(tokens: [Substring]) -> SpamSignal? {
        var upper = 0, cased = 0
        for token in tokens where !isLink(token) && token.first != "#" && token.first != "@" {
            for character in token where character.isCased {
                cased += 1
                if character.isUppercase { upper += 1 }
            }
        }
        guard cased >= shoutingLetters, Double(upper) >= shoutingShare * Double(cased) else { return nil }
        let percent = Int((100 * Double(upper) / Double(cased)).rounded())
        return SpamSignal(kind: .shouting, detail: "\(percent)% of \(cased) letters upper-case")
    }

    /// Whether a whitespace-free token is a URL or a bare `www.` address.
    static func isLink(_ token: Substring) -> Bool {
        token.contains("://") || token.lowercased().hasPrefix("www.")
    }
}
