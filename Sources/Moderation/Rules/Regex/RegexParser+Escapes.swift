/// Escapes, outside and inside classes, and the classes themselves.
extension RegexParser {
    /// After `\` outside a class.
    mutating func escape() throws(RegexSyntaxError) -> RegexNode {
        guard let next = peek else { throw RegexSyntaxError("ends with a lone backslash; write \\\\ for a backslash") }
        position += 1
        switch next {
        case "d": return .set(.shorthand(.digit(negated: false)))
        case "D": return .set(.shorthand(.digit(negated: true)))
        case "w": return .set(.shorthand(.word(negated: false)))
        case "W": return .set(.shorthand(.word(negated: true)))
        case "s": return .set(.shorthand(.space(negated: false)))
        case "S": return .set(.shorthand(.space(negated: true)))
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "A": return .assertion(.start)
        case "Z": return .assertion(.end)
        case "z": return .assertion(.absoluteEnd)
        default: return .scalar(try literalEscape(next))
        }
    }

    /// The scalar an escape such as `\n`, `\x41`, `\u00e9` or `\.` stands for; refuses
    /// back-references and escapes the rules do not support.
    mutating func literalEscape(_ letter: Unicode.Scalar) throws(RegexSyntaxError) -> Unicode.Scalar {
        switch letter {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "a": return "\u{07}"
        case "e": return "\u{1B}"
        case "x":
            if peek == "{" {
                position += 1
                let scalar = try hexadecimal(minimum: 1, maximum: 6)
                guard peek == "}" else { throw RegexSyntaxError("has a \\x{ without its closing }") }
                position += 1
                return scalar
            }
            return try hexadecimal(minimum: 2, maximum: 2)
        case "u": return try hexadecimal(minimum: 4, maximum: 4)
        case "U": return try hexadecimal(minimum: 8, maximum: 8)
        case "1"..."9", "k":
            throw RegexSyntaxError("uses a back-reference (\\\(letter)), which cannot be matched in linear time; Roost's rules do not support back-references")
        case "p", "P":
            throw RegexSyntaxError("uses a Unicode property (\\\(letter){...}), which Roost's rules do not support; use a class such as [a-z] or \\w")
        default:
            let isAlphanumeric = ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) || ("0"..."9").contains(letter)
            guard !isAlphanumeric else {
                throw RegexSyntaxError("uses \\\(letter), an escape Roost's rules do not support; they support \\d \\w \\s \\b \\n \\t \\xHH \\uHHHH and escaped punctuation")
            }
            return letter
        }
    }

    /// Exactly `minimum` to `maximum` hexadecimal digits as a scalar.
    private mutating func hexadecimal(minimum: Int, maximum: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0, digits = 0
        while digits < maximum, let next = peek, let digit = Self.hexValue(next) {
            value = value * 16 + digit
            digits += 1
            position += 1
        }
        guard digits >= minimum, let scalar = Unicode.Scalar(value) else {
            throw RegexSyntaxError("has a hexadecimal escape that does not name a character")
        }
        return scalar
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        if ("0"..."9").contains(scalar) { return scalar.value - 48 }
        if ("a"..."f").contains(scalar) { return scalar.value - 87 }
        if ("A"..."F").contains(scalar) { return scalar.value - 55 }
        return nil
    }

    /// After `[`: the members up to the closing `]`.
    mutating func characterClass() throws(RegexSyntaxError) -> RegexCharacterSet {
        var set = RegexCharacterSet(items: [], negated: false)
        if peek == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while true {
            guard let next = peek else { throw RegexSyntaxError("has a [ without a matching ]") }
            if next == "]" && !first {
                position += 1
                return set
            }
            first = false
            if next == "[" || (next == "&" && peek(ahead: 1) == "&") {
                throw RegexSyntaxError("nests a class or uses set operations ([[a]], [a&&b], [:alpha:]), which Roost's rules do not support; write \\[ for a bracket")
            }
            let low = try classMember()
            guard case .scalar(let start) = low, peek == "-", let after = peek(ahead: 1), after != "]" else {
                set.items.append(low)
                continue
            }
            position += 1
            guard case .scalar(let end) = try classMember() else {
                throw RegexSyntaxError("has a range in a class that ends in a class such as \\d; write \\- for a hyphen")
            }
            guard start <= end else { throw RegexSyntaxError("has a range in a class whose start comes after its end") }
            set.items.append(.range(start, end))
        }
    }

    /// One member of a class: a scalar, an escape or a shorthand class.
    private mutating func classMember() throws(RegexSyntaxError) -> RegexCharacterSet.Item {
        guard let next = peek else { throw RegexSyntaxError("has a [ without a matching ]") }
        position += 1
        guard next == "\\" else { return .scalar(next) }
        guard let letter = peek else { throw RegexSyntaxError("ends with a lone backslash; write \\\\ for a backslash") }
        position += 1
        switch letter {
        case "d": return .digit(negated: false)
        case "D": return .digit(negated: true)
        case "w": return .word(negated: false)
        case "W": return .word(negated: true)
        case "s": return .space(negated: false)
        case "S": return .space(negated: true)
        case "b": return .scalar("\u{08}")
        default: return .scalar(try literalEscape(letter))
        }
    }
}
