/// Finds the first of a few byte values eight bytes at a time (SWAR), the hot loop of the
/// tokenizer and the writers. Little-endian loads; every read stays inside the buffer.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A mask with the high bit set in (at least) the lowest byte of `word` equal to `byte`;
    /// bits above the first match may be spurious, so only the lowest set bit is meaningful.
    @inline(__always)
    private static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// The index of the first byte in `buffer[from..<to]` equal to `a`, `b`, `c` or `d`; `to`
    /// when there is none.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8,
                      in buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var index = from
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= to {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let mask = matches(word, a) | matches(word, b) | matches(word, c) | matches(word, d)
                if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < to {
            let byte = buffer[index]
            if byte == a || byte == b || byte == c || byte == d { return index }
            index += 1
        }
        return to
    }

    /// The index of the first byte in `buffer[from..<to]` below `limit` (at most 0x80); `to`
    /// when there is none.
    @inline(__always)
    static func first(below limit: UInt8, in buffer: UnsafeMutableBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var index = from
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            let subtrahend = ones &* UInt64(limit)
            while index + 8 <= to {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let mask = (word &- subtrahend) & ~word & highs
                if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < to, buffer[index] >= limit { index += 1 }
        return index
    }
}
