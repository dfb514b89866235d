/// Resolves references against a base URL (RFC 3986 §5) and classifies URL schemes, working
/// on UTF-8 bytes so it can run for every link and image of every body.
enum URLResolver {
    /// `reference` made absolute against `base` (RFC 3986 §5.2), surrounding whitespace and
    /// control characters trimmed and tabs/newlines removed (as browsers do, WHATWG URL);
    /// an absolute reference comes back as written. With no absolute base, a scheme-relative
    /// reference (`//cdn.example.com/a.png`) takes https, as a page served over https would
    /// read it, and any other relative one is nil: it is never passed off as absolute.
    static func resolve(_ reference: String, against base: String?) -> String? {
        let ref = cleaned(Array(reference.utf8))
        if scheme(of: ref) != nil { return String(decoding: ref, as: UTF8.self) }
        let baseBytes = base.map { cleaned(Array($0.utf8)) } ?? []
        guard scheme(of: baseBytes) != nil else {
            guard ref.count > 2, ref[0] == 0x2F, ref[1] == 0x2F, ref[2] != 0x2F else { return nil }
            return "https:" + String(decoding: ref, as: UTF8.self)
        }
        return String(decoding: merge(URLParts(baseBytes), ref), as: UTF8.self)
    }

    /// `reference` against `base` as far as they go: absolute when either is, else a reference
    /// relative to whatever `base` is relative to (an `xml:base` with no absolute base above
    /// it), to be resolved once an absolute base is known; `reference` itself without a base.
    static func combine(_ reference: String, base: String?) -> String {
        let ref = cleaned(Array(reference.utf8))
        guard scheme(of: ref) == nil, let base else { return String(decoding: ref, as: UTF8.self) }
        return String(decoding: merge(URLParts(cleaned(Array(base.utf8))), ref), as: UTF8.self)
    }

    /// The base for an entry's relative URLs (SPEC §2, as Miniflux does): the `xml:base` in
    /// force when it is absolute; else `fallback` (the entry's own link, the feed's site or
    /// address), under that `xml:base` when it is relative. Nil when no absolute base exists.
    static func base(xmlBase: String?, fallback: String?) -> String? {
        guard let xmlBase else { return fallback.flatMap { isAbsolute($0) ? $0 : nil } }
        if isAbsolute(xmlBase) { return xmlBase }
        return resolve(xmlBase, against: fallback)
    }

    /// Whether `url` starts with a scheme.
    static func isAbsolute(_ url: String) -> Bool {
        scheme(of: cleaned(Array(url.utf8))) != nil
    }

    /// Whether `url` is a link a reader may follow: http, https or mailto, case-insensitive,
    /// after trimming and dropping tabs/newlines as browsers do (`java&#x09;script:` is not).
    static func isSafeLinkScheme(_ url: String) -> Bool {
        let bytes = cleaned(Array(url.utf8))
        guard let end = scheme(of: bytes) else { return false }
        return matches(bytes, end, "http") || matches(bytes, end, "https") || matches(bytes, end, "mailto")
    }

    /// Whether `url` is an absolute http or https URL.
    static func isHTTP(_ url: String) -> Bool {
        let bytes = cleaned(Array(url.utf8))
        guard let end = scheme(of: bytes) else { return false }
        return matches(bytes, end, "http") || matches(bytes, end, "https")
    }

    /// Trims leading/trailing C0 controls and spaces and removes every tab, CR and LF.
    static func cleaned(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        for byte in bytes[start..<end] where byte != 0x09 && byte != 0x0A && byte != 0x0D {
            out.append(byte)
        }
        return out
    }

    /// The index of the `:` ending a valid scheme (`ALPHA *( ALPHA / DIGIT / + / - / . )`), or nil.
    static func scheme(of bytes: [UInt8]) -> Int? {
        guard let first = bytes.first, isAlpha(first) else { return nil }
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index }
            guard isAlpha(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E else {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Whether the scheme `bytes[0..<end]` equals the lowercase ASCII `name`, ignoring case.
    private static func matches(_ bytes: [UInt8], _ end: Int, _ name: StaticString) -> Bool {
        guard end == name.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: end)
        for index in 0..<end where bytes[index] | 0x20 != expected[index] { return false }
        return true
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
