/// A tiny gzip and zlib writer for test servers: one fixed-Huffman DEFLATE block (RFC 1951
/// §3.2.6), so tests need no compression library. Runs of zeros are written as 258-byte
/// back-references, which is how a gzip bomb packs megabytes into kilobytes.
enum GzipWriter {
    /// `bytes` as a gzip member (RFC 1952), literals only.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.blockHeader()
        for byte in bytes { bits.literal(byte) }
        bits.endOfBlock()
        return gzipMember(deflate: bits.bytes, crc: crc32(bytes), size: bytes.count)
    }

    /// `count` zero bytes as a gzip member, about a thousand times smaller than `count`.
    static func gzipZeros(count: Int) -> [UInt8] {
        precondition(count > 0)
        var bits = BitWriter()
        bits.blockHeader()
        bits.literal(0)
        let (matches, rest) = (count - 1).quotientAndRemainder(dividingBy: 258)
        for _ in 0..<matches { bits.copyPrevious258() }
        for _ in 0..<rest { bits.literal(0) }
        bits.endOfBlock()
        return gzipMember(deflate: bits.bytes, crc: crc32(zerosOf: count), size: count)
    }

    /// `bytes` as a zlib stream (RFC 1950), what `Content-Encoding: deflate` means.
    static func zlib(_ bytes: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.blockHeader()
        for byte in bytes { bits.literal(byte) }
        bits.endOfBlock()
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = b << 16 | a
        return [0x78, 0x01] + bits.bytes + (0..<4).map { UInt8(truncatingIfNeeded: adler >> (24 - 8 * $0)) }
    }

    /// Header, DEFLATE data and trailer of one gzip member.
    private static func gzipMember(deflate: [UInt8], crc: UInt32, size: Int) -> [UInt8] {
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        let trailer = littleEndian(crc) + littleEndian(UInt32(truncatingIfNeeded: size))
        return header + deflate + trailer
    }

    /// Four bytes, least significant first.
    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// The CRC-32 table (polynomial 0xEDB88320).
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// CRC-32 of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    /// CRC-32 of `count` zero bytes.
    private static func crc32(zerosOf count: Int) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for _ in 0..<count { crc = table[Int(crc & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}

/// DEFLATE's bit order: fields least significant bit first, Huffman codes most significant first.
private struct BitWriter {
    var bytes: [UInt8] = []
    private var current: UInt32 = 0
    private var used = 0

    /// Appends `count` bits of `value`, least significant first.
    mutating func write(_ value: UInt32, count: Int) {
        for index in 0..<count {
            current |= ((value >> index) & 1) << used
            used += 1
            if used == 8 { flushByte() }
        }
    }

    /// Appends a Huffman code of `length` bits, most significant first.
    mutating func code(_ value: UInt32, length: Int) {
        for index in stride(from: length - 1, through: 0, by: -1) { write((value >> index) & 1, count: 1) }
    }

    /// BFINAL = 1, BTYPE = 01 (fixed Huffman codes).
    mutating func blockHeader() {
        write(1, count: 1)
        write(1, count: 2)
    }

    /// A literal byte with the fixed literal/length code.
    mutating func literal(_ byte: UInt8) {
        if byte < 144 { code(0x30 + UInt32(byte), length: 8) } else { code(0x190 + UInt32(byte) - 144, length: 9) }
    }

    /// Length 258 (code 285, no extra bits) at distance 1 (distance code 0).
    mutating func copyPrevious258() {
        code(0xC5, length: 8)
        code(0, length: 5)
    }

    /// The end-of-block code (256), then the last partial byte.
    mutating func endOfBlock() {
        code(0, length: 7)
        if used > 0 { flushByte() }
    }

    /// Moves the byte being filled to `bytes`.
    private mutating func flushByte() {
        bytes.append(UInt8(truncatingIfNeeded: current))
        current = 0
        used = 0
    }
}
