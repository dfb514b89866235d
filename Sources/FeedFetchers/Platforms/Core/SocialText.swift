import Foundation

/// Turns the plain text of a social post into what SPEC §2 asks for: escaped HTML with line
/// breaks, links, hashtags and mentions linked, and the hashtags as tags.
public enum SocialText {
    /// Text escaped for HTML text content (`&`, `<`, `>`), as the sanitizer writes feed bodies.
    public static func escape(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// A value escaped for a double-quoted HTML attribute (`&`, `<`, `>`, `"`).
    public static func escapeAttribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// `<a href="url">text</a>`, both escaped.
    public static func link(_ url: String, _ text: String) -> String {
        "<a href=\"\(escapeAttribute(url))\">\(escape(text))</a>"
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// HTML character references (`&amp;`, `&lt;`, `&#8220;`, ...) in plain text decoded; the
    /// rest of the text, line breaks and spacing included, stays as it is.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return decodeEntityReferences(text)
    }

    /// Hashtags in plain text, without `#`, each once (SPEC §2's rule for text).
    public static func hashtags(in text: String?) -> [String] {
        guard let text, text.contains("#") else { return [] }
        return HTMLSanitizer.hashtags(inPlainText: text)
    }

    /// Nil for nil, empty or all-white-space text; the text otherwise.
    public static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }

    /// Tags in order, each once case-insensitively (first spelling kept), empty ones dropped.
    public static func uniqueTags(_ tags: [String]) -> [String] {
        var unique = UniqueList(caseInsensitive: true)
        for tag in tags {
            let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { unique.append(trimmed) }
        }
        return unique.items
    }

    /// Plain text as HTML: escaped, line breaks as `<br>`, bare http(s) URLs linked (unless
    /// `linkURLs` is false), and
    /// `#tags` / `@mentions` linked when a URL maker is given.
    public static func richText(
        _ text: String, hashtagURL: ((String) -> String)? = nil, mentionURL: ((String) -> String)? = nil, linkURLs: Bool = true,
        mentionCharacters: (Unicode.Scalar) -> Bool = SocialText.isMentionScalar
    ) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count + 32)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let previous: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            if scalar == "\n" {
                out += "<br>"
                index += 1
                continue
            }
            if scalar == "\r" { index += 1; continue }
            if linkURLs, scalar == "h", let end = urlEnd(scalars, from: index), previous.map({ !isWordScalar($0) }) ?? true {
                let url = String(String.UnicodeScalarView(scalars[index..<end]))
                out += link(url, url)
                index = end
                continue
            }
            if scalar == "#", let hashtagURL, previous.map({ !blocksMarker($0) }) ?? true {
                let end = tagEnd(scalars, from: index + 1)
                let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if tag.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                    out += link(hashtagURL(tag), "#" + tag)
                    index = end
                    continue
                }
            }
            if scalar == "@", let mentionURL, previous.map({ !blocksMarker($0) }) ?? true {
                var end = index + 1
                while end < scalars.count, mentionCharacters(scalars[end]) { end += 1 }
                while end > index + 1, scalars[end - 1] == "." { end -= 1 }
                if end > index + 1 {
                    let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                    out += link(mentionURL(name), "@" + name)
                    index = end
                    continue
                }
            }
            out += escape(String(scalar))
            index += 1
        }
        return out
    }

    // MARK: - Scanning

    /// Decodes `&name;` and `&#n;` references one at a time, leaving everything else as it is.
    private static func decodeEntityReferences(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let reference = String(after[...semicolon])
                let decoded = HTMLSanitizer.plainText(fromHTML: reference)
                if decoded != reference && !decoded.isEmpty {
                    out += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after.dropFirst()
        }
        return out + rest
    }

    /// The end of an `http://` or `https://` URL starting at `start`, trailing punctuation left out.
    private static func urlEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let prefix = String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 8)])).lowercased()
        guard prefix.hasPrefix("http://") || prefix.hasPrefix("https://") else { return nil }
        var end = start
        while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != "<", scalars[end] != ">", scalars[end] != "\"" {
            end += 1
        }
        while end > start, ".,;:!?)]}'".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
        let host = start + (prefix.hasPrefix("https://") ? 8 : 7)
        return end > host ? end : nil
    }

    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
        return end
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
    }

    /// Characters of a user name after `@` on most platforms: ASCII letters, digits, `_`, `.`, `-`.
    public static func isMentionScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "." || scalar == "-" || (scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
    }

    /// Characters after which `#` or `@` is not a marker (`page#anchor`, `mail@host`, `&#123;`).
    private static func blocksMarker(_ scalar: Unicode.Scalar) -> Bool {
        isWordScalar(scalar) || "&/#=@?~+%\\".unicodeScalars.contains(scalar)
    }
}
