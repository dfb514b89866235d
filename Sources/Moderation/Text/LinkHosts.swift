import Foundation

/// The hosts a text links to, and whether one imitates a brand (the scam rule's link signs).
enum LinkHosts {
    /// Hosts of the URLs, `www.` addresses and bare `name.tld/...` links in `text`, lower-cased.
    static func hosts(in text: String) -> [String] {
        var hosts: [String] = []
        for token in text.split(whereSeparator: \.isWhitespace) where token.utf8.contains(UInt8(ascii: ".")) {
            var rest = Substring(token.lowercased())
            if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
            else if !rest.contains(".") || rest.first == "#" || rest.first == "@" || rest.contains("@") { continue }
            let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
                .trimmingCharacters(in: CharacterSet(charactersIn: ".,;!?()[]<>\"'"))
            let labels = host.split(separator: ".")
            // A bare word.word counts only with a plausible top-level domain: "end.Next" is prose.
            guard labels.count >= 2, let tld = labels.last, (2...10).contains(tld.count), tld.allSatisfy(\.isLetter) || tld.hasPrefix("xn--"),
                  labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else { continue }
            if !token.contains("://"), !host.hasPrefix("www."), !Self.commonTLDs.contains(String(tld)) { continue }
            hosts.append(host)
        }
        return hosts
    }

    /// Top-level domains a bare `name.tld` link is read with (others need `http://` or `www.`).
    static let commonTLDs: Set<String> = [
        "com", "net", "org", "io", "co", "ly", "me", "info", "biz", "xyz", "top", "site", "online", "app", "link", "club",
        "shop", "live", "ru", "cn", "tk", "ml", "ga", "cf", "gq", "uk", "de", "fr", "es", "it", "nl", "pl", "se", "dk", "no",
        "fi", "cz", "tr", "hu", "ro", "pt", "br", "gl", "gd", "at", "ee", "cc", "id", "im", "in", "us", "example",
    ]

    /// The brand `host` imitates: a label spelling a brand with digits or look-alike letters
    /// (`amaz0n`, `paypa1`, `rnicrosoft`), a brand joined by hyphens to a lure word
    /// (`paypal-secure-login`), or a brand as a subdomain of another domain
    /// (`paypal.com.account-verify.ru`), or a punycode label. `nil` for the brand's own domains.
    static func imitatedBrand(_ host: String, brands: Set<String>, lures: Set<String>) -> String? {
        let labels = host.split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return nil }
        let registrable = labels[labels.count - 2]
        if brands.contains(registrable) { return nil }
        if labels.contains(where: { $0.hasPrefix("xn--") }) { return "a brand, in look-alike letters" }
        let unleet = deLeet(registrable)
        if unleet != registrable, brands.contains(unleet) { return unleet }
        let parts = registrable.split(separator: "-").map(String.init)
        if parts.count > 1, let brand = parts.first(where: brands.contains), parts.contains(where: lures.contains) { return brand }
        if parts.count > 1, let brand = parts.first(where: { brands.contains(deLeet($0)) && deLeet($0) != $0 }) { return deLeet(brand) }
        if let brand = labels.dropLast(2).first(where: { brands.contains($0) && $0.count >= 4 }) { return brand }
        return nil
    }

    /// `label` with digits and letter pairs read as the letters they imitate.
    static func deLeet(_ label: String) -> String {
        var out = ""
        for character in label {
            switch character {
            case "0": out.append("o")
            case "1": out.append("l")
            case "3": out.append("e")
            case "4": out.append("a")
            case "5": out.append("s")
            case "7": out.append("t")
            default: out.append(character)
            }
        }
        return out.replacingOccurrences(of: "rn", with: "m").replacingOccurrences(of: "vv", with: "w")
    }
}
