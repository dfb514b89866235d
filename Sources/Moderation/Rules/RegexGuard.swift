/// Keeps operator regexes from taking the server down. Patterns run on `LinearRegex`, whose
/// time is linear in the text whatever the pattern (`(a+)+$`, `a*a*a*a*b` included), so what
/// a rule may cost is bounded by the pattern's compiled size and the text it sees; what
/// cannot be matched that way (back-references, lookaround) is refused when the rule is saved.
enum RegexGuard {
    static let maximumPatternLength = 500
    /// Characters of a field a pattern is run on; the rest is not looked at.
    static let maximumInput = 10_000

    /// Why a pattern is refused, as the end of a sentence naming its field, or nil.
    static func problem(with pattern: String) -> String? {
        guard pattern.count <= maximumPatternLength else { return "is longer than \(maximumPatternLength) characters" }
        do {
            _ = try LinearRegex(pattern, caseInsensitive: true)
            return nil
        } catch {
            return error.description
        }
    }

    /// The pattern compiled as rules run it (case-insensitive), or nil when it is refused.
    static func compile(_ pattern: String) -> LinearRegex? {
        guard pattern.count <= maximumPatternLength else { return nil }
        do {
            return try LinearRegex(pattern, caseInsensitive: true)
        } catch {
            return nil
        }
    }

    /// The first match of `regex` in `text`, looking at most at `maximumInput` characters.
    static func firstMatch(_ regex: LinearRegex, in text: String) -> String? {
        let bounded = text.count > maximumInput ? String(text.prefix(maximumInput)) : text
        return regex.firstMatch(in: bounded)
    }
}
