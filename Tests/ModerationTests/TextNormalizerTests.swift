import Testing
@testable import Moderation

@Suite("TextNormalizer")
struct TextNormalizerTests {
    @Test("fold lower-cases, strips accents and punctuation", arguments: [
        ("Hello, World!", "hello world"),
        ("Crème Brûlée", "creme brulee"),
        ("Straße", "strasse"),
        ("Ærø Øst Łódź", "aero ost lodz"),
        ("ÇA   VA?!", "ca va"),
        ("  --- ", ""),
        ("naïve café №5", "naive cafe 5"),
        ("İstanbul IŞIK", "istanbul isik"),
        ("Дождь идёт", "дождь идет"),
        ("ضَرَبَ", "ضرب"),
        ("がっこう 学校", "がっこう 学校"),
        ("한국어 텍스트", "한국어 텍스트"),
        ("emoji 🎉 party", "emoji party"),
        ("e\u{301}te\u{301}", "ete"),
    ])
    func fold(input: String, expected: String) {
        #expect(TextNormalizer.fold(input) == expected)
    }

    @Test("words splits the folded text into words")
    func words() {
        #expect(TextNormalizer.words("Game-of-Thrones: ÉPISODE 3!") == ["game", "of", "thrones", "episode", "3"])
        #expect(TextNormalizer.words("").isEmpty)
        #expect(TextNormalizer.words("!!! ...").isEmpty)
    }
}
