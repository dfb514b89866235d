/// Finds configured words and phrases in text: whole words, case- and accent-insensitive,
/// Unicode-aware (SPEC §3.5 `keywords`).
///
/// Phrases are folded once, at construction, into word sequences indexed by their first word,
/// so a text is scanned once whatever the number of phrases. A multi-word phrase matches its
/// words separated by any run of spaces or punctuation (`"game of thrones"` matches
/// `Game-of-Thrones!`). Phrases written in a script that does not separate words with spaces
/// (Chinese, Japanese, Thai) match anywhere inside the folded text instead.
public struct KeywordMatcher: Sendable, Equatable {
    /// One configured phrase, folded.
    struct Phrase: Sendable, Equatable {
        /// The phrase as configured, which `firstMatch(in:)` reports.
        var original: String
        /// Its folded words.
        var words: [String]
    }

    /// Phrases by their first folded word, longest first.
    private var byFirstWord: [String: [Phrase]] = [:]
    /// Phrases in unspaced scripts, matched as folded substrings, in configured order.
    private var unspaced: [Phrase] = []

    /// Prepares a matcher for `phrases`; phrases with no letter or digit are ignored.
    public init(phrases: [String]) {
        for original in phrases {
            let words = TextNormalizer.words(original).map(String.init)
            guard !words.isEmpty else { continue }
            let phrase = Phrase(original: original, words: words)
            if words.contains(where: Self.isUnspaced) {
                unspaced.append(phrase)
            } else {
                byFirstWord[words[0], default: []].append(phrase)
            }
        }
        for key in byFirstWord.keys {
            byFirstWord[key]?.sort { $0.words.count > $1.words.count }
        }
    }

    /// Whether the matcher has no usable phrase.
    public var isEmpty: Bool { byFirstWord.isEmpty && unspaced.isEmpty }

    /// The configured phrase that occurs first in `text` (the longest one where several start
    /// at the same word), or `nil` when none does.
    public func firstMatch(in text: String) -> String? {
        let folded = TextNormalizer.fold(text)
        guard !folded.isEmpty else { return nil }
        if !byFirstWord.isEmpty {
            let words = folded.split(separator: " ")
            for start in words.indices {
                guard let candidates = byFirstWord[String(words[start])] else { continue }
                for phrase in candidates where Self.matches(phrase.words, in: words, at: start) {
                    return phrase.original
                }
            }
        }
        return unspaced.first { folded.contains($0.words.joined(separator: " ")) }?.original
    }

    /// Whether `phrase` occurs in `words` starting at `start`.
    private static func matches(_ phrase: [String], in words: [Substring], at start: Int) -> Bool {
        guard words.count - start >= phrase.count else { return false }
        for (offset, word) in phrase.enumerated() where words[start + offset] != word {
            return false
        }
        return true
    }

    /// Whether a folded word is written in a script without spaces between words.
    private static func isUnspaced(_ word: String) -> Bool {
        word.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
                 0x20000...0x2FA1F, 0x0E00...0x0E7F, 0x0E80...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF:
                return true
            default:
                return false
            }
        }
    }
}
