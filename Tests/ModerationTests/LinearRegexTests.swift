import FeedFetchers
import Foundation
import Testing
@testable import Moderation

@Suite("Regex rules: a linear-time matcher and what it refuses")
struct LinearRegexTests {
    /// Searches as rules do (case-insensitive) and checks the machine stayed within its bound.
    private func search(_ pattern: String, _ text: String) throws -> RegexSearch {
        let regex = try LinearRegex(pattern, caseInsensitive: true)
        let result = regex.search(text)
        #expect(result.steps <= regex.stepBound(forLength: text.unicodeScalars.count), "steps of /\(pattern)/")
        return result
    }

    @Test("The issue's patterns: the back-reference is refused, the others run on a 3,000-character post within the linear bound",
          arguments: [
              ("a*a*a*a*a*a*a*a*a*a*b", String(repeating: "a", count: 3_000)),
              (".*.*.*.*.*.*.*.*.*.*=x", String(repeating: "=", count: 3_000)),
          ])
    func issuePatterns(pattern: String, text: String) throws {
        #expect(RegexGuard.problem(with: pattern) == nil)
        let result = try search(pattern, text)
        #expect(result.match == nil)
        // Linear: at most two visits of each instruction per character, whatever the pattern.
        let regex = try LinearRegex(pattern, caseInsensitive: true)
        #expect(regex.stepBound(forLength: 3_000) <= 2 * 3_001 * regex.program.instructions.count)
        #expect(regex.program.instructions.count < 40)
    }

    @Test("A back-reference cannot be matched in linear time: refused, naming why")
    func backReference() {
        let problem = RegexGuard.problem(with: "(?<x>a+)\\k<x>+$")
        #expect(problem?.contains("back-reference") == true)
        #expect(RegexGuard.compile("(?<x>a+)\\k<x>+$") == nil)
    }

    @Test("Classic catastrophic patterns stay within the linear bound on adversarial text", arguments: [(String, String, String?)]([
        ("(a+)+$", String(repeating: "a", count: 3_000) + "b", nil as String?),
        ("(a|aa)*c", String(repeating: "a", count: 3_000), nil),
        ("(.*a){20}", String(repeating: "a", count: 19) + String(repeating: "b", count: 2_981), nil),
        ("(.*a){20}", String(repeating: "a", count: 25), String(repeating: "a", count: 25)),
        ("(x+x+)+y", String(repeating: "x", count: 3_000), nil),
        ("^(\\w+\\s?)*$", String(repeating: "word ", count: 600) + "!", nil),
    ]))
    func catastrophic(pattern: String, text: String, expected: String?) throws {
        #expect(RegexGuard.problem(with: pattern) == nil)
        #expect(try search(pattern, text).match == expected)
    }

    @Test("Matching follows the leftmost-first semantics of ICU and Perl, case-insensitively", arguments: [(String, String, String?)]([
        ("abc", "xxabcxx", "abc"), ("a|ab", "ab", "a"), ("ab|a", "ab", "ab"), ("a+", "baaa", "aaa"),
        ("a+?", "aaa", "a"), ("a*", "baa", ""), ("colou?r", "my color", "color"), ("\\bcat\\b", "concatenate", nil),
        ("\\bcat\\b", "concat cat", "cat"), ("^spam", "not spam", nil), ("spam$", "spam\n", "spam"), ("spam$", "spam!", nil),
        ("[a-c]+", "xxCABd", "CAB"), ("[^0-9]+", "123abc", "abc"), ("\\d{3}-\\d{4}", "call 555-1234 now", "555-1234"),
        ("x{2,3}", "xxxx", "xxx"), ("x{2,3}?", "xxxx", "xx"), ("x{2}", "x x", nil), ("x{2,}", "xxxxx", "xxxxx"),
        ("(?:ab)+", "ababab", "ababab"), ("(?<word>buy) now", "BUY NOW!", "BUY NOW"),
        ("\\w+@\\w+\\.com", "mail me: joe@example.com", "joe@example.com"), ("\\s+", "a \t b", " \t "),
        ("é+", "ÉÉ", "ÉÉ"), ("a.c", "a\nc abc", "abc"), ("free\\s*(money|cash)", "Free   CASH", "Free   CASH"),
        ("\\$\\d+", "win $100", "$100"), ("[\\d.]+", "v1.25", "1.25"), ("\\x41\\u0042", "ab", "ab"),
        ("(?i)Spoiler", "SPOILER", "SPOILER"), ("", "anything", ""), ("a||b", "b", ""), ("\\Bcat", "concat", "cat"),
        ("(a*)*b", "aaab", "aaab"), ("(|a)+b", "ab", "ab"), ("\\W+", "hi, there", ", "), ("[-a]+", "a-a", "a-a"),
    ]))
    func semantics(pattern: String, text: String, expected: String?) throws {
        #expect(try search(pattern, text).match == expected, "/\(pattern)/ in \(text.debugDescription)")
    }

