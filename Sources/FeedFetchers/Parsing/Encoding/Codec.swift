/// A character encoding Roost decodes, resolved from a label such as "ISO-8859-1" or "sjis".
enum Codec: Sendable, Equatable {
    case utf8
    case utf16(bigEndian: Bool)
    case utf32(bigEndian: Bool)
    case singleByte(SingleByteCodec)
    /// Decoded by Glibc iconv; `iconvName` is what iconv is asked for, `name` what Roost reports.
    case iconv(name: String, iconvName: String, asciiCompatible: Bool)

    /// The name reported in `DecodedDocument.detectedEncoding`.
    var name: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16(let bigEndian): bigEndian ? "utf-16be" : "utf-16le"
        case .utf32(let bigEndian): bigEndian ? "utf-32be" : "utf-32le"
        case .singleByte(let codec): codec.rawValue
        case .iconv(let name, _, _): name
        }
    }

    /// Whether the codec needs two or four bytes per character, so an ASCII-looking document
    /// cannot be in it whatever its label says.
    var isWide: Bool {
        switch self {
        case .utf16, .utf32: true
        default: false
        }
    }

    /// Whether ASCII bytes mean ASCII characters in this codec, so a pure-ASCII document reads
    /// the same as UTF-8 (not so for ISO-2022-JP, UTF-7 or HZ, which are 7-bit but stateful).
    var isASCIICompatible: Bool {
        switch self {
        case .utf8, .singleByte: true
        case .utf16, .utf32: false
        case .iconv(_, _, let asciiCompatible): asciiCompatible
        }
    }

    /// Resolves a label: known aliases first (WHATWG Encoding labels, narrowed to what feeds
    /// use), then any name iconv accepts; nil when neither knows it.
    static func resolve(_ label: String) -> Codec? {
        let key = normalized(label)
        if let known = aliases[key] { return known }
        guard isSafeIconvName(key), IconvTranscoder.isSupported(key) else { return nil }
        let stateful = key.hasPrefix("iso-2022") || key.hasPrefix("utf-7") || key.hasPrefix("hz")
        return .iconv(name: key, iconvName: key, asciiCompatible: !stateful)
    }

    /// Lowercases and trims a label, and drops quotes around it.
    static func normalized(_ label: String) -> String {
        let trimmable: Set<Character> = [" ", "\t", "\n", "\r", "\"", "'"]
        return String(label.lowercased().drop(while: trimmable.contains).reversed().drop(while: trimmable.contains).reversed())
    }

    /// Whether a label is short and plain enough to hand to iconv_open (no "//" suffixes).
    private static func isSafeIconvName(_ key: String) -> Bool {
        (1...40).contains(key.utf8.count) && key.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
                || byte == 0x2E || byte == 0x3A
        }
    }

    /// A codec decoded by iconv under a browser-compatible superset name.
    private static func viaIconv(_ name: String, _ iconvName: String) -> Codec {
        .iconv(name: name, iconvName: iconvName, asciiCompatible: !name.hasPrefix("iso-2022"))
    }

    /// Labels Roost knows, mapped as browsers map them: Latin-1 and ASCII are read as
    /// Windows-1252, GB2312 as GB18030, Shift_JIS as Windows-31J, EUC-KR as UHC (CP949),
    /// Big5 as Big5-HKSCS (each the superset servers actually send under the smaller name).
    static let aliases: [String: Codec] = {
        var table: [String: Codec] = [:]
        func add(_ labels: [String], _ codec: Codec) { for label in labels { table[label] = codec } }
        add(["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"], .utf8)
        add(["utf-16", "utf16", "utf-16le", "ucs-2", "unicode", "iso-10646-ucs-2"], .utf16(bigEndian: false))
        add(["utf-16be", "unicodefffe"], .utf16(bigEndian: true))
        add(["utf-32", "utf32", "utf-32le", "ucs-4"], .utf32(bigEndian: false))
        add(["utf-32be"], .utf32(bigEndian: true))
        add(["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591",
             "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "us-ascii", "ascii",
             "ansi_x3.4-1968", "iso646-us", "us"], .singleByte(.windows1252))
        add(["iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9", "csisolatin9"],
            .singleByte(.iso885915))
        add(["gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "cp936", "euc-cn"],
            viaIconv("gb18030", "GB18030"))
        add(["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "csshiftjis"],
            viaIconv("shift_jis", "CP932"))
        add(["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"], viaIconv("euc-jp", "EUC-JP-MS"))
        add(["euc-kr", "ks_c_5601-1987", "korean", "cp949", "windows-949", "x-windows-949"], viaIconv("euc-kr", "CP949"))
        add(["big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"], viaIconv("big5", "BIG5-HKSCS"))
        add(["iso-2022-jp", "csiso2022jp"], viaIconv("iso-2022-jp", "ISO-2022-JP"))
        add(["koi8-r", "koi8", "cskoi8r"], viaIconv("koi8-r", "KOI8-R"))
        add(["koi8-u", "koi8-ru"], viaIconv("koi8-u", "KOI8-U"))
        for number in [0, 1, 3, 4, 5, 6, 7, 8] {
            add(["windows-125\(number)", "cp125\(number)", "x-cp125\(number)"], viaIconv("windows-125\(number)", "CP125\(number)"))
        }
        for number in [2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 16] {
            let name = "iso-8859-\(number)"
            add([name, "iso8859-\(number)", "iso_8859-\(number)"], viaIconv(name, name.uppercased()))
        }
        return table
    }()
}
