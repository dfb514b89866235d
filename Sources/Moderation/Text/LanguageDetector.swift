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
        var unseen = [0, 0, 0]  // n-grams of order 1, 2, 3 that no profile of the group has
        var grams = 0
        group.weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                func add(_ key: UInt64, order: Int) {
                    grams += 1
                    guard let row = group.rows.row(key) else {
                        unseen[order - 1] += 1
                        return
                    }
                    let base = row * width
                    for column in 0..<width { scores[column] += Double(weights[base + column]) }
                }
                // The generator pads each word with one space on each side and counts every 1-,
                // 2- and 3-gram inside: for "ab" that is a, b, " a", ab, "b ", " ab", "ab ".
                let space = UInt64(0x20)
                var twoBack = space, oneBack = space  // the previous two scalars of the word
                for scalar in letters {
                    if scalar != " " && WritingScript(scalar) == script {
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
            }
        }
        for column in 0..<width {
            for order in 0..<3 { scores[column] += Double(unseen[order]) * Double(group.floors[column][order]) }
        }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        guard let first = ranked.first, grams > 0 else { return .unknown(reason: "no letters") }
        let perGram = { (column: Int) in (scores[first] - scores[column]) / Double(grams) }
        if ranked.count > 1, let resolved = LanguagePairCues.resolve(group.languages[first], group.languages[ranked[1]], letters: letters) {
            // Danish and Norwegian, Spanish and Portuguese: words only one of them uses decide.
            return .language(code: resolved, confidence: 0.75)
        }
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
        var token: [Unicode.Scalar] = []
        func flush() {
            defer { token.removeAll(keepingCapacity: true) }
            guard let head = token.first, head != "#", head != "@", !isLink(token) else { return }
            for scalar in token {
                if let lower = letter(scalar) {
                    out.append(lower)
                } else if out.last.map({ $0 != " " }) ?? false {
                    out.append(" ")
                }
            }
            if out.last.map({ $0 != " " }) ?? false { out.append(" ") }
        }
        for scalar in source.unicodeScalars {
            if out.count >= limit { break }
            if scalar == " " || scalar == "\n" || scalar.properties.isWhitespace {
                flush()
            } else {
                token.append(scalar)
            }
        }
        flush()
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

    /// Whether a whitespace-free token is a URL (`…://…`) or a bare `www.` address.
    private static func isLink(_ token: [Unicode.Scalar]) -> Bool {
        if token.count > 4, token[0...3].map({ Character($0).lowercased() }).joined() == "www." { return true }
        guard token.count > 3 else { return false }
        return (0..<(token.count - 2)).contains { token[$0] == ":" && token[$0 + 1] == "/" && token[$0 + 2] == "/" }
    }
}
