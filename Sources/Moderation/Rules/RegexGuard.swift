import Foundation

/// Keeps operator regexes from taking the server down: a size limit, a refusal of the
/// nested quantifiers behind catastrophic backtracking (`(a+)+`, `(a|a)*`), and a cap on how
/// much text a pattern ever sees.
enum RegexGuard {
    static let maximumPatternLength = 500
    /// Characters of a field a pattern is run on; the rest is not looked at.
    static let maximumInput = 10_000

    /// Why a pattern is refused, or nil.
    static func problem(with pattern: String) -> String? {
        guard pattern.count <= maximumPatternLength else { return "is longer than \(maximumPatternLength) characters" }
        guard (try? NSRegularExpression(pattern: pattern)) != nil else { return "is not a valid regular expression" }
        if hasNestedQuantifier(pattern) {
            return "has a quantified group that is itself quantified, e.g. (a+)+, which can take exponential time; rewrite it without the nesting"
        }
        if pattern.contains("\\1") || pattern.contains("\\2") { return "uses back-references, which can take exponential time" }
        return nil
    }

    /// A group containing a quantifier, followed by a quantifier: the classic catastrophe.
    private static func hasNestedQuantifier(_ pattern: String) -> Bool {
        var stack: [Bool] = []   // for each open group: does it contain a quantifier?
        var escaped = false
        var inClass = false
        let characters = Array(pattern)
        for (index, character) in characters.enumerated() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: stack.append(false)
            case ")" where !inClass:
                let quantifiedInside = stack.popLast() ?? false
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if quantifiedInside && (next == "*" || next == "+" || next == "{") { return true }
                if quantifiedInside, !stack.isEmpty { stack[stack.count - 1] = true }
            case "*", "+", "{", "|":
                if !inClass, !stack.isEmpty { stack[stack.count - 1] = true }
            default: break
            }
        }
        return false
    }

    /// The first match of `regex` in `text`, looking at most at `maximumInput` characters.
    static func firstMatch(_ regex: NSRegularExpression, in text: String) -> String? {
        let bounded = text.count > maximumInput ? String(text.prefix(maximumInput)) : text
        let range = NSRange(bounded.startIndex..., in: bounded)
        guard let match = regex.firstMatch(in: bounded, range: range), let found = Range(match.range, in: bounded) else { return nil }
        return String(bounded[found])
    }
}
