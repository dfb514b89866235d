/// What one pass over a document's bytes learned about them as UTF-8.
struct UTF8Survey: Sendable, Equatable {
    /// Valid sequences of two to four bytes.
    var multibyteSequences = 0
    /// Ill-formed sequences; each maximal ill-formed subpart (Unicode §3.9) counts once.
    var invalidSequences = 0
    /// Whether characters XML 1.0 forbids occur: NUL and other C0 controls but tab, LF and CR,
    /// or the noncharacters U+FFFE and U+FFFF.
    var hasForbiddenCharacters = false

    /// Whether the bytes are well-formed UTF-8.
    var isValid: Bool { invalidSequences == 0 }
    /// Whether the bytes can go to libxml2 as they are.
    var isClean: Bool { isValid && !hasForbiddenCharacters }

    /// Whether a document with some ill-formed sequences is still UTF-8 with a few slips.
    ///
    /// A Windows-1252 or Latin-1 document almost never forms valid UTF-8 by accident: that needs
    /// an accented letter (a lead byte 0xC2–0xF4) followed by one to three bytes from 0x80–0xBF,
    /// which are mostly symbols there. So in a mislabelled single-byte document the invalid
    /// sequences far outnumber the valid ones, and in a UTF-8 document with a stray byte or a
    /// truncated character it is the other way round. At least three valid multibyte sequences
    /// for each invalid one keeps the document UTF-8 (bad sequences become U+FFFD); anything
    /// less means the label is wrong and the bytes are read as single-byte text, which is also
    /// what feedparser does for a document such as two smart quotes and one stray 0xA9.
    var isMostlyUTF8: Bool { multibyteSequences >= 3 * invalidSequences }
}

/// Fast UTF-8 validation and the sequence rules shared with `UTF8Cleaner`.
enum UTF8Scanner {
    /// Surveys `bytes` in one pass, eight ASCII bytes at a time.
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Survey {
        var survey = UTF8Survey()
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, isPlainText(wordAt: index, in: bytes) {
                index += 8
                continue
            }
            let end = min(index + 8, count)
            while index < end {
                index = surveyStep(at: index, in: bytes, into: &survey)
            }
        }
        return survey
    }

    /// Whether the 8 bytes at `index` are all ASCII at or above 0x20 (SWAR: a byte below 0x20
    /// makes `w - 0x20…` borrow into its top bit while `~w` keeps it; the test is exact for the
    /// word as a whole).
    @inline(__always)
    static func isPlainText(wordAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let flags = (word | ((word &- 0x2020_2020_2020_2020) & ~word)) & 0x8080_8080_8080_8080
        return flags == 0
    }

    /// Surveys the one character at `index` and returns the index after it.
    @inline(__always)
    private static func surveyStep(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, into survey: inout UTF8Survey) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            if isForbiddenControl(byte) { survey.hasForbiddenCharacters = true }
            return index + 1
        }
        let (length, valid) = sequence(at: index, in: bytes)
        if valid {
            survey.multibyteSequences += 1
            if length == 3, isNoncharacter(at: index, in: bytes) { survey.hasForbiddenCharacters = true }
        } else {
            survey.invalidSequences += 1
        }
        return index + length
    }

    /// Whether an ASCII byte is a C0 control XML 1.0 forbids (§2.2: all but tab, LF and CR).
    @inline(__always)
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// Whether the valid 3-byte sequence at `index` is U+FFFE or U+FFFF (EF BF BE / EF BF BF).
    @inline(__always)
    static func isNoncharacter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
    }

    /// The non-ASCII sequence at `index`: its length when valid, else the length of its maximal
    /// ill-formed subpart (at least 1), which is what one U+FFFD replaces (Unicode §3.9, WHATWG).
    @inline(__always)
    static func sequence(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, valid: Bool) {
        let lead = bytes[index]
        // Fast paths for the common well-formed two- and three-byte forms (Cyrillic, Greek, CJK).
        if lead >= 0xC2, lead <= 0xDF, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 { return (2, true) }
        if lead >= 0xE1, lead <= 0xEC, index + 2 < bytes.count,
           bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 { return (3, true) }
        let needed: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; low = 0xA0
        case 0xED: needed = 2; high = 0x9F
        case 0xE1...0xEF: needed = 2
        case 0xF0: needed = 3; low = 0x90
        case 0xF4: needed = 3; high = 0x8F
        case 0xF1...0xF3: needed = 3
        default: return (1, false)
        }
        var next = index + 1
        for position in 0..<needed {
            guard next < bytes.count else { return (next - index, false) }
            let byte = bytes[next]
            let inRange = position == 0 ? (low...high).contains(byte) : (0x80...0xBF).contains(byte)
            guard inRange else { return (next - index, false) }
            next += 1
        }
        return (needed + 1, true)
    }
}
