import Testing
@testable import Moderation

@Suite("KeywordMatcher")
struct KeywordMatcherTests {
    static let matcher = KeywordMatcher(phrases: ["spoiler", "Game of Thrones", "café", "Ärger", "ネタバレ", "rip off"])

    @Test("finds whole words and phrases, ignoring case, accents and punctuation", arguments: [
        ("Big SPOILER ahead", "spoiler"),
        ("spoiler!", "spoiler"),
        ("Watching game-of-thrones tonight", "Game of Thrones"),
        ("GAME\nOF   THRONES", "Game of Thrones"),
        ("Best cafe in town", "café"),
        ("Kein ARGER mehr", "Ärger"),
        ("これはネタバレです", "ネタバレ"),
        ("What a rip-off.", "rip off"),
        ("#spoiler", "spoiler"),
    ])
    func matches(text: String, expected: String) {
        #expect(Self.matcher.firstMatch(in: text) == expected)
    }

    @Test("does not match inside other words or partial phrases", arguments: [
        "spoilers everywhere",
        "unspoiler",
        "the game of chess",
        "cafeteria food",
        "thrones of games",
        "",
    ])
    func noMatch(text: String) {
        #expect(Self.matcher.firstMatch(in: text) == nil)
    }

    @Test("reports the phrase that occurs first in the text, the longest at one place")
    func firstAndLongest() {
        let matcher = KeywordMatcher(phrases: ["new york", "new", "york times"])
        #expect(matcher.firstMatch(in: "The New York Times") == "new york")
        #expect(matcher.firstMatch(in: "a new day in york times") == "new")
    }

    @Test("ignores phrases without letters or digits")
    func emptyPhrases() {
        let matcher = KeywordMatcher(phrases: ["", "!!!", "  "])
        #expect(matcher.isEmpty)
        #expect(matcher.firstMatch(in: "!!! wow") == nil)
    }

    @Test("stays fast with hundreds of phrases")
    func manyPhrases() {
        let phrases = (0..<500).map { "keyword\($0) phrase" } + ["needle"]
        let matcher = KeywordMatcher(phrases: phrases)
        let text = String(repeating: "some ordinary words in a post ", count: 20) + "needle"
        #expect(matcher.firstMatch(in: text) == "needle")
        #expect(matcher.firstMatch(in: "Keyword42 PHRASE here") == "keyword42 phrase")
    }
}
