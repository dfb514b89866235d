/// The HTML elements the tokenizer and tree builder know by name; every other name is
/// `unknown` and told apart by its `HTMLName` key alone.
enum HTMLTag: UInt8, CaseIterable, Sendable {
    case unknown
    // text-level and structure the sanitizer keeps
    case a, abbr, b, bdi, bdo, blockquote, br, caption, cite, code, col, colgroup, dd, del, dfn, div, dl, dt
    case em, figcaption, figure, h1, h2, h3, h4, h5, h6, hr, i, img, ins, kbd, li, mark, ol, p, pre, q
    case s, samp, small, span, strong, sub, sup, table, tbody, td, tfoot, th, thead, time, tr, u, ul, `var`
    case iframe, video, audio, source, picture, wbr
    // dropped with their content
    case script, style, template, object, embed, applet, form, input, button, select, option, optgroup
    case textarea, noembed, noframes, svg, math, frameset, frame, head, title, meta, link, base, param
    case datalist, keygen, dialog, portal, canvas, map, area, track
    // unwrapped, but they matter for tree construction or plain-text layout
    case html, body, address, article, aside, center, details, dir, fieldset, footer, header, hgroup
    case main, menu, nav, section, summary, search, listing, xmp, plaintext, noscript, font, marquee
    case big, tt, strike, nobr, label, legend, image, basefont, bgsound

    /// Tags by their packed name key.
    static let nameLookup = NameTable(allCases.filter { $0 != .unknown }.map { (HTMLName.key(of: $0.name), $0.rawValue) })

    /// The lowercase element name.
    var name: String { String(describing: self) }

    /// Every tag's name as UTF-8, indexed by raw value (reflection is too slow for the hot path).
    static let nameTable: [[UInt8]] = allCases.map { Array($0.name.utf8) }

    /// Every tag's packed name key, indexed by raw value.
    static let keyTable: [UInt64] = allCases.map { HTMLName.key(of: $0.name) }

    /// Void elements: no content and no end tag (WHATWG §13.1.2).
    var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .link, .meta, .param, .source, .track,
             .wbr, .keygen, .basefont, .bgsound, .frame, .image:
            true
        default: false
        }
    }

    /// Start tags that close an open `p` element in button scope (WHATWG "in body").
    var closesParagraph: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
             .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .search, .section,
             .summary, .ul, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .listing, .form, .li, .dd, .dt, .plaintext,
             .table, .hr, .xmp:
            true
        default: false
        }
    }

    /// h1–h6.
    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Elements whose parts only make sense inside a table.
    var isTablePart: Bool {
        switch self {
        case .caption, .colgroup, .col, .thead, .tbody, .tfoot, .tr, .td, .th: true
        default: false
        }
    }

    /// Table, section and row elements, whose direct content must be rows or cells.
    var isTableContext: Bool {
        switch self {
        case .table, .tbody, .thead, .tfoot, .tr: true
        default: false
        }
    }

    /// Elements a search for an open element stops at (a simplified "has an element in scope").
    var isScopeBoundary: Bool {
        switch self {
        case .table, .td, .th, .caption: true
        default: false
        }
    }
}

/// The attributes the sanitizer may keep; every other attribute is `other`, and its value is
/// never decoded or stored.
enum HTMLAttr: UInt8, CaseIterable, Sendable {
    case other
    case href, src, alt, title, width, height, colspan, rowspan, start, datetime
    case allowfullscreen, lang, dir, poster, controls

    /// Attributes by their packed name key.
    static let nameLookup = NameTable(allCases.filter { $0 != .other }.map { (HTMLName.key(of: String(describing: $0)), $0.rawValue) })

    /// The lowercase attribute name.
    var name: String { String(describing: self) }
}

/// Packs element and attribute names into a `UInt64` so that names are compared and looked
/// up without allocating a String: up to 10 characters of `[a-z0-9_:.-]`, ASCII case folded,
/// 6 bits each; other names get a 63-bit FNV-1a hash with the top bit set (a collision only
/// makes an end tag close another unknown element, which stays balanced).
enum HTMLName {
    /// The 6-bit code of a name byte, or 0 when the byte cannot be packed.
    @inline(__always)
    static func code(_ byte: UInt8) -> UInt64 {
        let lower = byte | 0x20
        if lower >= 0x61 && lower <= 0x7A { return UInt64(lower - 0x60) }
        if byte >= 0x30 && byte <= 0x39 { return UInt64(byte - 0x30 + 27) }
        switch byte {
        case 0x2D: return 37
        case 0x5F: return 38
        case 0x3A: return 39
        case 0x2E: return 40
        default: return 0
        }
    }

    /// Packs a name byte by byte; names that cannot be packed are hashed afterwards.
    struct Accumulator {
        var packed: UInt64 = 0
        var count = 0
        var packable = true

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            count += 1
            let code = HTMLName.code(byte)
            if code == 0 || count > 10 { packable = false } else { packed = packed << 6 | code }
        }

        /// The finished key of the name `bytes` (the same bytes that were added).
        @inline(__always)
        func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            packable ? packed : HTMLName.hashKey(bytes)
        }
    }

    /// The key of a name that cannot be packed: FNV-1a of its ASCII-lowercased bytes, top bit set.
    static func hashKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
        }
        return hash | 1 << 63
    }

    /// The key of a name given as a String (for building tables and tests).
    static func key(of name: String) -> UInt64 {
        var accumulator = Accumulator()
        let bytes = Array(name.utf8)
        for byte in bytes { accumulator.add(byte) }
        return bytes.withUnsafeBufferPointer { accumulator.key($0) }
    }
}

/// A small open-addressing hash table from packed name keys to raw values (0 when absent),
/// cheaper per lookup than a Dictionary with its seeded SipHash.
struct NameTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt8]
    private static let bits = 10

    /// A table of `entries`; keys are never 0.
    init(_ entries: [(UInt64, UInt8)]) {
        keys = [UInt64](repeating: 0, count: 1 << Self.bits)
        values = [UInt8](repeating: 0, count: 1 << Self.bits)
        for (key, value) in entries {
            var slot = Self.slot(key)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The value stored for `key`, or 0.
    @inline(__always)
    func lookup(_ key: UInt64) -> UInt8 {
        var slot = Self.slot(key)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
