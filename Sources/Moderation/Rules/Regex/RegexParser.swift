/// Reads a rule's pattern into a `RegexNode`, accepting only what `PikeVM` matches in linear
/// time: literals, classes, `.`, `^ $ \b \B \A \z \Z`, groups (`(...)`, `(?:...)`,
/// `(?<name>...)`), alternation, `* + ? {m} {m,} {m,n}` (greedy or lazy, counts up to 1000),
/// `\d \w \s` and their negations, and a leading `(?i)`. Back-references, lookaround,
/// possessive and atomic forms are refused with a sentence saying why.
struct RegexParser {
    /// The largest count of `{m,n}`: beyond it a pattern expands past what is worth matching.
    static let maximumCount = 1000
    /// The deepest nesting of groups.
    static let maximumDepth = 100

    let scalars: [Unicode.Scalar]
    var position = 0

    /// The parsed pattern and whether it asked for case-insensitive matching with `(?i)`.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> (node: RegexNode, caseInsensitive: Bool) {
        var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
        let caseInsensitive = pattern.hasPrefix("(?i)")
        if caseInsensitive { parser.position = 4 }
        let node = try parser.alternation(depth: 0)
        if parser.position < parser.scalars.count {
            throw RegexSyntaxError("has a ) without a matching (")
        }
        return (node, caseInsensitive)
    }

    /// The scalar at the current position, or nil at the end.
    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// The scalar `offset` places after the current one, or nil past the end.
    func peek(ahead offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func alternation(depth: Int) throws(RegexSyntaxError) -> RegexNode {
        guard depth <= Self.maximumDepth else { throw RegexSyntaxError("nests groups more than \(Self.maximumDepth) deep") }
        var choices = [try concatenation(depth: depth)]
        while peek == "|" {
            position += 1
            choices.append(try concatenation(depth: depth))
        }
        return choices.count == 1 ? choices[0] : .alternation(choices)
    }

    private mutating func concatenation(depth: Int) throws(RegexSyntaxError) -> RegexNode {
        var parts: [RegexNode] = []
        while let next = peek, next != "|", next != ")" {
            let atom = try self.atom(depth: depth)
            parts.append(try quantified(atom))
        }
        switch parts.count {
        case 0: return .empty
        case 1: return parts[0]
        default: return .concatenation(parts)
        }
    }

    private mutating func atom(depth: Int) throws(RegexSyntaxError) -> RegexNode {
        guard let next = peek else { return .empty }
        position += 1
        switch next {
        case "(": return try group(depth: depth)
        case "[": return .set(try characterClass())
        case ".": return .anyExceptNewline
        case "^": return .assertion(.start)
        case "$": return .assertion(.end)
        case "\\": return try escape()
        case "*", "+", "?", "{":
            throw RegexSyntaxError("has a quantifier (\(next)) with nothing before it to repeat; write \\\(next) for the character itself")
        default: return .scalar(next)
        }
    }

    /// After `(`: a group's kind, its body and the closing `)`.
    private mutating func group(depth: Int) throws(RegexSyntaxError) -> RegexNode {
        if peek == "?" {
            position += 1
            switch peek {
            case ":"?:
                position += 1
            case "<"? where peek(ahead: 1) == "=" || peek(ahead: 1) == "!", "="?, "!"?:
                throw RegexSyntaxError("uses lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which Roost's rules do not support; match the text itself instead")
            case "<"?:
                position += 1
                try groupName()
            case "i"? where peek(ahead: 1) == ")":
                throw RegexSyntaxError("has (?i) after its start; rules match case-insensitively anyway, so leave it out")
            default:
                throw RegexSyntaxError("uses a (? group Roost's rules do not support; they support (...), (?:...) and (?<name>...)")
            }
        }
        let body = try alternation(depth: depth + 1)
        guard peek == ")" else { throw RegexSyntaxError("has a ( without a matching )") }
        position += 1
        return body
    }

    /// A capture group's name up to `>`: letters and digits, starting with a letter.
    private mutating func groupName() throws(RegexSyntaxError) {
        let start = position
        while let next = peek, next != ">" {
            let isLetter = ("a"..."z").contains(next) || ("A"..."Z").contains(next)
            guard isLetter || (position > start && ("0"..."9").contains(next)) else {
                throw RegexSyntaxError("has a group name that is not letters and digits starting with a letter")
            }
            position += 1
        }
        guard peek == ">", position > start else { throw RegexSyntaxError("has a named group without a name and a closing >") }
        position += 1
    }

    /// `atom` with any quantifiers that follow it.
    private mutating func quantified(_ atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        guard let next = peek, ["*", "+", "?", "{"].contains(next) else { return atom }
        if case .assertion = atom { throw RegexSyntaxError("repeats an anchor or \\b, which matches no text to repeat") }
        position += 1
        var least = 0, most: Int?
        switch next {
        case "*": break
        case "+": least = 1
        case "?": most = 1
        default: (least, most) = try counts()
        }
        var greedy = true
        if peek == "?" {
            greedy = false
            position += 1
        } else if peek == "+" {
            throw RegexSyntaxError("uses a possessive quantifier (\(next)+), which Roost's rules do not support")
        }
        if let again = peek, ["*", "+", "?", "{"].contains(again) {
            throw RegexSyntaxError("repeats a repetition directly (such as a**); put the inner part in a group, (?:a*)*")
        }
        return .repetition(atom, min: least, max: most, greedy: greedy)
    }

    /// After `{`: `m}`, `m,}` or `m,n}`.
    private mutating func counts() throws(RegexSyntaxError) -> (Int, Int?) {
        let malformed = RegexSyntaxError("has a { that does not start a count such as {3} or {2,5}; write \\{ for a brace")
        guard let min = number() else { throw malformed }
        var max: Int? = min
        if peek == "," {
            position += 1
            max = number()
        }
        guard peek == "}" else { throw malformed }
        position += 1
        guard min <= Self.maximumCount, (max ?? 0) <= Self.maximumCount else {
            throw RegexSyntaxError("repeats more than \(Self.maximumCount) times; use a smaller count")
        }
        if let max, max < min { throw RegexSyntaxError("has a count whose maximum is below its minimum ({\(min),\(max)})") }
        return (min, max)
    }

    /// Decimal digits (at most 6), or nil when none are there.
    private mutating func number() -> Int? {
        var value = 0, digits = 0
        while let next = peek, ("0"..."9").contains(next), digits < 6 {
            value = value * 10 + Int(next.value - 48)
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : value
    }
}

/// Why a pattern is refused, as the end of a sentence that starts with the field's name
/// (`rules[2].pattern uses lookahead ...`).
struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    var description: String

    /// Creates the error.
    init(_ description: String) { self.description = description }
}
