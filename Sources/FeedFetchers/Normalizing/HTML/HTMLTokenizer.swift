/// One attribute the sanitizer may keep: its name and its decoded value, a range of
/// `HTMLTokenizer.bytes` (and later of `HTMLTree.bytes`).
struct HTMLAttribute: Sendable, Equatable {
    var name: HTMLAttr
    var start: Int32
    var count: Int32
}

/// A pull tokenizer for HTML fragments over UTF-8 bytes, after WHATWG §13.2.5 where it matters
/// for safety (tag and attribute boundaries, raw-text ends, character references) and simpler
/// elsewhere (no script-data escape states, comments and doctypes are skipped whole).
///
/// Decoded text and kept attribute values are appended to `bytes`; a token's members point into
/// it. Attributes the sanitizer never keeps (`HTMLAttr.other`) are parsed but not stored. Every
/// step moves forward, so any input takes linear time. The input buffer must outlive the tokenizer.
struct HTMLTokenizer {
    /// What `next()` found.
    enum Kind: UInt8, Sendable { case startTag, endTag, text, comment, doctype, eof }

    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Decoded text of every text token and the values of kept attributes, in input order.
    var bytes: [UInt8] = []
    /// The element of the current start or end tag.
    var tag: HTMLTag = .unknown
    /// The packed name of the current tag (tells unknown elements apart).
    var nameKey: UInt64 = 0
    /// Whether the current start tag ended with `/>`.
    var selfClosing = false
    /// The kept attributes of the current start tag, first occurrence of each name only.
    var attributes: [HTMLAttribute] = []
    /// The current text token, a range of `bytes`.
    var text: Range<Int> = 0..<0
    /// The raw-text element whose content comes next (script, style, textarea, …), if any.
    var rawTextTag: HTMLTag?
    /// The name tables, held here so the hot path does not go through a global's lazy init.
    let tagTable = HTMLTag.nameLookup
    let attrTable = HTMLAttr.nameLookup

    /// A tokenizer over `input`, which must stay valid while it is used.
    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        bytes.reserveCapacity(input.count)
    }

    /// Reads the next token; `.eof` once the input is used up.
    mutating func next() -> Kind {
        while true {
            if let raw = rawTextTag {
                rawTextTag = nil
                if let kind = rawText(of: raw) { return kind }
                continue
            }
            guard position < input.count else { return .eof }
            if input[position] == 0x3C, startsMarkup(at: position) {
                if let kind = markup() { return kind }
                continue
            }
            if readText() { return .text }
        }
    }

    /// Whether the `<` at `index` opens a tag, comment or doctype rather than being text.
    @inline(__always)
    func startsMarkup(at index: Int) -> Bool {
        guard index + 1 < input.count else { return false }
        let next = input[index + 1]
        if Self.isAlpha(next) || next == 0x21 || next == 0x3F { return true }
        return next == 0x2F && index + 2 < input.count
    }

    /// Reads text up to the next markup, decoding character references and dropping NUL.
    /// Returns false when nothing was produced (only NULs).
    private mutating func readText() -> Bool {
        let start = bytes.count
        let end = input.count
        var index = position
        var run = index
        while index < end {
            index = ByteScan.first(0x3C, 0x26, 0, 0x3C, in: input, from: index, to: end)
            guard index < end else { break }
            let byte = input[index]
            if byte == 0x3C {
                if startsMarkup(at: index) { break }
                index += 1
                continue
            }
            appendInput(run, index)
            if byte == 0 {
                index += 1
            } else {
                index = decodeReference(at: index, limit: end, inAttribute: false)
            }
            run = index
        }
        appendInput(run, index)
        position = index
        text = start..<bytes.count
        return !text.isEmpty
    }

    /// Appends `input[from..<to]` to `bytes`.
    @inline(__always)
    mutating func appendInput(_ from: Int, _ to: Int) {
        if to > from { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[from..<to])) }
    }

    /// Handles `<` at `position` that starts markup; nil when nothing is emitted (`</>`).
    private mutating func markup() -> Kind? {
        let next = input[position + 1]
        if Self.isAlpha(next) {
            position += 1
            return readTag(isEnd: false)
        }
        if next == 0x2F {
            let third = input[position + 2]
            if Self.isAlpha(third) {
                position += 2
                return readTag(isEnd: true)
            }
            if third == 0x3E {
                position += 3
                return nil
            }
            skipBogusComment(from: position + 2)
            return .comment
        }
        if next == 0x21 { return readDeclaration() }
        skipBogusComment(from: position + 1)
        return .comment
    }

    /// Skips to just after the next `>` (or the end): a bogus comment (`<?…>`, `</3…>`).
    mutating func skipBogusComment(from index: Int) {
        position = find(0x3E, from: index).map { $0 + 1 } ?? input.count
    }

    /// The index of the first `byte` at or after `from`, or nil.
    @inline(__always)
    func find(_ byte: UInt8, from: Int) -> Int? {
        var index = from
        while index < input.count {
            if input[index] == byte { return index }
            index += 1
        }
        return nil
    }

    @inline(__always)
    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (byte &- 0x30) < 10
    }

    /// Tab, LF, FF, CR and space: the separators of tag syntax.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D && byte != 0x0B)
    }
}