    @Test("Patterns that cannot be bounded, or that are not valid, are refused with a reason", arguments: [(String, String)]([
        ("(a)\\1", "back-reference"), ("foo(?=bar)", "lookahead"), ("(?<!x)y", "lookbehind"), ("a{1001}", "more than 1000"),
        ("((a{100}){100}){100}", "expands to more than"), ("a++", "possessive"), ("[a-", "without a matching ]"),
        ("(abc", "without a matching )"), ("abc)", ") without"), ("*a", "nothing before it"), ("\\p{L}", "Unicode property"),
        ("\\q", "escape"), ("a**", "repeats a repetition"), ("x{3,2}", "below its minimum"), ("(?>a)", "(? group"),
        ("[[:alpha:]]", "set operations"), ("^*", "anchor"), ("a{2", "count"), (String(repeating: "a", count: 501), "longer than 500"),
    ]))
    func refused(pattern: String, reason: String) {
        let problem = RegexGuard.problem(with: pattern)
        #expect(problem?.contains(reason) == true, "\(pattern): \(problem ?? "accepted")")
    }

    @Test("A rule set with an unbounded pattern is refused naming rules[N].pattern")
    func ruleSetNamesThePattern() throws {
        let body: [String: Any] = ["rules": [
            ["id": "ok", "type": "regex", "action": "hide", "pattern": "buy now"],
            ["id": "bad", "type": "regex", "action": "hide", "pattern": "(?<x>a+)\\k<x>+$"],
        ]]
        let error = #expect(throws: RuleSetErrors.self) { try RuleSet.from(json: body) }
        #expect(error?.problems.map(\.field) == ["rules[1].pattern"])
    }

    @Test("A stored rule set whose pattern this version refuses keeps its other rules; that rule never fires")
    func storedRuleSetSurvives() throws {
        let text = #"{"rules":[{"action":"hide","id":"old","pattern":"foo(?=bar)","type":"regex"},"#
            + #"{"action":"hide","id":"words","type":"keywords","words":["spoiler"]}],"thresholds":{"hide":0.7,"publish":0.3}}"#
        let rules = try #require(RuleSet.from(jsonText: text))
        #expect(rules.rules.map(\.id) == ["old", "words"])
        let post = Post(channel: "rss", title: "foobar spoiler")
        let decision = Moderator.decide(post, feedMode: .autoPublish, ruleSet: rules)
        #expect(decision.reasons.map(\.rule) == ["words"])
    }

    @Test("A regex rule over a 3,000-character adversarial post decides, and says what it matched")
    func ruleOnLongPost() {
        let rules = RuleSet(rules: [
            Rule(id: "slow", action: .hide, kind: .regex(pattern: "a*a*a*a*a*a*a*a*a*a*b", fields: [.title, .text])),
            Rule(id: "dots", action: .inbox, kind: .regex(pattern: ".*.*.*.*.*.*.*.*.*.*=x", fields: [.text])),
        ])
        let quiet = Post(channel: "rss", title: "t", textPlain: String(repeating: "a", count: 3_000))
        #expect(Moderator.decide(quiet, feedMode: .autoPublish, ruleSet: rules).state == .published)
        let caught = Post(channel: "rss", title: "t", textPlain: String(repeating: "=", count: 3_000) + "=X")
        let decision = Moderator.decide(caught, feedMode: .autoPublish, ruleSet: rules)
        #expect(decision.state == .inbox)
        #expect(decision.reasons.first?.detail.hasSuffix("in text") == true)
    }
}
