#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding through the C library's iconv, for the codecs Roost has no table of its own for.
enum IconvTranscoder {
    /// Whether iconv can decode from `name` to UTF-8.
    static func isSupported(_ name: String) -> Bool {
        guard let descriptor = open(name) else { return false }
        iconv_close(descriptor)
        return true
    }

    /// Decodes `bytes` from `name` to UTF-8, or nil when iconv does not know the name.
    /// An invalid byte (EILSEQ) becomes U+FFFD and decoding goes on after it; a truncated last
    /// character (EINVAL) becomes U+FFFD; a full output buffer (E2BIG) is grown.
    static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, from name: String) -> [UInt8]? {
        guard let descriptor = open(name) else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: max(64, bytes.count * 2))
        var produced = 0
        var consumed = 0
        while true {
            let (read, wrote, error) = step(descriptor, bytes, from: consumed, into: &output, at: produced)
            consumed += read
            produced += wrote
            switch error {
            case 0:
                return Array(output[0..<produced])
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            default:
                // EILSEQ or EINVAL: one replacement character for the offending byte, then resume.
                if output.count - produced < 3 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                output.replaceSubrange(produced..<produced + 3, with: UTF8Cleaner.replacement)
                produced += 3
                consumed += 1
                if consumed >= bytes.count { return Array(output[0..<produced]) }
            }
        }
    }

    /// Opens a descriptor from `name` to UTF-8; nil when the name is unknown.
    private static func open(_ name: String) -> iconv_t? {
        let descriptor = iconv_open("UTF-8", name)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        return descriptor
    }

    /// One iconv call from `consumed` (or a final flush when the input is used up): bytes read,
    /// bytes written, and errno (0 when all input was converted and flushed).
    private static func step(_ descriptor: iconv_t, _ bytes: UnsafeBufferPointer<UInt8>, from consumed: Int,
                             into output: inout [UInt8], at produced: Int) -> (Int, Int, Int32) {
        output.withUnsafeMutableBufferPointer { out in
            guard let outBase = out.baseAddress else { return (0, 0, E2BIG) }
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + produced)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = out.count - produced
            var inLeft = bytes.count - consumed
            let result: Int
            if inLeft > 0, let inBase = bytes.baseAddress {
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase + consumed)
                    .assumingMemoryBound(to: CChar.self)
                result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            } else {
                result = iconv(descriptor, nil, nil, &outPointer, &outLeft)
            }
            let read = bytes.count - consumed - inLeft
            let wrote = out.count - produced - outLeft
            if result != -1 && inLeft == 0 {
                // Flush the shift state of stateful codecs (ISO-2022-JP) before finishing.
                let flushed = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                let total = out.count - produced - outLeft
                return (read, total, flushed == -1 ? errno : 0)
            }
            return (read, wrote, result == -1 ? errno : 0)
        }
    }
}
