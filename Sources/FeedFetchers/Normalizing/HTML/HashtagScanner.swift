/// Finds `#hashtags` in text: a `#` not preceded by a word character or by `&`, `/`, `#`,
/// `=`, `@`, `?`, `~`, `+`, `%` or `\` (so no `&#123;`, `page#anchor` or URL fragments),
/// then Unicode letters, marks, digits and `_`, at least one of them a letter. Each tag is
/// kept once, case-insensitively, with its first spelling.
struct HashtagScanner {
    private(set) var tags: [String] = []
    private var seen: Set<String> = []

    /// Scans `text`; `before` is the character just before it (nil at a word boundary).
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, before: Unicode.Scalar?) {
        var index = 0
        while index < text.count {
            guard text[index] == 0x23 else {
                index += 1
                continue
            }
            let previous = index == 0 ? before : Self.scalar(endingAt: index, in: text)
            index += 1
            if let previous, Self.blocksHashtag(previous) { continue }
            index = readTag(from: index, in: text)
        }
    }

    /// Reads tag characters from `start`, records the tag if it has a letter, returns the end.
    private mutating func readTag(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        var hasLetter = false
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: text[start...]).makeIterator()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                guard Self.isTagCharacter(scalar) else { break decoding }
                if scalar.properties.isAlphabetic { hasLetter = true }
                index += UTF8.width(scalar)
            case .emptyInput, .error:
                break decoding
            }
        }
        if hasLetter { record(String(decoding: UnsafeBufferPointer(rebasing: text[start..<index]), as: UTF8.self)) }
        return max(index, start)
    }

    /// Adds `tag` unless it is already there in any case.
    mutating func record(_ tag: String) {
        if seen.insert(tag.lowercased()).inserted { tags.append(tag) }
    }

    /// Letters, marks, digits and `_`.
    static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return HTMLTokenizer.isAlphanumeric(byte) || byte == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Whether a `#` after `scalar` does not start a hashtag.
    static func blocksHashtag(_ scalar: Unicode.Scalar) -> Bool {
        if isTagCharacter(scalar) { return true }
        switch scalar {
        case "&", "/", "#", "=", "@", "?", "~", "+", "%", "\\": return true
        default: return false
        }
    }

    /// The scalar whose UTF-8 ends just before `end` in `text` (U+FFFD when malformed).
    static func scalar(endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, end - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: text[start..<end]).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }
}
