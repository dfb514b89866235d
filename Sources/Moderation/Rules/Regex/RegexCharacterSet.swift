/// A character class: `[a-z0-9_]`, `[^\s]`, `\d`, `\w`, `\s` and their negations, with ICU's
/// Unicode meanings of `\d` (decimal digits), `\w` (letters, marks, digits, connectors) and
/// `\s` (white space).
struct RegexCharacterSet: Sendable, Equatable {
    /// One member of a class.
    enum Item: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
        case digit(negated: Bool)
        case word(negated: Bool)
        case space(negated: Bool)
    }

    var items: [Item]
    /// `[^...]`: matches what no item matches.
    var negated: Bool

    /// `\d`, `\D` and friends as a class of their own.
    static func shorthand(_ item: Item) -> RegexCharacterSet {
        RegexCharacterSet(items: [item], negated: false)
    }

    /// Whether `scalar` is in the class; when `caseInsensitive`, its lower- and upper-case
    /// forms count too, so `[a-z]` matches `Q`.
    func contains(_ scalar: Unicode.Scalar, caseInsensitive: Bool) -> Bool {
        var found = containsExactly(scalar)
        if !found && caseInsensitive {
            let lower = Self.fold(scalar), upper = Self.upper(scalar)
            found = (lower != scalar && containsExactly(lower)) || (upper != scalar && containsExactly(upper))
        }
        return found != negated
    }

    private func containsExactly(_ scalar: Unicode.Scalar) -> Bool {
        items.contains { item in
            switch item {
            case .scalar(let member): return member == scalar
            case .range(let low, let high): return low <= scalar && scalar <= high
            case .digit(let negated): return Self.isDigit(scalar) != negated
            case .word(let negated): return Self.isWord(scalar) != negated
            case .space(let negated): return Self.isSpace(scalar) != negated
            }
        }
    }

    /// `\d`: a decimal digit in any script (Unicode `Nd`).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// `\w`: a letter, mark, decimal digit or connector (`_`), as ICU defines it.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        }
        if scalar.value == 0x200C || scalar.value == 0x200D { return true }
        if scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// `\s`: white space, line terminators included.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// What `.` does not match, and what `$` may stand before at the end (ICU's list).
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The scalar case-insensitive matching compares: its lower-case form when that is one scalar.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let only = lower.first else { return scalar }
        return only
    }

    /// Its upper-case form when that is one scalar.
    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32) ?? scalar : scalar
        }
        let upper = scalar.properties.uppercaseMapping.unicodeScalars
        guard upper.count == 1, let only = upper.first else { return scalar }
        return only
    }
}
