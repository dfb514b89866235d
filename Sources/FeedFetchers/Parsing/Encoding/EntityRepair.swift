#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rewrites entity references libxml2 cannot resolve so that no text is lost.
public enum EntityRepair {
    /// Returns bytes (UTF-8 XML) where HTML named entities libxml2 doesn't know (&nbsp; &eacute;
    /// &hellip; ..., all HTML5 names) are replaced by numeric character references, a bare '&'
    /// that starts no reference becomes &amp;, and nothing inside CDATA sections, comments,
    /// processing instructions or the DOCTYPE internal subset is touched. Entities the document
    /// declares in its internal subset are left alone. Returns the input unchanged (no copy)
    /// when nothing needs repair.
    ///
    /// Beyond that: `&name;` naming no entity at all becomes `&amp;name;` (shown as written, as
    /// feedparser does); `&#X41;` and `&#65` (no semicolon) are written `&#x41;`; references to
    /// characters XML forbids (`&#0;`, `&#xD800;`, `&#99999999;`) become `&#xFFFD;`; and
    /// references to C1 controls (`&#146;`) become the Windows-1252 character, as HTML reads them.
    ///
    /// Repairs may at most double a document (plus 1 MiB): a document made of bare `&` or of
    /// short names for two characters (`&nGt;`) would otherwise grow up to five times in memory.
    /// Past that the rest is left as written, and libxml2 drops what it cannot read.
    public static func repair(_ utf8: [UInt8]) -> [UInt8] {
        let repaired = utf8.withUnsafeBufferPointer { bytes -> [UInt8]? in
            var repairer = EntityRepairer(bytes)
            repairer.run()
            return repairer.finished()
        }
        return repaired ?? utf8
    }
}

/// One pass over a document: finds '&' and '<' eight bytes at a time, skips the markup whose
/// content is not parsed, and copies the document only from the first repair on.
struct EntityRepairer {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The repaired document so far, empty while nothing has needed repair.
    private var output: [UInt8] = []
    /// Whether anything has been repaired.
    private var repaired = false
    /// Input before this index is already in `output`.
    private var copied = 0
    /// General entities declared in the internal subset, which libxml2 resolves itself.
    var declared: Set<[UInt8]> = []
    /// The most the output may hold; repairs stop there.
    private let outputLimit: Int

    /// Creates a repairer over `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.outputLimit = 2 * bytes.count + 1024 * 1024
    }

    /// Scans the whole document, or up to where the output reached its limit.
    mutating func run() {
        var index = 0
        // The output so far plus the rest of the input, were it copied as is, stays in bounds.
        while output.count + bytes.count - copied < outputLimit, let special = nextSpecial(from: index) {
            index = bytes[special] == MarkupByte.ampersand ? repairReference(at: special) : skipMarkup(at: special)
        }
    }

    /// The repaired document, or nil when nothing changed.
    mutating func finished() -> [UInt8]? {
        guard repaired else { return nil }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// The index of the next '&' or '<' at or after `start`, skipping 8-byte words without one.
    private func nextSpecial(from start: Int) -> Int? {
        var index = start
        guard let base = bytes.baseAddress else { return nil }
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if Self.hasByte(0x26, in: word) || Self.hasByte(0x3C, in: word) { break }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == MarkupByte.ampersand || bytes[index] == MarkupByte.lessThan { return index }
            index += 1
        }
        return nil
    }

    /// Whether any byte of `word` equals `byte` (the classic SWAR zero-byte test on `word ^ byte…`).
    @inline(__always)
    private static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Replaces `range` of the input with `replacement` in the output.
    mutating func replace(_ range: Range<Int>, with replacement: [UInt8]) {
        flush(upTo: range)
        output.append(contentsOf: replacement)
    }

    /// Replaces `range` of the input with a `&#xHEX;` reference to each of `scalars`.
    mutating func replace(_ range: Range<Int>, withReferencesTo scalars: some Sequence<UInt32>) {
        flush(upTo: range)
        for scalar in scalars {
            output.append(contentsOf: [MarkupByte.ampersand, MarkupByte.hash, 0x78])
            var shift = 28
            while shift > 0, scalar >> UInt32(shift) == 0 { shift -= 4 }
            while shift >= 0 {
                output.append(Self.hexDigits[Int((scalar >> UInt32(shift)) & 0xF)])
                shift -= 4
            }
            output.append(MarkupByte.semicolon)
        }
    }

    /// Uppercase hexadecimal digits.
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Copies the input up to `range` into the output and marks `range` as consumed.
    private mutating func flush(upTo range: Range<Int>) {
        if !repaired {
            repaired = true
            output.reserveCapacity(bytes.count + bytes.count / 32 + 64)
        }
        output.append(contentsOf: bytes[copied..<range.lowerBound])
        copied = range.upperBound
    }

    /// Whether the input at `index` starts with `literal`.
    func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return UnsafeBufferPointer(start: literal.utf8Start, count: count).elementsEqual(bytes[index..<index + count])
    }

    /// The index just after the first `literal` at or after `start`, or the end of the input;
    /// memchr finds candidates for its first byte, so long CDATA sections cost little.
    func indexAfter(_ literal: StaticString, from start: Int) -> Int {
        let count = literal.utf8CodeUnitCount
        let first = Int32(literal.utf8Start.pointee)
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index + count <= bytes.count {
            guard let found = memchr(base + index, first, bytes.count - index) else { return bytes.count }
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(literal, at: position) { return position + count }
            index = position + 1
        }
        return bytes.count
    }

    /// After '<': skips a comment, CDATA section, processing instruction or DOCTYPE whole.
    private mutating func skipMarkup(at index: Int) -> Int {
        if matches("<!--", at: index) { return indexAfter("-->", from: index + 4) }
        if matches("<![CDATA[", at: index) { return indexAfter("]]>", from: index + 9) }
        if matches("<?", at: index) { return indexAfter("?>", from: index + 2) }
        if matches("<!DOCTYPE", at: index) { return skipDoctype(from: index + 9) }
        return index + 1
    }
}

/// Bytes the scanners look for.
enum MarkupByte {
    static let ampersand: UInt8 = 0x26
    static let lessThan: UInt8 = 0x3C
    static let greaterThan: UInt8 = 0x3E
    static let semicolon: UInt8 = 0x3B
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let doubleQuote: UInt8 = 0x22
    static let singleQuote: UInt8 = 0x27
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
}
