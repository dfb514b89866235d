import Foundation

/// One sign of a scam with its weight, for the operator: "phrase 'double your bitcoin' (0.45)".
public struct ScamSignal: Sendable, Equatable {
    /// What was seen.
    public var detail: String
    /// How much it adds to the scam score.
    public var weight: Double
}

/// Scores a post's text for scams and fraud (issue 15): scam phrases in 16 languages, weaker
/// hint words, urgency, money and crypto amounts, wallet addresses, link shorteners and domains
/// that imitate a brand. Each sign weighs a little; only several together reach a threshold,
/// so "Tickets 20 €, today only!" or "Bitcoin hits $100k" stay, "DM to claim 0.5 BTC" does not.
public struct ScamDetector: Sendable {
    /// The detector with the built-in lexicon.
    public static let builtIn = ScamDetector(lexicon: .builtIn)

    let lexicon: ScamLexicon

    /// The signs `text` shows, strongest first; their weights add up to the score.
    public func signals(in text: String) -> [ScamSignal] {
        let words = TextNormalizer.words(text)
        var signals: [ScamSignal] = []
        for (index, phrase) in lexicon.phrases.matches(in: words).prefix(3).enumerated() {
            signals.append(ScamSignal(detail: "scam phrase '\(phrase)'", weight: index == 0 ? 0.45 : 0.2))
        }
        let hints = lexicon.hints.matches(in: words)
        if !hints.isEmpty {
            signals.append(ScamSignal(detail: "words \(hints.prefix(3).map { "'\($0)'" }.joined(separator: ", "))",
                                      weight: min(0.3, 0.1 * Double(hints.count))))
        }
        if let urgent = lexicon.urgency.matches(in: words).first {
            signals.append(ScamSignal(detail: "urgency '\(urgent)'", weight: 0.15))
        }
        signals += amounts(words: words, raw: text)
        signals += links(in: text)
        return signals.sorted { $0.weight > $1.weight }
    }

    /// The summed weight of `signals`, capped at 1.
    public static func score(_ signals: [ScamSignal]) -> Double {
        min(1, signals.reduce(0) { $0 + $1.weight })
    }

    /// Money amounts, crypto mentions and amounts, and wallet addresses.
    private func amounts(words: [Substring], raw: String) -> [ScamSignal] {
        var out: [ScamSignal] = []
        let tokens = raw.split(whereSeparator: \.isWhitespace)
        if let money = tokens.first(where: Self.isMoney) ?? currencyAmount(words) {
            out.append(ScamSignal(detail: "money amount '\(money.prefix(30))'", weight: 0.1))
        }
        let coin = words.first { lexicon.crypto.contains($0) }
        if coin != nil, let promise = lexicon.doubling.matches(in: words).first {
            out.append(ScamSignal(detail: "crypto with a promise to double ('\(promise)')", weight: 0.35))
        }
        if let amount = cryptoAmount(words) {
            out.append(ScamSignal(detail: "crypto amount '\(amount)'", weight: 0.25))
        } else if let coin {
            out.append(ScamSignal(detail: "crypto '\(coin)'", weight: 0.15))
        }
        if let wallet = tokens.first(where: Self.isWalletAddress) {
            out.append(ScamSignal(detail: "wallet address \(wallet.prefix(12))…", weight: 0.35))
        }
        return out
    }

    /// A number next to a currency word ("500 euros", "kr 200").
    private func currencyAmount(_ words: [Substring]) -> Substring? {
        for index in words.indices.dropLast() {
            let (a, b) = (words[index], words[index + 1])
            if a.first?.isNumber == true, lexicon.currencies.contains(b) { return a + " " + b }
            if lexicon.currencies.contains(a), b.first?.isNumber == true, a.count > 2 { return a + " " + b }
        }
        return nil
    }

    /// A number next to a crypto word ("0 5 btc" folded from "0.5 BTC", "eth 2").
    private func cryptoAmount(_ words: [Substring]) -> Substring? {
        for index in words.indices {
            let word = words[index]
            // "0.5BTC" folds to "0 5btc": a word of digits then a crypto unit.
            if let first = word.first, first.isNumber, case let unit = word.drop(while: \.isNumber), !unit.isEmpty,
               lexicon.crypto.contains(unit) { return word }
            guard index + 1 < words.count else { continue }
            let next = words[index + 1]
            if word.allSatisfy(\.isNumber), lexicon.crypto.contains(next) { return word + " " + next }
        }
        return nil
    }

    /// A token holding a currency sign and a digit ("$500", "500€", "R$200").
    static func isMoney(_ token: Substring) -> Bool {
        token.contains(where: \.isNumber) && token.contains { "$€£¥₺₹₽₩".contains($0) }
    }

    /// An Ethereum (`0x` + 40 hex) or Bitcoin (bech32 `bc1…`, base58 `1…`/`3…`) address.
    static func isWalletAddress(_ token: Substring) -> Bool {
        // Most words are far shorter than any address: no trimming for them.
        guard token.utf8.count >= 26 else { return false }
        let token = token.trimmingCharacters(in: .punctuationCharacters)
        let lower = token.lowercased()
        if lower.hasPrefix("0x"), token.count == 42, token.dropFirst(2).allSatisfy(\.isHexDigit) { return true }
        if lower.hasPrefix("bc1"), (26...62).contains(token.count), token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            return true
        }
        guard let first = token.first, first == "1" || first == "3", (26...35).contains(token.count) else { return false }
        let base58 = token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) && !"0OIl".contains($0) }
        return base58 && token.contains(where: \.isLetter) && token.contains(where: \.isUppercase)
    }

    /// Link shorteners and look-alike domains among the hosts the text links to.
    private func links(in text: String) -> [ScamSignal] {
        var out: [ScamSignal] = []
        for host in LinkHosts.hosts(in: text) {
            let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            if lexicon.shorteners.contains(bare), !out.contains(where: { $0.detail.hasPrefix("link shortener") }) {
                out.append(ScamSignal(detail: "link shortener \(bare)", weight: 0.2))
            }
            if let brand = LinkHosts.imitatedBrand(bare, brands: lexicon.brands, lures: lexicon.lureWords),
               !out.contains(where: { $0.detail.hasPrefix("look-alike") }) {
                out.append(ScamSignal(detail: "look-alike domain \(bare) (imitates \(brand))", weight: 0.5))
            }
        }
        return out
    }
}
