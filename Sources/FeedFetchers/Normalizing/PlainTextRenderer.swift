/// Plain text of titles, names, tags and other one-line text constructs (SPEC §2: markup
/// removed, entities decoded once), for every format and the platform adapters alike.
enum PlainTextRenderer {
    /// A text construct as plain text, white space collapsed; nil when empty. HTML and XHTML
    /// lose their markup and have their entities decoded, once: `&amp;lt;b&amp;gt;` in HTML
    /// is the text `<b>`. Literal text (Atom `type="text"`) is already text: its brackets are
    /// characters, not markup ("History of the <blink> tag", RFC 4287 §3.1.1.1).
    static func text(of raw: RawText) -> String? {
        switch raw.kind {
        case .text:
            let plain = raw.value.collapsingWhitespace()
            return plain.isEmpty ? nil : plain
        case .html, .xhtml:
            let plain = HTMLSanitizer.plainText(fromHTML: raw.value)
            return plain.isEmpty ? nil : plain
        }
    }

    /// A name, tag or JSON Feed title (already decoded once) with any markup it carries
    /// removed, which would otherwise reach a wall as a tag (`<img src=x onerror=…>Jo` → "Jo"):
    /// tags, comments and script contents go, `&` and a `<` that opens no tag ("a < b", "x<3")
    /// stay as written. White space collapsed; nil when nothing is left.
    static func line(_ text: String?) -> String? {
        guard var plain = text else { return nil }
        if plain.utf8.contains(UInt8(ascii: "<")) {
            // Removing one layer may join pieces into a new tag (`<<b>i>`): peel a few layers.
            for _ in 0..<4 {
                guard let html = markupAsHTML(plain) else { break }
                plain = HTMLSanitizer.plainText(fromHTML: html)
            }
        }
        let collapsed = plain.collapsingWhitespace()
        return collapsed.isEmpty ? nil : collapsed
    }

    /// `text` as HTML source when it holds at least one complete tag, with every `&` and every
    /// `<` that opens no complete tag escaped, so that only tags are read as markup; nil when
    /// it holds no tag.
    private static func markupAsHTML(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var html: [UInt8] = []
        html.reserveCapacity(bytes.count + 16)
        var sawTag = false
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "&"):
                html.append(contentsOf: "&amp;".utf8)
                index += 1
            case UInt8(ascii: "<"):
                if let end = tagEnd(bytes, at: index) {
                    html.append(contentsOf: bytes[index..<end])
                    sawTag = true
                    index = end
                } else {
                    html.append(contentsOf: "&lt;".utf8)
                    index += 1
                }
            default:
                html.append(bytes[index])
                index += 1
            }
        }
        return sawTag ? String(decoding: html, as: UTF8.self) : nil
    }

    /// The index after the tag starting at `start` (`<` and a letter, `</` and a letter, `<!`
    /// or `<?`, up to a `>` outside quotes and before any other `<`); nil when it is no tag.
    private static func tagEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        let opener = bytes[index]
        if opener == UInt8(ascii: "/") {
            index += 1
            guard index < bytes.count, isASCIILetter(bytes[index]) else { return nil }
        } else if !(isASCIILetter(opener) || opener == UInt8(ascii: "!") || opener == UInt8(ascii: "?")) {
            return nil
        }
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
