/// A profane word found in a text.
public struct ProfanityMatch: Equatable, Sendable {
    /// The lexicon entry that matched (a trailing `*` marks a stem).
    public var term: String
    /// The text as written, e.g. `f*ck` or `s h i t`.
    public var matched: String
    /// The ISO 639-1 code of the entry's language.
    public var language: String
}

/// Finds profanity in text by whole words, through simple obfuscation (SPEC §3.5 `profanity`).
///
/// Each word is lower-cased and stripped of accents; leetspeak is read back (`sh1t`, `$hit`,
/// `@ss`), separators inside a word are dropped (`s.h.i.t`, `f-u-c-k`), masking characters
/// stand for any letter (`f*ck`, `f**k`), runs of three or more equal letters are squeezed
/// (`fuuuck`), runs of single letters are joined (`f u c k`), and letter swaps are read back
/// (`phuck`, `fvck`). Matching stays whole-word, with an allow-list, so "Scunthorpe",
/// "assassin" and "cocktail" pass; compound ends (`*paska`) match the end of a word; gated
/// entries count only in a text detected as their language.
public struct ProfanityFilter: Sendable {
    /// The filter with `ProfanityLexicon`'s entries and allow-list.
    public static let builtIn = ProfanityFilter(
        entries: ProfanityLexicon.entries, allowList: ProfanityLexicon.allowList, gated: ProfanityLexicon.gated)

    /// One lexicon entry, folded.
    struct Entry: Sendable {
        var term: String
        var language: String
        var letters: [Character]
        var isStem: Bool
        var isGated = false
    }

    private var exact: [String: Entry] = [:]
    private var stems: [Substring: Entry] = [:]
    private var squeezedExact: [String: Entry] = [:]
    private var squeezedStems: [Substring: Entry] = [:]
    private var phrases: [(words: [String], entry: Entry)] = []
    private var singles: [Entry] = []
    private var allowList: Set<String>
    /// Whether every entry is written in Latin letters (then other scripts are skipped).
    private var latinOnly = true
    /// The lengths of the stems, shortest first: the only prefixes worth looking up.
    private var stemLengths: [Int] = []
    /// Compound ends (`*paska`) by their letters, and their lengths.
    private var suffixes: [String: Entry] = [:]
    private var suffixLengths: [Int] = []

    /// A filter for `entries` (folded words; `stem*` for stems; `*end` for compound ends; spaces
    /// for phrases) and `gated` entries, which count only in text detected as their language.
    public init(entries: [(language: String, terms: [String])], allowList: Set<String>,
                gated: [(language: String, terms: [String])] = []) {
        self.allowList = Set(allowList.map(TextNormalizer.fold))
        for (language, terms) in entries {
            for term in terms { add(term, language: language, gated: false) }
        }
        for (language, terms) in gated {
            for term in terms { add(term, language: language, gated: true) }
        }
    }

    private mutating func add(_ term: String, language: String, gated: Bool) {
        if term.hasPrefix("*"), let end = TextNormalizer.words(term).first.map(String.init), !gated {
            if suffixes[end] == nil { suffixes[end] = Entry(term: term, language: language, letters: Array(end), isStem: false) }
            suffixLengths = Array(Set(suffixLengths + [end.count])).sorted()
            return
        }
        let isStem = term.hasSuffix("*")
        let words = TextNormalizer.words(term).map(String.init)
        guard let first = words.first else { return }
        latinOnly = latinOnly && first.unicodeScalars.allSatisfy { $0.isASCII || WritingScript($0) == .latin }
        let entry = Entry(term: term, language: language, letters: Array(first), isStem: isStem, isGated: gated)
        if words.count > 1 {
            phrases.append((words, entry))
            return
        }
        singles.append(entry)
        if isStem {
            stemLengths = Array(Set(stemLengths + [first.count, Self.squeezed(first).count])).sorted()
            if stems[Substring(first)] == nil { stems[Substring(first)] = entry }
            if squeezedStems[Substring(Self.squeezed(first))] == nil { squeezedStems[Substring(Self.squeezed(first))] = entry }
        } else {
            if exact[first] == nil { exact[first] = entry }
            if squeezedExact[Self.squeezed(first)] == nil { squeezedExact[Self.squeezed(first)] = entry }
        }
    }

