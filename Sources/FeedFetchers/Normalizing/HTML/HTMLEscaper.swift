/// Writes text and attribute values into serialized HTML, escaped so that a browser reads
/// back exactly the same characters.
enum HTMLEscaper {
    /// Appends text content with `&`, `<` and `>` escaped; returns whether it holds a `#`
    /// (found in the same scan, so hashtag search costs nothing on text without one).
    @inline(__always)
    @discardableResult
    static func appendText(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        append(text, to: &out, quote: false)
    }

    /// Appends a double-quoted attribute value's content with `&`, `<`, `>` and `"` escaped.
    @inline(__always)
    static func appendAttribute(_ value: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        _ = append(value, to: &out, quote: true)
    }

    private static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], quote: Bool) -> Bool {
        var sawHash = false
        var run = 0
        var index = 0
        let end = text.count
        while index < end {
            index = ByteScan.first(0x26, 0x3C, 0x3E, quote ? 0x22 : 0x23, in: text, from: index, to: end)
            guard index < end else { break }
            let byte = text[index]
            if byte == 0x23 {
                sawHash = true
                index += 1
                continue
            }
            if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index])) }
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
            default: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
            }
            index += 1
            run = index
        }
        if end > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<end])) }
        return sawHash
    }

    /// Appends the ASCII `literal`.
    @inline(__always)
    static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
