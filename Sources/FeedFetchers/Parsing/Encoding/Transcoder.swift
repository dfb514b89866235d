/// Turns bytes in any supported codec into UTF-8 (not yet cleaned of XML-forbidden characters).
enum Transcoder {
    /// Decodes `bytes` from `codec`; undecodable input becomes U+FFFD, never an error.
    static func transcode(_ bytes: ArraySlice<UInt8>, from codec: Codec) throws(DocumentDecodingError) -> [UInt8] {
        switch codec {
        case .utf8:
            return Array(bytes)
        case .singleByte(let table):
            return bytes.withUnsafeBufferPointer(table.decode)
        case .utf16(let bigEndian):
            return bytes.withUnsafeBufferPointer { WideDecoder.utf16($0, bigEndian: bigEndian) }
        case .utf32(let bigEndian):
            return bytes.withUnsafeBufferPointer { WideDecoder.utf32($0, bigEndian: bigEndian) }
        case .iconv(let name, let iconvName, _):
            guard let utf8 = bytes.withUnsafeBufferPointer({ IconvTranscoder.transcode($0, from: iconvName) }) else {
                throw .unsupportedEncoding(name)
            }
            return utf8
        }
    }
}

/// UTF-16 and UTF-32 decoding in Swift: simple enough that iconv's BOM handling is not worth it.
enum WideDecoder {
    /// Decodes UTF-16 code units; unpaired surrogates and an odd last byte become U+FFFD.
    static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> [UInt8] {
        let units = bytes.count / 2
        return [UInt8](unsafeUninitializedCapacity: units * 3 + 3) { out, written in
            var o = 0
            var index = 0
            func unit(_ i: Int) -> UInt32 {
                let a = UInt32(bytes[2 * i]), b = UInt32(bytes[2 * i + 1])
                return bigEndian ? a << 8 | b : b << 8 | a
            }
            while index < units {
                let first = unit(index)
                index += 1
                var scalar = first
                if (0xD800...0xDBFF).contains(first), index < units, (0xDC00...0xDFFF).contains(unit(index)) {
                    scalar = 0x10000 + ((first - 0xD800) << 10) + (unit(index) - 0xDC00)
                    index += 1
                } else if (0xD800...0xDFFF).contains(first) {
                    scalar = 0xFFFD
                }
                o = UTF8Writer.write(scalar, into: out, at: o)
            }
            if bytes.count % 2 == 1 { o = UTF8Writer.write(0xFFFD, into: out, at: o) }
            written = o
        }
    }

    /// Decodes UTF-32; values that are not Unicode scalars and a partial last unit become U+FFFD.
    static func utf32(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> [UInt8] {
        let units = bytes.count / 4
        return [UInt8](unsafeUninitializedCapacity: units * 4 + 3) { out, written in
            var o = 0
            for index in 0..<units {
                var value: UInt32 = 0
                for offset in 0..<4 {
                    let byte = UInt32(bytes[4 * index + (bigEndian ? offset : 3 - offset)])
                    value = value << 8 | byte
                }
                let valid = value < 0x11_0000 && !(0xD800...0xDFFF).contains(value)
                o = UTF8Writer.write(valid ? value : 0xFFFD, into: out, at: o)
            }
            if bytes.count % 4 != 0 { o = UTF8Writer.write(0xFFFD, into: out, at: o) }
            written = o
        }
    }
}
