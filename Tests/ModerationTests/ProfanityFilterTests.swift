import Testing
@testable import Moderation

@Suite("ProfanityFilter")
struct ProfanityFilterTests {
    @Test("finds plain profanity in every covered language", arguments: [
        ("What the fuck is this", "fuck*", "en"),
        ("This is bullshit.", "bullshit*", "en"),
        ("Qué mierda de partido", "mierda*", "es"),
        ("Que merda de jogo, caralho", "merda", "pt"),
        ("Putain, encore en retard", "putain", "fr"),
        ("So eine Scheiße!", "scheisse", "de"),
        ("Voi vittu mikä päivä", "vittu*", "fi"),
        ("Jävla skitväder idag", "javla", "sv"),
        ("Du är en fitta", "fitta", "sv"),
        ("Tu es un enculé", "encule", "fr"),
        ("Fan ta dig!", "fan ta dig", "sv"),
    ])
    func plain(text: String, term: String, language: String) throws {
        let match = try #require(ProfanityFilter.builtIn.firstMatch(in: text))
        #expect(match.term == term)
        #expect(match.language == language)
    }

    @Test("sees through simple obfuscation", arguments: [
        ("f*ck this", "f*ck"),
        ("f**k off", "f**k"),
        ("total sh1t", "sh1t"),
        ("$hit happens", "$hit"),
        ("s.h.i.t", "s.h.i.t"),
        ("f-u-c-k you", "f-u-c-k"),
        ("fuuuuuck", "fuuuuuck"),
        ("f u c k this", "f u c k"),
        ("F U C K I N G great", "F U C K I N G"),
        ("FUCKING HELL", "FUCKING"),
        ("what a b1tch", "b1tch"),
        ("scheiß drauf", "scheiß"),
        ("sh!t!", "sh!t"),
        ("fück", "fück"),
        ("#fuckthis", "fuckthis"),
        ("\"cunt\"", "cunt"),
        ("4sshole", "4sshole"),
        ("you m0therfucker", "m0therfucker"),
        ("fuсk (Cyrillic с)", "fuсk"),
        ("pu7a madre", "pu7a"),
    ])
    func obfuscated(text: String, matched: String) throws {
        let match = try #require(ProfanityFilter.builtIn.firstMatch(in: text))
        #expect(match.matched == matched)
    }

    @Test("leaves innocent words alone (the Scunthorpe problem)", arguments: [
        "Scunthorpe United won 2-1",
        "The assassin's creed",
        "A cocktail at the bar",
        "Reading Dickens tonight",
        "Shiitake mushrooms with rice",
        "Class of 2024 passed the assessment",
        "Grapes and therapists",
        "Vamos con la hora de la comida",
        "Det är slut nu, vi ses",
        "Jag fick en present",
        "Uma fita azul",
        "Fittja centrum",
        "I'm a big fan of this band",
        "Essex and Sussex",
        "Arsenal play tonight",
        "Sono perse le chiavi",
        "Kukka on kaunis ja kuka tietää",
        "La computadora no funciona, disputa cerrada",
        "Analysis of the documents",
        "Hello world, nothing to see",
        "",
        "a b c d e",
        "ranges N-M and pa-kai",
        "CU-tabell och Cun-ha",
        "ne signifie *pas* que",
    ])
    func innocent(text: String) {
        #expect(ProfanityFilter.builtIn.firstMatch(in: text) == nil)
    }

    @Test("reports the first match in the text")
    func firstInText() throws {
        let match = try #require(ProfanityFilter.builtIn.firstMatch(in: "merde and then shit"))
        #expect(match.term == "merde")
        #expect(match.matched == "merde")
    }

    @Test("a custom lexicon uses its own entries and allow-list")
    func custom() {
        let filter = ProfanityFilter(entries: [("xx", ["darn*"])], allowList: ["darnell"])
        #expect(filter.firstMatch(in: "darnit")?.term == "darn*")
        #expect(filter.firstMatch(in: "Darnell is here") == nil)
    }

    @Test("the lexicon covers the required languages with dozens of terms each")
    func coverage() {
        let languages = Dictionary(uniqueKeysWithValues: ProfanityLexicon.entries.map { ($0.language, $0.terms.count) })
        for code in ["en", "es", "pt", "fr", "de", "fi", "sv"] {
            #expect((languages[code] ?? 0) >= 20, "\(code)")
        }
    }
}
