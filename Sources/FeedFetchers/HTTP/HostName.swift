/// Reads a URL's host the way browsers and `inet_aton` would, so that every spelling of an
/// address (`2130706433`, `0x7f.1`, `0177.0.0.1`, `１２７．０．０．１`) is seen as that address.
enum HostName {
    /// The host after percent-decoding and folding: an IPv4 address if its last label is a
    /// number (WHATWG URL "ends in a number"), otherwise a lowercase name.
    static func read(_ raw: ArraySlice<UInt8>) throws(NetworkPolicyViolation.Rule) -> URLTarget.Host {
        guard let text = String(validating: try percentDecoded(raw), as: UTF8.self) else {
            throw .invalidHost("is not valid UTF-8")
        }
        let host = try folded(text)
        var labels = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }
        if let last = labels.last, endsInNumber(last) {
            guard let value = lenientIPv4(labels) else {
                throw .invalidHost("looks like an IP address but is not a valid one")
            }
            return .address(.v4(value))
        }
        guard labels.allSatisfy({ !$0.isEmpty }) else { throw .invalidHost("has an empty label") }
        let name = labels.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // RFC 1035 §2.3.4; non-ASCII names are checked after IDNA, by the resolver.
            guard name.utf8.count <= 253, labels.allSatisfy({ $0.count <= 63 }) else {
                throw .invalidHost("is longer than a DNS name can be")
            }
        }
        return .name(name)
    }

    /// Replaces `%XX` escapes by their bytes; a `%` not followed by two hex digits is refused.
    static func percentDecoded(_ raw: ArraySlice<UInt8>) throws(NetworkPolicyViolation.Rule) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == UInt8(ascii: "%") else { out.append(byte); index += 1; continue }
            guard index + 2 < raw.endIndex, HostChar.isHexDigit(raw[index + 1]),
                  HostChar.isHexDigit(raw[index + 2]) else {
                throw .invalidHost("has a broken percent escape")
            }
            out.append(HostChar.hexValue(raw[index + 1]) << 4 | HostChar.hexValue(raw[index + 2]))
            index += 3
        }
        return out
    }

    /// Lowercases, maps full-width forms and ideographic full stops to ASCII (as UTS #46 does
    /// for browsers), and refuses characters no host name may hold.
    static func folded(_ text: String) throws(NetworkPolicyViolation.Rule) -> String {
        var out = String.UnicodeScalarView()
        for original in text.lowercased().unicodeScalars {
            let scalar = asciiEquivalent(original) ?? original
            if scalar.isASCII {
                guard isNameByte(UInt8(scalar.value)) else {
                    throw .invalidHost("contains the character \(shown(scalar))")
                }
            } else {
                guard isIDNScalar(scalar) else {
                    throw .invalidHost("contains \(shown(scalar)), which is not allowed in a host name")
                }
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// The ASCII character a full-width form (U+FF01–FF5E) or a full stop variant
    /// (U+3002, U+FF0E, U+FF61; UTS #46 §4) stands for.
    private static func asciiEquivalent(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x3002, 0xFF0E, 0xFF61: "."
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)
        default: nil
        }
    }

    /// Letters, digits, `-`, `_` (seen in real host names) and `.`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || HostChar.isDigit(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// Whether a non-ASCII scalar may stand in an internationalized name: a letter, mark or
    /// decimal digit (or one of IDNA2008's contextual punctuation marks) that NFKC case
    /// folding leaves alone. Characters it would change (`𝟏`, `ⓛ`, `․`, zero-width space)
    /// are look-alikes another parser could fold into a different host, so they are refused.
    private static func isIDNScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.properties.changesWhenNFKCCaseFolded else { return false }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .decimalNumber:
            return true
        default:
            return [0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB].contains(scalar.value)
        }
    }

    /// A character for an error message: itself if printable ASCII, else its code point.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        if scalar.value > 0x20, scalar.value < 0x7F { return "\"\(Character(scalar))\"" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether a label is a number in some base: all decimal digits, or `0x` and hex digits.
    static func endsInNumber(_ label: Substring.UTF8View) -> Bool {
        if !label.isEmpty, label.allSatisfy(HostChar.isDigit) { return true }
        return hasHexPrefix(label) && label.dropFirst(2).allSatisfy(HostChar.isHexDigit)
    }

    /// Whether a label starts with `0x` or `0X`.
    private static func hasHexPrefix(_ label: Substring.UTF8View) -> Bool {
        label.count >= 2 && label.first == UInt8(ascii: "0")
            && label.dropFirst().first.map { $0 | 0x20 } == UInt8(ascii: "x")
    }

    /// Parses 1–4 numeric parts as `inet_aton` and the WHATWG IPv4 parser do: each part
    /// decimal, octal (leading `0`) or hex (`0x`); the last part fills the remaining bytes.
    static func lenientIPv4(_ parts: [Substring.UTF8View]) -> UInt32? {
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = lenientNumber(part) else { return nil }
            numbers.append(number)
        }
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }) else { return nil }
        let lastBits = UInt64(8 * (5 - parts.count))
        guard let last = numbers.last, last < (1 << lastBits) else { return nil }
        var value = last
        for (index, number) in numbers.dropLast().enumerated() {
            value |= number << UInt64(24 - 8 * index)
        }
        return UInt32(truncatingIfNeeded: value)
    }

    /// One part of a lenient IPv4 address, or `nil` if empty, not a number, or over 2³².
    private static func lenientNumber(_ part: Substring.UTF8View) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part[...]
        var radix: UInt64 = 10
        if hasHexPrefix(part) {
            radix = 16
            digits = part.dropFirst(2)
        } else if part.count >= 2, part.first == UInt8(ascii: "0") {
            radix = 8
            digits = part.dropFirst()
        }
        var value: UInt64 = 0
        for byte in digits {
            guard HostChar.isHexDigit(byte) else { return nil }
            let digit = UInt64(HostChar.hexValue(byte))
            guard digit < radix else { return nil }
            value = value * radix + digit
            guard value <= UInt64(UInt32.max) else { return nil }
        }
        return value
    }
}
