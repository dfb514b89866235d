/// The built-in profanity lexicon of the `profanity` rule (SPEC §3.5), written for Roost.
///
/// Only clearly profane words and slurs: mild words ("damn", "crap") and words that are
/// ordinary in another covered language are left out — Spanish "con" (with), "hora" (hour),
/// "coger" (take), "polla", "zorra", "porra", "concha", Italian "perse", English "fan", "bite", "cock",
/// "dick", "pussy", "skit", Swedish "fick" (got), "slut" (end), Portuguese "cu", "piranha" — so the whole-word match does not hide innocent posts.
/// Entries are written folded (lower-case, no accents); a trailing `*` makes the entry a
/// stem that also matches longer words (`fuck*` → "fucking"), used only where no innocent
/// word starts with the stem, with `allowList` for the exceptions.
///
/// Known collisions, kept because the words are among the strongest of their language:
/// "puta" is also Croatian/Serbian for "times" ("dva puta"), "paska" Polish for "of the
/// strip" and Czech "páska" (tape). A site in those languages should not rely on this rule.
public enum ProfanityLexicon {
    /// The entries of each language, ISO 639-1 code first.
    public static let entries: [(language: String, terms: [String])] = [
        ("en", [
            "fuck*", "motherfuck*", "fck", "fcking", "fuk", "fuckin", "shit*", "bullshit*",
            "horseshit", "cunt*", "bitch*", "bastard*", "asshole*", "arsehole*", "dickhead*",
            "cocksucker*", "twat*", "wanker*", "whore*", "bollocks", "jackass",
            "dumbass", "douchebag*", "dipshit", "nigger*", "nigga*", "faggot*", 
            "goddamn*", "wtf", "stfu", "sluts", "slutty",
        ]),
        ("es", [
            "mierda*", "puta", "putas", "puto", "putos", "putita", "hijoputa", "hijueputa",
            "joder", "jodido", "jodida", "jodete", "cabron", "cabrona", "cabrones", "gilipollas",
            "pendejo", "pendeja", "pendejos", "chingada", "chingado", "chingar", "chingue",
            "verga", "culero", "culera", "maricon", "maricones", "carajo", "follar",
            "conchatumadre", "malparido", "malparida",
        ]),
        ("pt", [
            "caralho*", "foda", "fodase", "foder", "fodido", "fodida", "merda", "merdas",
            "cacete", "buceta", "boceta", "viado", "arrombado", "arrombada", "cuzao", "babaca",
            "desgracado", "desgracada", "punheta", "punheteiro",
            "filhodaputa", "fdp", "piroca", "xoxota", "cabrao",
        ]),
        ("fr", [
            "merde", "merdique", "putain", "pute", "putes", "salope", "salopes", "salaud",
            "connard", "connards", "connasse", "encule", "encules", "enculer", "enculee",
            "niquer", "nique", "niquez", "ntm", "batard", "batards", "enfoire", "enfoires",
            "branleur", "branleuse", "chier", "couilles", "pouffiasse", "tapette",
            "trouduc",
        ]),
        ("de", [
            "scheisse", "scheiss*", "arschloch*", "arsch", "fotze", "fotzen", "wichser",
            "wixer", "ficken", "fickdich", "gefickt", "hurensohn", "hurensohne",
            "hure", "huren", "schlampe", "schlampen", "missgeburt", "spast", "spasti",
            "mistkerl", "drecksau", "dreckssau", "schwuchtel", "pisser",
            "verfickt*", "scheisskerl",
        ]),
        ("fi", [
            "vittu*", "vitun", "vitut", "vituttaa", "perkele*", "saatana*", "paska", "paskaa",
            "paskat", "paskan", "paskapaa",
            "helvetti", "helvetin", "kusipaa", "kusipaat", "mulkku", "mulkut", "kyrpa", "kyrpa*",
            "huora", "huorat", "huoran", "jumalauta", "runkkari", "runkata",
            "nussia", "nussii", "persreika", "paskiainen", "vittupaa",
        ]),
        ("sv", [
            "javla", "javlar", "javel", "javlas", "fitta", "fittan", "fittor", "kuk", "kuken",
            "kukar", "kukhuvud", "horunge", "horungar", "skitstovel", "satans", "helvete",
            "knulla", "knullar", "knullade", "rovhal", "fan ta dig", "jaevla", "fittjavel",
            "kuksugare", "idjavel",
        ]),
    ]

    /// Words that contain or resemble an entry but are innocent.
    public static let allowList: Set<String> = [
        "scunthorpe", "assassin", "assassins", "cocktail", "cocktails", "dickens", "shiitake",
        "shitake", "shittim", "sussex", "essex", "penistone", "arsenal", "fickle",
    ]
}
