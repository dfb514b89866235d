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
    /// How much the signal adds to the spam score (issue 15: weighted, not absolute). A
    /// "GOOOOOOL", a chant in capitals or a hashtag-rich photo post each stays below the
    /// default threshold of 0.6 alone; two strong signals together reach it.
    public var weight: Double

    /// A signal of `kind` with `detail`.
    public init(kind: Kind, detail: String, weight: Double = 1) {
        self.kind = kind
        self.detail = detail
        self.weight = weight
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

    /// Hashtags that only beg for follows and likes: each weighs on its own.
    static let baitTags: Set<String> = [
        "follow4follow", "followforfollow", "f4f", "like4like", "likeforlike", "likeforlikes", "l4l", "followback",
        "followme", "follow4followback", "likes4likes", "instalike", "tagsforlikes", "followers", "followtrain",
        "sub4sub", "spam4spam", "gainfollowers", "teamfollowback", "likeback", "comment4comment", "c4c", "sigodevolta",
        "sdv", "sigueme", "siguemeytesigo", "seguidores", "abonnes", "folgenfuerfolgen",
    ]

    /// The summed weight of `signals`, capped at 1.
    public static func score(_ signals: [SpamSignal]) -> Double {
        min(1, signals.reduce(0) { $0 + $1.weight })
    }

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
        if linkCount >= 2, linkCount <= maximumLinks, tokens.count - written < 3 * linkCount {
            // A few links with hardly a word around them: packed, but not yet stuffing.
            signals.append(SpamSignal(kind: .linkStuffing, detail: "\(linkCount) links in \(tokens.count - written) words", weight: 0.3))
        }
        if linkCount > maximumLinks {
            // Many links in a short text is stuffing; a long article may link to many sources.
            let words = tokens.count - written
            let base = words < 3 * linkCount ? 0.6 : tokens.count < linkCount * 12 ? 0.5 : 0.2
            signals.append(SpamSignal(kind: .linkStuffing, detail: "\(linkCount) links",
                                      weight: base == 0.2 ? base : min(0.8, base + 0.1 * Double(linkCount - 4))))
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
        let bait = distinct.filter(baitTags.contains).count
        var weight = 0.0
        var detail = ""
        if count > maximumHashtags {
            weight = min(0.4, 0.25 + 0.015 * Double(count - maximumHashtags))
            detail = "\(count) hashtags"
        } else if tokens.count >= 6, inText.count * 2 > tokens.count {
            weight = 0.15
            detail = "\(inText.count) of \(tokens.count) words are hashtags"
        }
        if bait > 0 {
            weight += min(0.6, 0.2 * Double(bait))
            detail += (detail.isEmpty ? "" : ", ") + "\(bait) follow-bait hashtag\(bait == 1 ? "" : "s")"
        }
        return weight > 0 ? SpamSignal(kind: .hashtagStuffing, detail: detail, weight: weight) : nil
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
        // A stretched letter is a cheer ("GOOOOOOL", "Yessssss"); a run of symbols leans to spam.
        let weight = best.character.isLetter ? 0.2 : 0.3
        return SpamSignal(kind: .repeatedCharacters, detail: "“\(best.character)” repeated \(best.count) times", weight: weight)
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
        return SpamSignal(kind: .shouting, detail: "\(percent)% of \(cased) letters upper-case", weight: 0.25)
    }

    /// Whether a whitespace-free token is a URL or a bare `www.` address.
    static func isLink(_ token: Substring) -> Bool {
        // Compared without lower-casing a copy of every token: this runs on every word.
        token.utf8.prefix(4).lazy.map { $0 | 0x20 }.elementsEqual("www.".utf8) || hasSchemeSeparator(token)
    }

    /// Whether `token` contains `://`, scanned on UTF-8 (Foundation's `contains` is far slower).
    static func hasSchemeSeparator(_ token: Substring) -> Bool {
        var state = 0
        for byte in token.utf8 {
            switch (state, byte) {
            case (_, UInt8(ascii: ":")): state = 1
            case (1, UInt8(ascii: "/")): state = 2
            case (2, UInt8(ascii: "/")): return true
            default: state = 0
            }
        }
        return false
    }
}
