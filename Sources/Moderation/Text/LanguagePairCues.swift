/// Tells apart languages whose character n-grams are too alike for short posts (issue 15):
/// Danish and Norwegian Bokmål, Spanish and Portuguese. The detector asks when its two best
/// languages are such a pair; words and letters that only one of them uses vote.
enum LanguagePairCues {
    /// Words (folded to lower case, accents kept) and letters that mark one language of a pair.
    private struct Pair {
        var languages: (String, String)
        var words: [String: Int]  // +1 votes the first, -1 the second
        var letters: [Unicode.Scalar: Int]
    }

    private static let pairs: [Pair] = [
        Pair(languages: ("da", "no"), words: vote([
            "af", "at", "mig", "dig", "sig", "efter", "noget", "nogen", "lidt", "meget", "gøre", "købe", "bliver", "nej", "hej", "tak",
            "ugen", "jer", "hvad", "spørgsmål", "sammen", "også", "hjemme", "kommer", "kunne", "skal", "gerne", "klokken", "omkring", "vores", "tilbage", "igen", "synes",
        ], [
            "av", "å", "meg", "deg", "seg", "etter", "noe", "noen", "litt", "mye", "veldig", "gjøre", "kjøpe", "blir", "nei", "hei", "takk",
            "uka", "dere", "hva", "spørsmål", "sammen", "også", "hjemme", "kommer", "kunne", "skal", "gjerne", "klokka", "rundt", "våre", "tilbake", "igjen", "syns", "ikkje",
        ]), letters: [:]),
        Pair(languages: ("es", "pt"), words: vote([
            "el", "los", "las", "del", "y", "muy", "gracias", "también", "con", "una", "es", "está", "qué", "pero", "hoy", "hay",
            "ya", "nos", "mañana", "noche", "fin", "semana", "otra", "vez", "gratis", "aquí", "allí",
        ], [
            "o", "os", "do", "dos", "da", "das", "e", "muito", "obrigado", "obrigada", "também", "com", "uma", "um", "é", "está",
            "que", "mas", "hoje", "há", "já", "não", "nós", "amanhã", "noite", "fim", "semana", "outra", "vez", "grátis", "aqui", "ali", "você", "isso", "isto", "ao", "às", "no", "na", "em",
        ]), letters: ["ñ": 2, "¿": 2, "¡": 2, "ã": -2, "õ": -2, "ç": -2]),
    ]

    /// +1 for the words of the first list, -1 for the second; words on both lists cancel out.
    private static func vote(_ first: [String], _ second: [String]) -> [String: Int] {
        var votes: [String: Int] = [:]
        for word in first { votes[word, default: 0] += 1 }
        for word in second { votes[word, default: 0] -= 1 }
        return votes.filter { $0.value != 0 }
    }

    /// The language of the pair `a`/`b` the cues in `letters` favour, or nil when they do not
    /// decide (no pair, no cue, or a tie).
    static func resolve(_ a: String, _ b: String, letters: [Unicode.Scalar]) -> String? {
        guard let pair = pairs.first(where: { ($0.languages.0 == a && $0.languages.1 == b) || ($0.languages.0 == b && $0.languages.1 == a) })
        else { return nil }
        var score = 0
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { score += pair.words[String(word)] ?? 0 }
            word.removeAll()
        }
        for scalar in letters {
            score += pair.letters[scalar] ?? 0
            if scalar == " " { flush() } else { word.append(scalar) }
        }
        flush()
        guard score != 0 else { return nil }
        return score > 0 ? pair.languages.0 : pair.languages.1
    }
}
