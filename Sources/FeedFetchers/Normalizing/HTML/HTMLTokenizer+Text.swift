extension HTMLTokenizer {
    /// Reads the content of raw-text element `tag` up to its end tag (`</name` then space, `/`
    /// or `>`, any case), or to the end of input. Script, style, iframe, noembed and noframes
    /// content is skipped; textarea and title content is text with references decoded; xmp
    /// content is literal text. Nil when nothing is emitted.
    mutating func rawText(of tag: HTMLTag) -> Kind? {
        let start = position
        let close = findEndTag(of: tag, from: start) ?? input.count
        position = close
        switch tag {
        case .textarea, .title:
            let textStart = bytes.count
            decodeRawText(start, close)
            text = textStart..<bytes.count
        case .xmp:
            let textStart = bytes.count
            appendInput(start, close)
            text = textStart..<bytes.count
        default:
            return nil
        }
        return text.isEmpty ? nil : .text
    }

    /// The index of the `<` of the end tag closing raw-text element `tag`, or nil.
    private func findEndTag(of tag: HTMLTag, from: Int) -> Int? {
        let name = HTMLTag.nameTable[Int(tag.rawValue)]
        var index = from
        while let open = find(0x3C, from: index) {
            index = open + 1
            let nameStart = open + 2
            guard nameStart + name.count < input.count, input[open + 1] == 0x2F else { continue }
            var matches = true
            for offset in 0..<name.count where input[nameStart + offset] | 0x20 != name[offset] {
                matches = false
                break
            }
            guard matches else { continue }
            let after = input[nameStart + name.count]
            if Self.isSpace(after) || after == 0x2F || after == 0x3E { return open }
        }
        return nil
    }

    /// Appends RCDATA `input[from..<to]`: references decoded, NUL → U+FFFD.
    private mutating func decodeRawText(_ from: Int, _ to: Int) {
        var index = from
        var run = from
        while index < to {
            let byte = input[index]
            if byte != 0x26 && byte != 0 {
                index += 1
                continue
            }
            appendInput(run, index)
            if byte == 0 {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
            } else {
                index = decodeReference(at: index, limit: to, inAttribute: false)
            }
            run = index
        }
        appendInput(run, to)
    }

    /// Decodes the character reference at `amp` (an `&`) no further than `limit`, appending its
    /// text (or a literal `&` when there is none) and returning the index after it (WHATWG
    /// §13.2.5.72–80: legacy names without `;`, not in attributes before `=` or alphanumerics).
    mutating func decodeReference(at amp: Int, limit: Int, inAttribute: Bool) -> Int {
        let first = amp + 1
        guard first < limit else {
            bytes.append(0x26)
            return first
        }
        if input[first] == 0x23 { return decodeNumeric(at: amp, limit: limit) }
        guard Self.isAlphanumeric(input[first]) else {
            bytes.append(0x26)
            return first
        }
        var stop = first
        while stop < limit, Self.isAlphanumeric(input[stop]), stop - first <= HTMLEntityTable.maxNameLength { stop += 1 }
        if stop < limit, input[stop] == 0x3B,
           let value = HTMLEntityTable.lookup(bytes: UnsafeBufferPointer(rebasing: input[first..<stop])) {
            bytes.append(contentsOf: value.utf8)
            return stop + 1
        }
        var length = min(stop - first, HTMLEntityTable.maxLegacyNameLength)
        while length >= 2 {
            let nameEnd = first + length
            if let value = HTMLEntityTable.lookupLegacy(bytes: UnsafeBufferPointer(rebasing: input[first..<nameEnd])) {
                if inAttribute, nameEnd < limit, input[nameEnd] == 0x3D || Self.isAlphanumeric(input[nameEnd]) {
                    break
                }
                bytes.append(contentsOf: value.utf8)
                return nameEnd
            }
            length -= 1
        }
        bytes.append(0x26)
        return first
    }

    /// Decodes `&#…` at `amp`: decimal or hex digits, an optional `;`; NUL, surrogates and
    /// values past U+10FFFF become U+FFFD, C1 controls the windows-1252 characters.
    private mutating func decodeNumeric(at amp: Int, limit: Int) -> Int {
        var index = amp + 2
        let isHex = index < limit && input[index] | 0x20 == 0x78
        if isHex { index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < limit {
            let byte = input[index]
            let digit: UInt32
            if byte &- 0x30 < 10 {
                digit = UInt32(byte &- 0x30)
            } else if isHex, (byte | 0x20) &- 0x61 < 6 {
                digit = UInt32((byte | 0x20) &- 0x61 + 10)
            } else {
                break
            }
            value = min(value &* (isHex ? 16 : 10) &+ digit, 0x110000)
            index += 1
        }
        guard index > digitsStart else {
            bytes.append(0x26)
            return amp + 1
        }
        if index < limit, input[index] == 0x3B { index += 1 }
        appendScalar(Self.referenceScalar(value))
        return index
    }

    /// The character a numeric reference to `value` stands for (WHATWG §13.2.5.80).
    static func referenceScalar(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F {
            let mapped = windows1252[Int(value - 0x80)]
            if mapped != 0, let scalar = Unicode.Scalar(mapped) { return scalar }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// Appends the UTF-8 encoding of `scalar`.
    mutating func appendScalar(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        } else {
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// What numeric references to 0x80–0x9F mean (windows-1252); 0 where the code stays as is.
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
