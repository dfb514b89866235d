import Foundation

/// What `LanguageDetector` makes of a text.
public enum LanguageGuess: Equatable, Sendable {
    /// The text is in this language (ISO 639-1 code); `confidence` is in 0...1.
    case language(code: String, confidence: Double)
    /// The detector declines to guess, and says why (too short, too close to call, …).
    case unknown(reason: String)

    /// The language code, or `nil` when unknown.
    public var code: String? {
        if case .language(let code, _) = self { return code }
        return nil
    }
}

/// Detects the language of a post's text (SPEC §3.5 `language` rule).
///
/// Scripts that one language owns decide at once (Hangul → ko, kana → ja, Han without kana →
/// zh, Thai, Greek, Hebrew, Devanagari → hi, Georgian, Armenian). Latin, Cyrillic and Arabic
/// text is scored by Naive Bayes over character 1–3-grams against profiles built from the
/// gettext translations of free software (scripts/build_language_profiles.py). URLs, hashtags
/// and mentions are ignored; short text and near ties are `.unknown` rather than a guess.
public struct LanguageDetector: Sendable {
    /// The detector with the built-in profiles and default thresholds.
    public static let shared = LanguageDetector()

    /// Fewest letters of the main script for a guess in an alphabetic script.
    public var minimumLetters = 20
    /// Fewest characters for a guess in Han, kana or Hangul, where a character is about a word.
    public var minimumLogograms = 8
    /// Smallest lead, in mean log-probability per n-gram, of the best language over the second.
    public var minimumMargin = 0.02
    /// Most scalars looked at: the opening of a long text says its language.
    public var maximumScalars = 1_000

    /// A detector with the default thresholds.
    public init() {}

    /// The language of `text`, or `.unknown` with the reason it cannot tell.
    public func detect(_ text: String) -> LanguageGuess {
        let letters = Self.letters(of: text, limit: maximumScalars)
        var counts = [Int](repeating: 0, count: WritingScript.allCases.count)
        for scalar in letters where scalar != " " {
            counts[WritingScript(scalar).rawValue] += 1
        }
        let total = counts.reduce(0, +)
        let han = counts[WritingScript.han.rawValue], kana = counts[WritingScript.kana.rawValue]
        // Japanese mixes kanji and kana: count them together so kanji-heavy text stays Japanese.
        if kana > 0 { counts[WritingScript.kana.rawValue] += han; counts[WritingScript.han.rawValue] = 0 }
        guard total > 0, let best = counts.indices.max(by: { counts[$0] < counts[$1] }),
              let script = WritingScript(rawValue: best)
        else { return .unknown(reason: "no letters") }
        let count = counts[best]
        let needed = script.isLogographic ? minimumLogograms : minimumLetters
        guard count >= needed else {
            return .unknown(reason: "only \(count) letters (at least \(needed) needed)")
        }
        if let code = script.shortcutLanguage {
            return .language(code: code, confidence: Double(count) / Double(total))
        }
        guard let group = LanguageProfiles.groups[script] else {
            return .unknown(reason: "no language profile for this script")
        }
        return score(letters, script: script, in: group)
    }

    /// Scores the letters of `script` in `letters` against every profile of `group`.
    private func score(_ letters: [Unicode.Scalar], script: WritingScript, in group: ProfileGroup) -> LanguageGuess {
        let width = group.languages.count
        var scores = [Double](repeating: 0, count: width)
        var grams = 0
        func add(_ key: UInt64, order: Int) {
            grams += 1
            if let row = group.rows.row(key) {
                let base = row * width
                for column in 0..<width { scores[column] += Double(group.weights[base + column]) }
            } else {
                for column in 0..<width { scores[column] += Double(group.floors[column][order - 1]) }
            }
        }
        // The generator pads each word with one space on each side and counts every 1-, 2- and
        // 3-gram inside that: for "ab" that is a, b, " a", ab, "b ", " ab", "ab ".
        let space = UInt64(0x20)
        var twoBack = space, oneBack = space  // the previous two scalars of the current word
        for scalar in letters + [" "] {
            let isLetter = scalar != " " && WritingScript(scalar) == script
            if isLetter {
                let value = UInt64(scalar.value)
                add(value, order: 1)
                add(oneBack << 21 | value, order: 2)
                if oneBack != space { add(twoBack << 42 | oneBack << 21 | value, order: 3) }
                twoBack = oneBack
                oneBack = value
            } else if oneBack != space {
                add(oneBack << 21 | space, order: 2)
                add(twoBack << 42 | oneBack << 21 | space, order: 3)
                twoBack = space
                oneBack = space
            }
        }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        guard let first = ranked.first, grams > 0 else { return .unknown(reason: "no letters") }
        let perGram = { (column: Int) in (scores[first] - scores[column]) / Double(grams) }
        if ranked.count > 1 {
            let second = ranked[1]
            guard perGram(second) >= minimumMargin else {
                return .unknown(reason: "too close to call between \(group.languages[first]) and \(group.languages[second])")
            }
        }
        // A softmax over the per-n-gram leads: a lead of 0.1 per n-gram gives about 0.88.
        let spread = ranked.reduce(0.0) { $0 + exp(-20 * perGram($1)) }
        return .language(code: group.languages[first], confidence: 1 / spread)
    }

    /// The lower-cased letters of `text` with single spaces between words, skipping URLs,
    /// hashtags and mentions; at most about `limit` scalars.
    static func letters(of text: String, limit: Int) -> [Unicode.Scalar] {
        let hasCombining = text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }
        let source = hasCombining ? text.precomposedStringWithCanonicalMapping : text
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(min(limit, source.unicodeScalars.count) + 1)
        for token in source.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }) {
            if out.count >= limit { break }
            guard let head = token.first, head != "#", head != "@", !isLink(token) else { continue }
            var wroteLetter = false
            for scalar in token {
                if let lower = letter(scalar) {
                    out.append(lower)
                    wroteLetter = true
                } else if wroteLetter, out.last != " " {
                    out.append(" ")
                }
            }
            if out.last.map({ $0 != " " }) ?? false { out.append(" ") }
        }
        return out
    }

    /// The lower-case form of `scalar` when it is a letter or mark, else `nil`.
    @inline(__always)
    private static func letter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        if v < 0x80 {
            if (0x61...0x7A).contains(v) { return scalar }
            if (0x41...0x5A).contains(v) { return Unicode.Scalar(UInt8(v + 0x20)) }
            return nil
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            guard properties.changesWhenLowercased else { return scalar }
            return properties.lowercaseMapping.unicodeScalars.first ?? scalar
        default:
            return nil
        }
    }

    /// Whether a whitespace-free token is a URL or a bare `www.` address.
    private static func isLink(_ token: Substring.UnicodeScalarView) -> Bool {
        let text = String(token)
        return text.contains("://") || text.lowercased().hasPrefix("www.")
    }
}
