/// A small, fast JSON writer into a byte buffer. Foundation's JSONEncoder on Linux is slow
/// and escapes `/` (DESIGN.md); the wire format is written by hand instead, in one place.
public struct JSONWriter {
    /// The JSON written so far, UTF-8.
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    /// Creates an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens an object, as a value or as the member `key`.
    public mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    /// Closes the innermost object.
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array, as a value or as the member `key`.
    public mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    /// Closes the innermost array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A string member or element; nil writes `null`.
    public mutating func string(_ key: String?, _ value: String?) {
        separate(key)
        if let value { appendQuoted(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// An integer member or element; nil writes `null`.
    public mutating func integer(_ key: String?, _ value: Int?) {
        separate(key)
        bytes.append(contentsOf: (value.map(String.init) ?? "null").utf8)
    }

    /// A number member or element; nil writes `null`.
    public mutating func number(_ key: String?, _ value: Double?) {
        separate(key)
        guard let value, value.isFinite else { bytes.append(contentsOf: "null".utf8); return }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// A boolean member or element.
    public mutating func bool(_ key: String?, _ value: Bool) {
        separate(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A `null` member or element.
    public mutating func null(_ key: String?) {
        separate(key)
        bytes.append(contentsOf: "null".utf8)
    }

    /// Already-encoded JSON as a member or element.
    public mutating func raw(_ key: String?, _ json: some Sequence<UInt8>) {
        separate(key)
        bytes.append(contentsOf: json)
    }

    /// Empties the buffer, keeping its capacity, to write the next chunk of a stream.
    public mutating func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        separate(key)
        bytes.append(bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        if needsComma.count > 1 { needsComma.removeLast() }
        bytes.append(bracket)
    }

    private mutating func separate(_ key: String?) {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if let key {
            appendQuoted(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Quotes and escapes a string: `"` `\` and control characters, plus U+2028/U+2029 so
    /// the output is also safe inside a script. `/` is not escaped.
    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = value.utf8
        let fast: Void? = utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if fast == nil {
            var copy = value
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            _ = utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            let needsEscape = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || (byte == 0xE2 && index + 2 < count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9))
            if !needsEscape { index += 1; continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0xE2:
                bytes.append(contentsOf: (source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count]))
    }
}
