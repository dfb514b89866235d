/// A single-byte encoding decoded by a table in Swift, the common ones, without a trip through iconv.
enum SingleByteCodec: String, Sendable, Equatable {
    /// Also used for ISO-8859-1 and US-ASCII, as browsers and feedparser do (WHATWG Encoding §4.2).
    case windows1252 = "windows-1252"
    case iso885915 = "iso-8859-15"

    /// Decodes every byte to its character, written as UTF-8; no byte is ever invalid.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let high = self == .windows1252 ? SingleByteTables.windows1252High : SingleByteTables.iso885915High
        return [UInt8](unsafeUninitializedCapacity: bytes.count * 3) { out, written in
            var o = 0
            for byte in bytes {
                if byte < 0x80 {
                    out[o] = byte
                    o += 1
                } else {
                    o = UTF8Writer.write(high[Int(byte) - 0x80], into: out, at: o)
                }
            }
            written = o
        }
    }
}

/// The upper halves (bytes 0x80–0xFF) of the table-decoded codecs, as Unicode scalar values.
enum SingleByteTables {
    /// Windows-1252: 0x80–0x9F are punctuation; the five unassigned bytes map to the C1 control
    /// of the same value, as in the WHATWG index; 0xA0–0xFF equal Latin-1.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt32($0) }

    /// ISO-8859-15: Latin-1 with eight code points replaced (the euro sign among them).
    static let iso885915High: [UInt32] = (0x80...0xFF).map { byte -> UInt32 in
        switch byte {
        case 0xA4: 0x20AC
        case 0xA6: 0x0160
        case 0xA8: 0x0161
        case 0xB4: 0x017D
        case 0xB8: 0x017E
        case 0xBC: 0x0152
        case 0xBD: 0x0153
        case 0xBE: 0x0178
        default: UInt32(byte)
        }
    }

    /// What HTML does with a numeric reference to a C1 control (&#128;–&#159;): the Windows-1252
    /// character of that byte (HTML §13.2.5.80); other values are returned unchanged.
    static func windows1252Remap(_ scalar: UInt32) -> UInt32 {
        (0x80...0x9F).contains(scalar) ? windows1252High[Int(scalar) - 0x80] : scalar
    }
}

/// Writes Unicode scalars as UTF-8 into preallocated buffers.
enum UTF8Writer {
    /// Writes `scalar` (assumed valid) at `index` and returns the index after it; needs 4 free bytes.
    @inline(__always)
    static func write(_ scalar: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            out[index] = UInt8(scalar)
            return index + 1
        case 0x80..<0x800:
            out[index] = UInt8(0xC0 | (scalar >> 6))
            out[index + 1] = UInt8(0x80 | (scalar & 0x3F))
            return index + 2
        case 0x800..<0x10000:
            out[index] = UInt8(0xE0 | (scalar >> 12))
            out[index + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[index + 2] = UInt8(0x80 | (scalar & 0x3F))
            return index + 3
        default:
            out[index] = UInt8(0xF0 | (scalar >> 18))
            out[index + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[index + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[index + 3] = UInt8(0x80 | (scalar & 0x3F))
            return index + 4
        }
    }
}
