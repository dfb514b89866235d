@testable import Moderation
import Testing

@Suite("Language pairs that n-grams confuse on short posts: Danish and Norwegian, Spanish and Portuguese (issue 15)")
struct LanguagePairTests {
    @Test("Short posts are told apart", arguments: [
        ("da", "Tak for i aften, vi ses igen efter ferien!"),
        ("da", "Hvad synes I om det nye lokale? Vi glæder os meget."),
        ("no", "Takk for i kveld, vi ses igjen etter ferien!"),
        ("no", "Hva syns dere om det nye lokalet? Vi gleder oss veldig."),
        ("es", "¡Qué partido! Muchas gracias a todos por venir hoy."),
        ("es", "Mañana hay mercado en la plaza, pero ya no quedan puestos."),
        ("pt", "Que jogo! Muito obrigado a todos por virem hoje."),
        ("pt", "Amanhã há feira na praça, mas já não há bancas livres."),
    ])
    func pairs(expected: String, text: String) {
        #expect(LanguageDetector.shared.detect(text).code == expected, "\(text)")
    }

    @Test("Cues only decide between the two languages of a pair")
    func onlyPairs() {
        #expect(LanguagePairCues.resolve("de", "nl", letters: Array("ik heb een".unicodeScalars)) == nil)
        #expect(LanguagePairCues.resolve("es", "pt", letters: Array("muito obrigado".unicodeScalars)) == "pt")
        #expect(LanguagePairCues.resolve("no", "da", letters: Array("mig og dig".unicodeScalars)) == "da")
    }
}
