import Foundation

/// The built-in profanity lexicon of the `profanity` rule (SPEC §3.5), read from
/// `Resources/profanity.json`: 16 languages written for Roost (CC0, see the file's `about`).
///
/// Only clearly profane words and slurs: mild words and words that are ordinary in another
/// covered language are left out (Spanish "con", "hora", Swedish "fick" (got), "slut" (end),
/// Italian "perse", English "fan", Danish "høre", German "fanden") or *gated*: counted only when
/// the text is detected as the entry's language (Swedish "fan", Portuguese "porra", Romanian
/// "pula" and "curva", Turkish "göt" and "piç", Czech "píča"). A trailing `*` makes an entry a
/// stem (`fuck*` → "fucking"), a leading `*` the end of a compound (`*paska` → "koirapaska"),
/// with the allow-list for the exceptions (Scunthorpe, Fahrt, Schiss, Helvetinjärvi).
///
/// Known collisions, kept because the words are among the strongest of their language:
/// "puta" is also Croatian/Serbian for "times" ("dva puta"), "paska" Polish for "of the
/// strip" and Czech "páska" (tape). A site in those languages should not rely on this rule.
public enum ProfanityLexicon {
    /// The entries of each language, ISO 639-1 code first.
    public static var entries: [(language: String, terms: [String])] { loaded.entries }
    /// Entries counted only when the text is detected as their language.
    public static var gated: [(language: String, terms: [String])] { loaded.gated }
    /// Words that contain or resemble an entry but are innocent.
    public static var allowList: Set<String> { loaded.allow }

    /// The parsed resource.
    private static let loaded: (entries: [(language: String, terms: [String])], gated: [(language: String, terms: [String])], allow: Set<String>) = {
        guard let url = Bundle.module.url(forResource: "profanity", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let languages = object["languages"] as? [String: [String: [String]]] else { return ([], [], []) }
        // The first seven languages first: a word shared with a later one keeps its original language.
        let first = ["en", "es", "pt", "fr", "de", "fi", "sv"]
        let codes = first.filter { languages[$0] != nil } + languages.keys.filter { !first.contains($0) }.sorted()
        return (codes.map { ($0, languages[$0]?["terms"] ?? []) }, codes.map { ($0, languages[$0]?["gated"] ?? []) },
                Set(object["allow"] as? [String] ?? []))
    }()
}
