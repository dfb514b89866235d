/// How a document's first bytes say it is laid out, before any label is read.
enum ByteLayout: Equatable, Sendable {
    /// A byte order mark of `length` bytes names the codec; it beats every label.
    case byteOrderMark(Codec, length: Int)
    /// No mark, but the zero-byte pattern of the first four bytes shows UTF-16 or UTF-32.
    case unmarkedWide(Codec)
    /// ASCII characters are single bytes: UTF-8, a single-byte or an ASCII-compatible codec.
    case asciiCompatible
}

/// Reads what a document's bytes and its HTTP header claim about its encoding.
enum EncodingSniffer {
    /// The layout from a BOM, else from the XML 1.0 Appendix F byte patterns, generalised from
    /// `<?` to any ASCII character so that leading whitespace or a bare `<rss` are recognised.
    static func layout(of bytes: [UInt8]) -> ByteLayout {
        let head = Array(bytes.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - bytes.count))
        let (b0, b1, b2, b3) = (head[0], head[1], head[2], head[3])
        // UTF-32 marks first: FF FE 00 00 would otherwise read as the UTF-16 LE mark.
        if bytes.count >= 4, b0 == 0xFF, b1 == 0xFE, b2 == 0, b3 == 0 { return .byteOrderMark(.utf32(bigEndian: false), length: 4) }
        if bytes.count >= 4, b0 == 0, b1 == 0, b2 == 0xFE, b3 == 0xFF { return .byteOrderMark(.utf32(bigEndian: true), length: 4) }
        if b0 == 0xEF, b1 == 0xBB, b2 == 0xBF { return .byteOrderMark(.utf8, length: 3) }
        if b0 == 0xFF, b1 == 0xFE { return .byteOrderMark(.utf16(bigEndian: false), length: 2) }
        if b0 == 0xFE, b1 == 0xFF { return .byteOrderMark(.utf16(bigEndian: true), length: 2) }
        guard bytes.count >= 4 else { return .asciiCompatible }
        if b0 == 0, b1 == 0, b2 == 0, b3 != 0 { return .unmarkedWide(.utf32(bigEndian: true)) }
        if b0 != 0, b1 == 0, b2 == 0, b3 == 0 { return .unmarkedWide(.utf32(bigEndian: false)) }
        if b0 == 0, b1 != 0, b2 == 0, b3 != 0 { return .unmarkedWide(.utf16(bigEndian: true)) }
        if b0 != 0, b1 == 0, b2 != 0, b3 == 0 { return .unmarkedWide(.utf16(bigEndian: false)) }
        return .asciiCompatible
    }

    /// The `charset` parameter of a Content-Type header value (RFC 9110 §8.3.1), unquoted.
    static func charset(ofContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, Codec.normalized(String(parts[0])) == "charset" else { continue }
            let value = Codec.normalized(String(parts[1]))
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

/// The XML declaration at the start of a UTF-8 (or ASCII-compatible) document.
struct XMLDeclaration: Equatable, Sendable {
    /// Where `<?xml` starts: after any whitespace, which libxml2 refuses before a declaration.
    var start: Int
    /// The `encoding=` value as written, without quotes.
    var encoding: String?
    /// Where that value lies in the bytes.
    var encodingRange: Range<Int>?

    /// How far into a document a declaration may end; real ones are under 100 bytes.
    static let searchLimit = 1024

    /// Finds the declaration when the document starts with one (after optional whitespace).
    static func find(in bytes: [UInt8]) -> XMLDeclaration? {
        var index = 0
        while index < bytes.count, index < searchLimit, isSpace(bytes[index]) { index += 1 }
        let start = index
        guard bytes.count >= start + 6, bytes[start..<start + 5].elementsEqual("<?xml".utf8), isSpace(bytes[start + 5]) else { return nil }
        let limit = min(bytes.count, start + searchLimit)
        guard let end = (start..<limit - 1).first(where: { bytes[$0] == 0x3F && bytes[$0 + 1] == 0x3E }) else {
            return XMLDeclaration(start: start)
        }
        guard let range = encodingValue(in: bytes, from: start + 6, to: end) else { return XMLDeclaration(start: start) }
        let value = String(decoding: bytes[range], as: UTF8.self)
        return XMLDeclaration(start: start, encoding: value, encodingRange: range)
    }

    /// The range of the quoted value of the `encoding` pseudo-attribute between `from` and `to`.
    private static func encodingValue(in bytes: [UInt8], from: Int, to end: Int) -> Range<Int>? {
        let name = Array("encoding".utf8)
        var index = from
        while index + name.count <= end {
            guard bytes[index..<index + name.count].elementsEqual(name) else { index += 1; continue }
            var cursor = index + name.count
            while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < end, bytes[cursor] == 0x3D else { index += 1; continue }
            cursor += 1
            while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < end, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 else { return nil }
            let quote = bytes[cursor]
            guard let close = (cursor + 1..<end).first(where: { bytes[$0] == quote }) else { return nil }
            return cursor + 1..<close
        }
        return nil
    }

    /// XML white space (§2.3 S).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether the declaration needs rewriting: leading whitespace, or an encoding not UTF-8.
    var needsNormalizing: Bool {
        guard start == 0 else { return true }
        guard let encoding else { return false }
        return Codec.aliases[Codec.normalized(encoding)] != .utf8
    }

    /// `bytes` starting at the declaration, its encoding value replaced by "UTF-8" (libxml2 is
    /// told UTF-8 anyway; this keeps the document honest for any later reader).
    func normalizing(_ bytes: [UInt8]) -> [UInt8] {
        guard needsNormalizing else { return bytes }
        guard let range = encodingRange, Codec.aliases[Codec.normalized(encoding ?? "")] != .utf8 else {
            return Array(bytes[start...])
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        out.append(contentsOf: bytes[start..<range.lowerBound])
        out.append(contentsOf: "UTF-8".utf8)
        out.append(contentsOf: bytes[range.upperBound...])
        return out
    }
}
