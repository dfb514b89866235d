/// A parsed regular expression of the subset Roost's rules accept: literals, classes, `.`,
/// anchors, groups, alternation and bounded repetition. Everything here can be matched in
/// time linear in the text (see `PikeVM`); what cannot (back-references, lookaround) is
/// refused by `RegexParser` before a node is ever built.
indirect enum RegexNode: Sendable, Equatable {
    /// Matches the empty string.
    case empty
    /// One Unicode scalar.
    case scalar(Unicode.Scalar)
    /// `.`: any scalar but a line terminator.
    case anyExceptNewline
    /// A class such as `[a-z]`, `\d` or `[^\s]`.
    case set(RegexCharacterSet)
    /// A zero-width test: `^`, `$`, `\b`, `\B`, `\A`, `\z`.
    case assertion(RegexAssertion)
    /// The parts one after another.
    case concatenation([RegexNode])
    /// The first alternative that leads to a match wins (leftmost-first, as in ICU and Perl).
    case alternation([RegexNode])
    /// `min` to `max` (nil: unbounded) repetitions; greedy prefers more, lazy fewer.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)

    /// How many instructions `RegexProgram` compiles this node to, saturating at `Int.max`,
    /// so that `(a{1000}){1000}` is refused before anything is expanded.
    var programSize: Int {
        switch self {
        case .empty: return 0
        case .scalar, .anyExceptNewline, .set, .assertion: return 1
        case .concatenation(let parts):
            return parts.reduce(0) { Self.add($0, $1.programSize) }
        case .alternation(let choices):
            // A split before every choice but the last, a jump after every choice but the last.
            let bodies = choices.reduce(0) { Self.add($0, $1.programSize) }
            return Self.add(bodies, Self.multiply(2, max(choices.count - 1, 0)))
        case .repetition(let body, let min, let max, _):
            let size = body.programSize
            let required = Self.multiply(min, size)
            guard let max else { return Self.add(required, Self.add(size, 2)) }
            return Self.add(required, Self.multiply(max - min, Self.add(size, 1)))
        }
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}

/// The zero-width tests a pattern may use, with ICU's default meanings (no multi-line mode).
enum RegexAssertion: Sendable, Equatable {
    /// `^` and `\A`: the start of the text.
    case start
    /// `$` and `\Z`: the end of the text, or just before a line terminator that ends it.
    case end
    /// `\z`: the very end of the text.
    case absoluteEnd
    /// `\b`: between a word scalar and a non-word scalar (or an edge of the text).
    case wordBoundary
    /// `\B`: not at a word boundary.
    case notWordBoundary

    /// Whether the test holds at `position` of `text` (scalar offsets).
    func holds(at position: Int, in text: [Unicode.Scalar]) -> Bool {
        switch self {
        case .start:
            return position == 0
        case .absoluteEnd:
            return position == text.count
        case .end:
            let remaining = text.count - position
            if remaining == 0 { return true }
            if remaining == 1 { return RegexCharacterSet.isLineTerminator(text[position]) }
            return remaining == 2 && text[position] == "\r" && text[position + 1] == "\n"
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && RegexCharacterSet.isWord(text[position - 1])
            let after = position < text.count && RegexCharacterSet.isWord(text[position])
            return (before != after) == (self == .wordBoundary)
        }
    }
}
