/// Repairing one reference: named, numeric, or a bare '&'.
extension EntityRepairer {
    /// What a bare '&' becomes.
    private static let escapedAmpersand = Array("&amp;".utf8)

    /// At '&': leaves a good reference, rewrites a fixable one, escapes the '&' of anything else;
    /// returns where scanning goes on.
    mutating func repairReference(at index: Int) -> Int {
        let next = index + 1
        if next < bytes.count, bytes[next] == MarkupByte.hash, let end = repairNumeric(at: index) { return end }
        var end = next
        while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
        guard end > next, end < bytes.count, bytes[end] == MarkupByte.semicolon, Self.isNameStart(bytes[next]) else {
            replace(index..<next, with: Self.escapedAmpersand)
            return next
        }
        let name = UnsafeBufferPointer(rebasing: bytes[next..<end])
        if Self.isPredefined(name) || (!declared.isEmpty && declared.contains(Array(name))) {
            return end + 1
        }
        if let value = HTMLEntityTable.lookup(bytes: name) {
            replace(index..<end + 1, withReferencesTo: value.unicodeScalars.lazy.map(\.value))
            return end + 1
        }
        replace(index..<next, with: Self.escapedAmpersand)
        return next
    }

    /// At "&#": rewrites the reference when it needs it and returns the index after it, or nil
    /// when no digits follow (then the '&' is bare). Digits accumulate saturating, so a
    /// thousand-digit number costs one pass and reads as out of range.
    private mutating func repairNumeric(at index: Int) -> Int? {
        var cursor = index + 2
        let hex = cursor < bytes.count && (bytes[cursor] == 0x78 || bytes[cursor] == 0x58)
        if hex { cursor += 1 }
        let digitsStart = cursor
        var value: UInt32 = 0
        while cursor < bytes.count, let digit = Self.digitValue(bytes[cursor], hex: hex) {
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        let terminated = cursor < bytes.count && bytes[cursor] == MarkupByte.semicolon
        let end = terminated ? cursor + 1 : cursor
        let repaired = Self.xmlCharacter(SingleByteTables.windows1252Remap(value))
        if repaired != value || !terminated || bytes[index + 2] == 0x58 {
            replace(index..<end, withReferencesTo: CollectionOfOne(repaired))
        }
        return end
    }

    /// `scalar` if XML 1.0 allows it as a character (§2.2 Char), else U+FFFD.
    static func xmlCharacter(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalar
        default: 0xFFFD
        }
    }

    /// Whether `name` is one of the five entities XML predefines (amp lt gt quot apos), which
    /// libxml2 resolves itself.
    private static func isPredefined(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 2: return (name[0] == 0x6C || name[0] == 0x67) && name[1] == 0x74
        case 3: return name.elementsEqual("amp".utf8)
        case 4: return name.elementsEqual("quot".utf8) || name.elementsEqual("apos".utf8)
        default: return false
        }
    }

    /// The value of a decimal or hexadecimal digit, nil for any other byte.
    @inline(__always)
    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x61...0x66 where hex: UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hex: UInt32(byte - 0x41 + 10)
        default: nil
        }
    }

    /// Whether a byte may start an XML name (ASCII letters, '_', ':', or any non-ASCII byte).
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    /// Whether a byte may continue an XML name (also digits, '-' and '.').
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E
    }
}
