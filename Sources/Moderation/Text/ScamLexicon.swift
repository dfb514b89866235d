import Foundation

/// The word lists of the scam rule, read from `Resources/scam.json` (written for Roost, CC0).
struct ScamLexicon: Sendable {
    /// Scam phrases of every language ("double your bitcoin", "compra seguidores").
    var phrases: PhraseSet
    /// Weaker words that scams use along with others ("giveaway", "wallet").
    var hints: PhraseSet
    /// Pressure to act now.
    var urgency: PhraseSet
    /// Promises to double or multiply (with a crypto word: "send USDT, get double back").
    var doubling: PhraseSet
    /// Crypto currency words, folded.
    var crypto: Set<Substring>
    /// Currency words and codes, folded.
    var currencies: Set<Substring>
    /// Link-shortener hosts.
    var shorteners: Set<String>
    /// Brands that phishing domains imitate.
    var brands: Set<String>
    /// Words phishing domains put next to a brand (`paypal-secure-login`).
    var lureWords: Set<String>

    /// The built-in lexicon; empty lists when the resource cannot be read (then the rule never fires).
    static let builtIn: ScamLexicon = {
        guard let url = Bundle.module.url(forResource: "scam", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return ScamLexicon(object: [:]) }
        return ScamLexicon(object: (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }()

    /// Reads the lexicon's JSON object.
    init(object: [String: Any]) {
        func byLanguage(_ key: String) -> [String] {
            let table = object[key] as? [String: [String]] ?? [:]
            return table.keys.sorted().flatMap { table[$0] ?? [] }
        }
        func list(_ key: String) -> [String] { object[key] as? [String] ?? [] }
        phrases = PhraseSet(byLanguage("phrases"))
        hints = PhraseSet(byLanguage("hints"))
        urgency = PhraseSet(byLanguage("urgency"))
        doubling = PhraseSet(list("doubling"))
        crypto = Set(list("crypto").map { Substring(TextNormalizer.fold($0)) })
        currencies = Set(list("currencies").map { Substring(TextNormalizer.fold($0)) })
        shorteners = Set(list("shorteners").map { $0.lowercased() })
        brands = Set(list("brands").map { $0.lowercased() })
        lureWords = Set(list("lureWords").map { $0.lowercased() })
    }
}
