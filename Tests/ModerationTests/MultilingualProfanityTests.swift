import FeedFetchers
@testable import Moderation
import Testing

@Suite("Profanity in 16 languages, letter swaps and compounds, without innocent words (issue 15)")
struct MultilingualProfanityTests {
    private func profane(_ text: String) -> ProfanityMatch? {
        let language = { LanguageDetector.shared.detect(text).code }
        return ProfanityFilter.builtIn.firstMatch(in: text, language: language)
    }

    @Test("The lexicon is a resource of at least 15 languages")
    func languages() {
        let codes = Set(ProfanityLexicon.entries.filter { !$0.terms.isEmpty }.map(\.language))
        #expect(codes.count >= 15)
        #expect(codes.isSuperset(of: ["en", "es", "pt", "fr", "de", "fi", "sv", "it", "nl", "pl", "da", "nb", "cs", "tr", "hu", "ro"]))
    }

    @Test("Swearing is found in each language", arguments: [
        ("en", "What a load of bullshit from the ref tonight."),
        ("es", "Qué mierda de arbitraje esta noche."),
        ("pt", "Esse caralho de comboio atrasou outra vez."),
        ("fr", "Quel connard a garé sa voiture devant chez moi ?"),
        ("de", "Der Vermieter ist ein gieriger Wichser."),
        ("it", "Che cazzo di arbitraggio stasera."),
        ("nl", "Wie parkeert er voor mijn oprit? Wat een klootzak."),
        ("pl", "Co za kurwa sędzia dzisiaj."),
        ("sv", "Vilken jävla domare i kväll."),
        ("da", "Sikke et røvhul, han parkerede foran min indkørsel."),
        ("nb", "Faen, mobilen er ødelagt igjen."),
        ("fi", "Vuokranantaja on ahne mulkku."),
        ("cs", "Ten majitel je chamtivej zmrd."),
        ("tr", "Siktir, telefon yine bozuldu."),
        ("hu", "Bazdmeg, megint elromlott a telefon."),
        ("ro", "Ce pizda de arbitru a fost aseară."),
    ])
    func found(language: String, text: String) {
        #expect(profane(text) != nil, "\(language): \(text)")
    }

    @Test("Disguises are read back: letter swaps, leetspeak, masks, spacing, compounds", arguments: [
        "phuck this weather", "fvck the traffic today", "PHUCKING hell", "what the f*ck", "absolute sh1t service",
        "m i e r d a de partido", "Scheiiiße, schon wieder", "Tämä on koirapaska juttu", "Ihan vitunmoinen sade",
        "saatanan kylmä tänään", "Minchia, che caldo fa oggi", "Que porr@ de jogo, que jogo horrível hoje à noite",
    ])
    func disguised(text: String) {
        #expect(profane(text) != nil, "\(text)")
    }

    @Test("Innocent words, place names and other languages' ordinary words pass", arguments: [
        "Scunthorpe beat Penistone in the cup, a classic at the Sussex ground.",
        "Gute Fahrt nach Hodenhagen, die Fahrt dauert zwei Stunden.",
        "Ich hatte echt Schiss vor der Prüfung, aber es lief gut.",
        "Sie fanden den Weg zum Bahnhof ohne Karte.",
        "Retki Helvetinjärven kansallispuistoon oli upea, ja Vittulajänkä seuraavaksi.",
        "Hicimos una porra para la final entre los compañeros de la oficina.",
        "Det var rart at høre koret i Middelfart i går aftes.",
        "In Curva Sud si canta per tutta la partita, atmosfera incredibile.",
        "I got the tickets! Nice pic of the stadium too.",
        "Spaghetti alla puttanesca e un cocktail dopo il concerto.",
        "Fukuoka and Phuket are on our travel list this winter.",
        "Kurczak z rożna i pasek do zegarka z targu w Kutnie.",
        "Sıkıntılı bir haftaydı ama sonunda tatile çıktık.",
        "A szarvas átszaladt az úton Eger mellett.",
        "Analyse van de waterkwaliteit in Zwolle, gratis toegang voor iedereen.",
        "Vi åkte till Fittja med tunnelbanan i morse.",
    ])
    func innocent(text: String) {
        #expect(profane(text) == nil, "\(text) matched \(profane(text)?.term ?? "")")
    }

    @Test("A gated word counts only in its own language: 'porra' in Portuguese, not in Spanish")
    func gated() {
        let portuguese = "Porra, perdi o autocarro outra vez e cheguei atrasado ao trabalho."
        let spanish = "Hicimos una porra para la final entre todos los compañeros de la oficina."
        #expect(profane(portuguese)?.language == "pt")
        #expect(profane(spanish) == nil)
    }
}
