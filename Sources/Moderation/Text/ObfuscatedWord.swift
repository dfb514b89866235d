/// A word of a text as the profanity filter reads it: the readings its letters allow once
/// leetspeak, separators and masking characters are undone.
struct ObfuscatedWord: Equatable, Sendable {
    /// Stands for one unknown letter in a form (`f*ck` → `f?ck`); never a folded letter.
    static let wildcard: Character = "?"

    /// The word as written in the text.
    var written: String
    /// Folded readings of the word: separators dropped, masks as wildcards; then letter swaps read back.
    var forms: [[Character]]

    /// Characters that split words: whitespace and punctuation that never hides a letter.
    private static let splitters: Set<Character> = [
        ",", ";", ":", "(", ")", "[", "]", "{", "}", "\"", "/", "\\", "|", "<", ">", "«", "»",
        "“", "”", "„", "'", "’", "‘", "`",
    ]
    /// Characters read as letters inside a word that has letters (leetspeak).
    private static let leet: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "$": "s", "@": "a",
        "!": "i",
    ]
    /// Cyrillic letters that look like Latin ones, read as Latin in a word with Latin letters.
    private static let homoglyphs: [Character: Character] = [
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "к": "k",
    ]
    /// Separators people put between the letters of a word (`s.h.i.t`, `f-u-c-k`).
    private static let separators: Set<Character> = [".", "-", "_", "~", "·", "+", "^"]

    /// The words of `text`, with runs of three or more single letters joined (`f u c k`).
    ///
    /// With `latinOnly`, words without a Latin letter are skipped: they cannot spell an entry
    /// of a Latin-script lexicon, and skipping them keeps Cyrillic or CJK text cheap.
    static func candidates(in text: String, latinOnly: Bool) -> [ObfuscatedWord] {
        var tokens: [Substring] = text.split { $0.isWhitespace || splitters.contains($0) }.map(trimmed)
        tokens.removeAll { token in
            token.isEmpty || (latinOnly && !token.unicodeScalars.contains { WritingScript($0) == .latin })
        }
        var words: [ObfuscatedWord] = []
        var index = 0
        while index < tokens.count {
            var end = index
            while end < tokens.count, tokens[end].count == 1 { end += 1 }
            if end - index >= 3 {
                let letters = tokens[index..<end].joined()
                if let word = ObfuscatedWord(letters, written: tokens[index..<end].joined(separator: " ")) {
                    words.append(word)
                }
                index = end
                continue
            }
            if let word = ObfuscatedWord(String(tokens[index]), written: String(tokens[index])) {
                words.append(word)
            }
            index += 1
        }
        return words
    }

    /// `token` without the punctuation around it (leet characters and masks at its ends stay).
    private static func trimmed(_ token: Substring) -> Substring {
        // A leading `*` is markdown emphasis (`*pas*`), not a masked letter; `f***` stays `f`.
        let keep = { (c: Character) in c.isLetter || c.isNumber || c == "$" || c == "@" }
        guard let first = token.firstIndex(where: keep), let last = token.lastIndex(where: keep) else {
            return ""
        }
        return token[first...last]
    }

    /// Reads `raw`; `nil` when it has no letter at all.
    init?(_ raw: String, written: String) {
        guard raw.contains(where: \.isLetter) else { return nil }
        let hasLatin = raw.contains { $0.isASCII && $0.isLetter }
        // Separators are dropped, never read as masked letters: "n-m" or "cu-tabell" would
        // otherwise spell entries (found by scanning the gettext catalogs for false positives).
        var letters: [Character] = []
        for character in raw where !Self.separators.contains(character) {
            letters.append(contentsOf: Self.read(character, hasLatin: hasLatin))
        }
        self.written = written
        self.forms = [letters]
        if let swapped = Self.unswapped(letters) { forms.append(swapped) }
    }

    /// `letters` with letter swaps read back (`ph` → f, `v` → u: `phuck`, `fvck`), or nil when
    /// it has none. A second reading only: the first, as written, is tried before.
    static func unswapped(_ letters: [Character]) -> [Character]? {
        guard letters.contains("v") || letters.contains("h") else { return nil }
        var out: [Character] = []
        var index = 0
        while index < letters.count {
            if letters[index] == "p", index + 1 < letters.count, letters[index + 1] == "h" {
                out.append("f")
                index += 2
                continue
            }
            out.append(letters[index] == "v" ? "u" : letters[index])
            index += 1
        }
        return out == letters ? nil : out
    }

    /// The folded letters one character stands for, or a wildcard for a masking character.
    private static func read(_ character: Character, hasLatin: Bool) -> [Character] {
        if character.isASCII {
            if character.isLetter { return [Character(character.lowercased())] }
            if let letter = leet[character] { return [letter] }
            return character.isNumber ? [character] : [wildcard]
        }
        if hasLatin, let latin = homoglyphs[Character(character.lowercased())] { return [latin] }
        if character.isLetter || character.isNumber {
            return Array(TextNormalizer.fold(String(character)))
        }
        // A mark left over from composition folds away; any other symbol masks a letter.
        return character.unicodeScalars.allSatisfy(TextNormalizer.isAccent) ? [] : [wildcard]
    }
}