    /// The first profane word or phrase of `text`, or `nil` when it has none.
    ///
    /// `language` is asked (once, lazily) only when a gated entry matches.
    public func firstMatch(in text: String, language: () -> String? = { nil }) -> ProfanityMatch? {
        let candidates = ObfuscatedWord.candidates(in: text, latinOnly: latinOnly)
        var plain: [String] = []
        var detected: String??
        func allowed(_ entry: Entry) -> Bool {
            guard entry.isGated else { return true }
            if detected == nil { detected = .some(language()) }
            // The detector's profiles say "no" for Norwegian, the lexicon says "nb" (Bokmål).
            let code = detected.flatMap { $0 }.map { $0 == "no" ? "nb" : $0 }
            return code == entry.language
        }
        for candidate in candidates {
            if let entry = match(candidate), allowed(entry) {
                return ProfanityMatch(term: entry.term, matched: candidate.written, language: entry.language)
            }
            plain.append(candidate.forms.first.map { String($0) } ?? "")
        }
        for (words, entry) in phrases where allowed(entry) {
            if let start = Self.find(words, in: plain) {
                let written = candidates[start..<start + words.count].map(\.written).joined(separator: " ")
                return ProfanityMatch(term: entry.term, matched: written, language: entry.language)
            }
        }
        return nil
    }

    /// The entry one candidate word matches, trying each of its readings in turn.
    private func match(_ word: ObfuscatedWord) -> Entry? {
        for form in word.forms {
            let text = String(form)
            guard !allowList.contains(text) else { return nil }
            if let entry = suffixMatch(form) { return entry }
            if form.contains(ObfuscatedWord.wildcard) {
                if let entry = wildcardMatch(form) { return entry }
                continue
            }
            if let entry = exact[text] ?? stemMatch(text, in: stems) { return entry }
            if Self.hasRun(form) {
                let squeezed = Self.squeezed(text)
                if let entry = squeezedExact[squeezed] ?? stemMatch(squeezed, in: squeezedStems) {
                    return entry
                }
            }
        }
        return nil
    }

    /// The compound end `form` finishes with, when something comes before it (`koirapaska`).
    private func suffixMatch(_ form: [Character]) -> Entry? {
        for length in suffixLengths where length < form.count - 2 {
            if let entry = suffixes[String(form[(form.count - length)...])] { return entry }
        }
        return nil
    }

    /// The stem in `table` that `form` starts with, if any.
    private func stemMatch(_ form: String, in table: [Substring: Entry]) -> Entry? {
        // Prefixes as substrings of one string: no string is made per stem length.
        let count = form.count
        for length in stemLengths where length <= count {
            if let entry = table[form.prefix(length)] { return entry }
        }
        return nil
    }

    /// The first entry that `form`, with wildcards standing for one letter each, spells.
    private func wildcardMatch(_ form: [Character]) -> Entry? {
        let known = form.filter { $0 != ObfuscatedWord.wildcard }.count
        guard known >= 2, known * 2 >= form.count else { return nil }
        return singles.first { entry in
            let length = entry.letters.count
            guard entry.isStem ? form.count >= length : form.count == length else { return false }
            return zip(form, entry.letters).allSatisfy { $0 == ObfuscatedWord.wildcard || $0 == $1 }
        }
    }

    /// Where `words` occur consecutively in `plain`.
    private static func find(_ words: [String], in plain: [String]) -> Int? {
        guard plain.count >= words.count else { return nil }
        return (0...(plain.count - words.count)).first { start in
            words.indices.allSatisfy { plain[start + $0] == words[$0] }
        }
    }

    /// Whether `form` has a run of three or more equal letters (a sign of stretching).
    static func hasRun(_ form: [Character]) -> Bool {
        var run = 1
        for index in form.indices.dropFirst() {
            run = form[index] == form[index - 1] ? run + 1 : 1
            if run >= 3 { return true }
        }
        return false
    }

    /// `word` with every run of equal letters reduced to one.
    static func squeezed(_ word: String) -> String {
        var out = ""
        for character in word where character != out.last { out.append(character) }
        return out
    }
}
