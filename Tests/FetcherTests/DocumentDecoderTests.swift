import Testing
@testable import FeedFetchers

/// Builds test documents from text and raw bytes.
private func doc(_ parts: Any...) -> [UInt8] {
    parts.flatMap { part -> [UInt8] in
        if let text = part as? String { return Array(text.utf8) }
        return part as? [UInt8] ?? []
    }
}

/// Decodes and returns the result as a String, for comparisons.
private func text(_ bytes: [UInt8], http: String? = nil) throws -> (String, DecodedDocument) {
    let decoded = try DocumentDecoder.decode(bytes, httpContentType: http)
    #expect(String(validating: decoded.utf8, as: UTF8.self) != nil)
    return (String(decoding: decoded.utf8, as: UTF8.self), decoded)
}

/// Whether two arrays are one buffer (the decoder made no copy).
func sharesStorage(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress } }
}

/// The same document in UTF-16 or UTF-32 code units of either byte order.
private func wide(_ string: String, unit: Int, bigEndian: Bool) -> [UInt8] {
    let units: [UInt32] = unit == 2 ? string.utf16.map(UInt32.init) : string.unicodeScalars.map(\.value)
    return units.flatMap { value in
        let bytes = (0..<unit).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }
        return bigEndian ? bytes.reversed() : bytes
    }
}

private let sample = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>h\u{E9}\u{1F600}</a>"
private let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>h\u{E9}\u{1F600}</a>"

@Suite("DocumentDecoder")
struct DocumentDecoderTests {
    @Test("A valid UTF-8 document comes back as it is")
    func validUTF8() throws {
        let bytes = doc("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>caf\u{E9} \u{2019}</a>")
        let (_, decoded) = try text(bytes)
        #expect(decoded.utf8 == bytes)
        #expect(sharesStorage(decoded.utf8, bytes))
        #expect(decoded.detectedEncoding == "utf-8")
        #expect(decoded.declaredEncoding == "utf-8")
    }

    @Test("UTF-16 and UTF-32, with and without a BOM, become UTF-8 declaring UTF-8",
          arguments: [(2, false), (2, true), (4, false), (4, true)])
    func wideEncodings(unit: Int, bigEndian: Bool) throws {
        let body = wide(sample, unit: unit, bigEndian: bigEndian)
        let bom = wide("\u{FEFF}", unit: unit, bigEndian: bigEndian)
        let name = "utf-\(unit * 8)\(bigEndian ? "be" : "le")"
        for bytes in [body, bom + body] {
            let (result, decoded) = try text(bytes)
            #expect(result == expected)
            #expect(decoded.detectedEncoding == name)
        }
    }

    @Test("A UTF-8 BOM wins over a declaration saying ISO-8859-1")
    func utf8BOMBeatsDeclaration() throws {
        let (result, decoded) = try text(doc([0xEF, 0xBB, 0xBF] as [UInt8], "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\u{E9}</a>"))
        #expect(result == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u{E9}</a>")
        #expect(decoded.detectedEncoding == "utf-8")
    }

    @Test("Latin-1 bytes declared as UTF-8 are read as Windows-1252")
    func latin1DeclaredUTF8() throws {
        let (result, decoded) = try text(doc("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>caf", [0xE9, 0x20, 0x92, 0x93] as [UInt8], "</a>"))
        #expect(result.hasSuffix("<a>caf\u{E9} \u{2019}\u{201C}</a>"))
        #expect(decoded.detectedEncoding == "windows-1252")
    }

    @Test("UTF-8 with one stray byte keeps its characters and gets one U+FFFD")
    func mostlyUTF8() throws {
        let (result, decoded) = try text(doc("<a>\u{E9}t\u{E9} \u{2019}\u{2019}", [0xE9] as [UInt8], " x</a>"))
        #expect(result == "<a>\u{E9}t\u{E9} \u{2019}\u{2019}\u{FFFD} x</a>")
        #expect(decoded.detectedEncoding == "utf-8")
    }

    @Test("Two smart quotes and a stray byte read as Windows-1252, as feedparser reads them")
    func lineNoise() throws {
        let (result, _) = try text(doc("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>", [0xE2, 0x80, 0x99, 0x3C, 0xE2, 0x80, 0x9D, 0xA9] as [UInt8], "</a>"))
        #expect(result.contains("\u{E2}\u{20AC}\u{2122}<\u{E2}\u{20AC}\u{9D}\u{A9}"))
    }

    @Test("Windows-1252 smart quotes, euro and ellipsis", arguments: ["windows-1252", "ISO-8859-1", "us-ascii"])
    func windows1252(label: String) throws {
        let (result, decoded) = try text(doc("<?xml version=\"1.0\" encoding=\"\(label)\"?><a>", [0x93, 0x68, 0x94, 0x85, 0x80] as [UInt8], "</a>"))
        #expect(result == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u{201C}h\u{201D}\u{2026}\u{20AC}</a>")
        #expect(decoded.detectedEncoding == "windows-1252")
        #expect(decoded.declaredEncoding == label)
    }

