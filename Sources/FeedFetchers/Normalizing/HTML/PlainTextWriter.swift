/// Accumulates plain text (SPEC §2 textPlain): runs of spaces, tabs and newlines collapse to
/// one space, blocks are separated by a blank line, `<br>` and line-level elements by a line
/// break, and the result is trimmed. In single-line mode (titles) every separator is a space.
struct PlainTextWriter {
    private(set) var output: [UInt8] = []
    private var pendingNewlines = 0
    private var pendingSpace = false
    private let singleLine: Bool

    /// A writer; `singleLine` turns every separator into one space.
    init(capacity: Int, singleLine: Bool = false) {
        output.reserveCapacity(capacity)
        self.singleLine = singleLine
    }

    /// Appends text, collapsing whitespace runs: the pending separator first, then the text
    /// copied whole and compacted in place (a separator inside it is one space, never longer
    /// than the run it replaces, so the compaction never overtakes its reading position).
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var first = 0
        while first < text.count, Self.isSpace(text[first]) { first += 1 }
        if first > 0 { pendingSpace = true }
        guard first < text.count else { return }
        flush()
        let base = output.count
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[first...]))
        let (written, space) = output.withUnsafeMutableBufferPointer { Self.compact($0, from: base) }
        output.removeLast(output.count - written)
        if space { pendingSpace = true }
    }

    /// Collapses whitespace runs in `buffer[from...]` to single spaces, moving bytes down;
    /// returns the new end and whether a whitespace run was cut off at the end.
    private static func compact(_ buffer: UnsafeMutableBufferPointer<UInt8>, from: Int) -> (Int, Bool) {
        guard let base = buffer.baseAddress else { return (from, false) }
        var written = from
        var read = from
        let end = buffer.count
        while true {
            let stop = ByteScan.first(below: 0x21, in: buffer, from: read, to: end)
            if written != read, stop > read {
                UnsafeMutableRawPointer(base + written).copyMemory(from: base + read, byteCount: stop - read)
            }
            written += stop - read
            guard stop < end else { return (written, false) }
            let byte = buffer[stop]
            read = stop + 1
            if !isSpace(byte) {
                buffer[written] = byte
                written += 1
                continue
            }
            while read < end, isSpace(buffer[read]) { read += 1 }
            guard read < end else { return (written, true) }
            buffer[written] = 0x20
            written += 1
        }
    }

    /// A block boundary: a blank line before the next text.
    mutating func block() { separate(2) }

    /// A line boundary (list items, rows): a line break before the next text.
    mutating func line() { separate(1) }

    /// A `<br>`: one more line break, at most a blank line.
    mutating func lineBreak() {
        if singleLine { pendingSpace = true } else { pendingNewlines = min(pendingNewlines + 1, 2) }
    }

    /// A word boundary (table cells).
    mutating func space() { pendingSpace = true }

    /// Whether the next text starts a new word (a separator is pending or nothing was written).
    var atBoundary: Bool { pendingSpace || pendingNewlines > 0 || output.isEmpty }

    /// The last character written, if any.
    var lastScalar: Unicode.Scalar? {
        output.withUnsafeBufferPointer { HashtagScanner.scalar(endingAt: $0.count, in: $0) }
    }

    /// The text written so far, trimmed.
    func finish() -> String {
        String(decoding: output, as: UTF8.self)
    }

    private mutating func separate(_ newlines: Int) {
        if singleLine { pendingSpace = true } else { pendingNewlines = max(pendingNewlines, newlines) }
    }

    /// Writes the pending separator, unless nothing has been written yet (leading trim).
    private mutating func flush() {
        defer {
            pendingNewlines = 0
            pendingSpace = false
        }
        guard !output.isEmpty else { return }
        if pendingNewlines > 0 {
            for _ in 0..<pendingNewlines { output.append(0x0A) }
        } else if pendingSpace {
            output.append(0x20)
        }
    }

    /// Space, tab, LF, FF and CR.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D && byte != 0x0B)
    }
}
