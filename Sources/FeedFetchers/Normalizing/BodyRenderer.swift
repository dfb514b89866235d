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
    /// breaks as `<br>`. One pass over the bytes.
    static func htmlFromText(_ text: String) -> String {
        var html: [UInt8] = []
        html.reserveCapacity(text.utf8.count + 32)
        var newlines = 0
        var inParagraph = false
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0A { newlines += 1 }
                continue
            }
            if !inParagraph && (byte == 0x20 || byte == 0x09) { continue }
            if inParagraph && newlines > 0 {
                html.append(contentsOf: newlines >= 2 ? Array("</p><p>".utf8) : Array("<br>".utf8))
            } else if !inParagraph {
                html.append(contentsOf: "<p>".utf8)
                inParagraph = true
            }
            newlines = 0
            switch byte {
            case UInt8(ascii: "&"): html.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): html.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): html.append(contentsOf: "&gt;".utf8)
            default: html.append(byte)
            }
        }
        if inParagraph { html.append(contentsOf: "</p>".utf8) }
        return String(decoding: html, as: UTF8.self)
    }
}
