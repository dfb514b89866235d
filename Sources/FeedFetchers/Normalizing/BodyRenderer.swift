/// Renders an entry body, whatever its text kind, through the one HTML sanitizer.
enum BodyRenderer {
    /// Sanitized HTML, plain text, images, videos and hashtags of a body.
    static func render(_ body: RawText) -> SanitizedHTML {
        switch body.kind {
        case .html, .xhtml:
            return HTMLSanitizer.sanitize(body.value, baseURL: body.base)
        case .text:
            return HTMLSanitizer.sanitize(htmlFromText(body.value), baseURL: body.base)
        }
    }

    /// Literal text as HTML: escaped, blank-line-separated paragraphs as `<p>`, other line
    /// breaks as `<br>`.
    static func htmlFromText(_ text: String) -> String {
        let normalized = text.replacingCRLF()
        var html = ""
        html.reserveCapacity(normalized.utf8.count + 16)
        let paragraphs = normalized.split(separator: "\n\n", omittingEmptySubsequences: true)
        for paragraph in paragraphs {
            let trimmed = paragraph.trimmedWhitespace
            guard !trimmed.isEmpty else { continue }
            html += "<p>"
            html += trimmed.escapedForHTML().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
            html += "</p>"
        }
        return html
    }
}

/// Plain text of titles and other one-line text constructs.
enum PlainTextRenderer {
    /// The text with markup removed, entities decoded and white space collapsed; nil when empty.
    static func text(of raw: RawText) -> String? {
        let plain: String
        switch raw.kind {
        case .text: plain = raw.value.collapsingWhitespace()
        case .html, .xhtml: plain = HTMLSanitizer.plainText(fromHTML: raw.value)
        }
        return plain.isEmpty ? nil : plain
    }
}

extension StringProtocol {
    /// `&`, `<`, `>` and `"` escaped for HTML text and attribute values.
    func escapedForHTML() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Runs of white space as one space, trimmed at both ends.
    func collapsingWhitespace() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// CR LF and lone CR as LF.
    func replacingCRLF() -> String {
        guard contains("\r") else { return String(self) }
        return String(self).split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
            .split(separator: "\r", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
