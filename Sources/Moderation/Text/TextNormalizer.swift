import Foundation

/// Folds text to the form every text rule compares: lower-case, without diacritics, letters
/// and digits only, single spaces between words (SPEC §3.5: "case- and accent-insensitive").
public enum TextNormalizer {
    /// Lower-cases `s`, strips diacritics (NFD, then combining accents dropped; ß→ss, æ→ae,
    /// ø→o, ł→l …), turns every character that is not a letter or digit into a space, and
    /// collapses runs of spaces; the result has no leading or trailing space.
    ///
    /// Only accents are dropped, not every combining mark: Indic vowel signs and the Japanese
    /// voicing marks change the word, so `が` stays `が` while `é` becomes `e`.
    public static func fold(_ s: String) -> String {
        let decomposed = s.unicodeScalars.allSatisfy(\.isASCII) ? s : s.decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        out.reserveCapacity(decomposed.unicodeScalars.count)
        var pendingSpace = false
        var sawNonASCII = false
        for scalar in decomposed.unicodeScalars {
            if scalar.isASCII {
                // Fast path, no allocation: most text is mostly ASCII.
                let v = scalar.value
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
                } else {
                    pendingSpace = true
                }
                continue
            }
            if isAccent(scalar) { continue }
            for lower in lowered(scalar) {
                if isWordScalar(lower) {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(lower)
                    sawNonASCII = sawNonASCII || !lower.isASCII
                } else {
                    pendingSpace = true
                }
            }
        }
        let folded = String(out)
        // Recompose what the accents left (Hangul syllables, kana with voicing marks).
        return sawNonASCII ? folded.precomposedStringWithCanonicalMapping : folded
    }

    /// The words of `s` after `fold(_:)`: maximal runs of letters and digits.
    public static func words(_ s: String) -> [Substring] {
        fold(s).split(separator: " ")
    }

    /// Whether `scalar` is part of a word: a letter, a digit, or a mark that is not an accent.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Whether `scalar` is a diacritic that accent-insensitive comparison ignores: the combining
    /// diacritical mark blocks, Hebrew points and Arabic harakat.
    static func isAccent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
             0x0591...0x05C7, 0x064B...0x065F, 0x0670:
            return true
        default:
            return false
        }
    }

    /// The lower-case form of one scalar, with the letters NFD does not decompose spelled out.
    static func lowered(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII {
            let v = scalar.value
            return [(0x41...0x5A).contains(v) ? Unicode.Scalar(UInt8(v + 0x20)) : scalar]
        }
        if let spelled = spelledOut[scalar] { return spelled }
        let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
        if lower.count == 1, let only = lower.first, let spelled = spelledOut[only] { return spelled }
        return lower.filter { !isAccent($0) }
    }

    /// Letters with no canonical decomposition that readers still see as a base letter.
    private static let spelledOut: [Unicode.Scalar: [Unicode.Scalar]] = [
        "ß": ["s", "s"], "ẞ": ["s", "s"], "æ": ["a", "e"], "Æ": ["a", "e"], "œ": ["o", "e"],
        "Œ": ["o", "e"], "ø": ["o"], "Ø": ["o"], "ł": ["l"], "Ł": ["l"], "đ": ["d"], "Đ": ["d"],
        "ð": ["d"], "Ð": ["d"], "þ": ["t", "h"], "Þ": ["t", "h"], "ı": ["i"], "ŀ": ["l"],
        "ħ": ["h"], "ŧ": ["t"], "ĸ": ["k"],
    ]
}
