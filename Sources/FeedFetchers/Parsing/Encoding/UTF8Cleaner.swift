/// Makes UTF-8 bytes safe for libxml2: ill-formed sequences and forbidden characters repaired.
enum UTF8Cleaner {
    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    /// What vertical tab and form feed become.
    private static let space: [UInt8] = [0x20]
    /// What the other forbidden controls become.
    private static let nothing: [UInt8] = []

    /// Returns `bytes` itself when `survey` says it is clean, else a repaired copy: each maximal
    /// ill-formed subpart and each U+FFFE/U+FFFF becomes U+FFFD; NUL and the other forbidden C0
    /// controls are dropped, except vertical tab and form feed, which become a space because
    /// they separate words wherever they occur.
    static func clean(_ bytes: [UInt8], survey: UTF8Survey) -> [UInt8] {
        if survey.isClean { return bytes }
        return bytes.withUnsafeBufferPointer { repaired($0, survey: survey) }
    }

    /// Surveys `bytes`, then cleans them (for freshly transcoded text).
    static func clean(_ bytes: [UInt8]) -> [UInt8] {
        clean(bytes, survey: bytes.withUnsafeBufferPointer(UTF8Scanner.survey))
    }

    /// Copies runs of good bytes and writes replacements between them.
    private static func repaired(_ bytes: UnsafeBufferPointer<UInt8>, survey: UTF8Survey) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2 * survey.invalidSequences + 16)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, UTF8Scanner.isPlainText(wordAt: index, in: bytes) {
                index += 8
                continue
            }
            let (length, replacement) = repair(at: index, in: bytes)
            if let replacement {
                out.append(contentsOf: bytes[runStart..<index])
                out.append(contentsOf: replacement)
                runStart = index + length
            }
            index += length
        }
        out.append(contentsOf: bytes[runStart..<bytes.count])
        return out
    }

    /// The character at `index`: its length and, when it must change, what replaces it.
    @inline(__always)
    private static func repair(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, [UInt8]?) {
        let byte = bytes[index]
        if byte < 0x80 {
            guard UTF8Scanner.isForbiddenControl(byte) else { return (1, nil) }
            return (1, byte == 0x0B || byte == 0x0C ? space : nothing)
        }
        let (length, valid) = UTF8Scanner.sequence(at: index, in: bytes)
        if !valid { return (length, replacement) }
        if length == 3, UTF8Scanner.isNoncharacter(at: index, in: bytes) { return (3, replacement) }
        return (length, nil)
    }
}