    @Test("Legacy codecs decode through iconv", arguments: [
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "\u{41F}\u{440}\u{438}\u{432}\u{435}\u{442}"),
        ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B], "\u{65E5}\u{672C}"),
        ("gb2312", [0xD6, 0xD0, 0xCE, 0xC4], "\u{4E2D}\u{6587}"),
        ("euc-kr", [0xB3, 0xE2], "\u{B144}"),
        ("iso-8859-15", [0xA4, 0xBD], "\u{20AC}\u{153}"),
        ("windows-1251", [0xCF, 0xF0, 0xE8], "\u{41F}\u{440}\u{438}"),
    ] as [(String, [UInt8], String)])
    func legacy(label: String, bytes: [UInt8], result: String) throws {
        let (output, _) = try text(doc("<?xml version=\"1.0\" encoding=\"\(label)\"?><a>", bytes, "</a>"))
        #expect(output == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\(result)</a>")
    }

    @Test("A single-byte label on valid multibyte UTF-8 is overruled")
    func utf8UnderLatin1Label() throws {
        let (result, decoded) = try text(doc("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\u{E9}</a>"))
        #expect(result == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u{E9}</a>")
        #expect(decoded.detectedEncoding == "utf-8")
    }

    @Test("The HTTP charset applies when the document declares nothing")
    func httpCharset() throws {
        let (result, decoded) = try text(doc("<a>", [0xF0, 0xD2] as [UInt8], "</a>"), http: "application/rss+xml; charset=\"KOI8-R\"")
        #expect(result == "<a>\u{41F}\u{440}</a>")
        #expect(decoded.detectedEncoding == "koi8-r")
    }

    @Test("A server's UTF-8 charset gives way to the declaration when the bytes are not UTF-8")
    func httpUTF8WrongForDocument() throws {
        let bytes = doc("<?xml version='1.0' encoding='windows-1251'?><a>", [0xCF, 0xF0] as [UInt8], "</a>")
        let (result, _) = try text(bytes, http: "text/xml; charset=utf-8")
        #expect(result.hasSuffix("<a>\u{41F}\u{440}</a>"))
    }

    @Test("Forbidden controls are dropped, VT and FF become spaces, U+FFFE becomes U+FFFD")
    func controls() throws {
        let (result, _) = try text(doc("<a>a\u{0}b\u{1}c\u{B}d\u{C}e\u{FFFE}\t\n\r</a>"))
        #expect(result == "<a>abc d e\u{FFFD}\t\n\r</a>")
    }

    @Test("Whitespace before the XML declaration is removed")
    func leadingWhitespace() throws {
        let (result, _) = try text(doc("\n  <?xml version=\"1.0\"?><a/>"))
        #expect(result == "<?xml version=\"1.0\"?><a/>")
    }

    @Test("An encoding nobody knows fails with a sentence naming it")
    func unknownEncoding() {
        let bytes = doc("<?xml version=\"1.0\" encoding=\"x-mac-klingon\"?><a>", [0xFF, 0xFE, 0x80] as [UInt8], "</a>")
        #expect(throws: DocumentDecodingError.unknownEncoding("x-mac-klingon")) { try DocumentDecoder.decode(bytes) }
        #expect(DocumentDecodingError.unknownEncoding("x-mac-klingon").description
            == "the document is in an encoding Roost cannot read: x-mac-klingon")
    }

    @Test("An unknown label on a document that is valid UTF-8 reads as UTF-8")
    func unknownLabelOnUTF8() throws {
        let (_, decoded) = try text(doc("<?xml version=\"1.0\" encoding=\"x-mac-klingon\"?><a>e</a>"))
        #expect(decoded.detectedEncoding == "utf-8")
    }

    @Test("Empty and tiny inputs decode without trapping", arguments: [[], [0x3C], [0xFF], [0xFE, 0xFF, 0x00]] as [[UInt8]])
    func tiny(bytes: [UInt8]) throws {
        _ = try text(bytes)
    }
}

@Suite("UTF8Scanner")
struct UTF8ScannerTests {
    @Test("Survey counts valid multibyte and invalid sequences", arguments: [
        ([0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80], 3, 0),
        ([0xC0, 0xAF, 0xE0, 0x80, 0xED, 0xA0, 0x80, 0xF4, 0x90], 0, 9),
        ([0xE2, 0x82, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68], 0, 1),
    ] as [([UInt8], Int, Int)])
    func survey(bytes: [UInt8], multibyte: Int, invalid: Int) {
        let survey = bytes.withUnsafeBufferPointer(UTF8Scanner.survey)
        #expect(survey.multibyteSequences == multibyte)
        #expect(survey.invalidSequences == invalid)
    }
}
