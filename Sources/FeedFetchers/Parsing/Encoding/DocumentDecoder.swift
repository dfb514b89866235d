/// Raw feed bytes turned into UTF-8 that libxml2 can read with the encoding forced to UTF-8.
public struct DecodedDocument: Sendable, Equatable {
    /// Valid UTF-8 without NUL or other XML-forbidden characters, no BOM, and an XML
    /// declaration (if any) at the very start saying UTF-8.
    public var utf8: [UInt8]
    /// The XML declaration's `encoding=` value as written, nil when there is none.
    public var declaredEncoding: String?
    /// The encoding actually used, e.g. "utf-8", "windows-1252", "utf-16le", "shift_jis".
    public var detectedEncoding: String

    /// Creates a decoded document.
    public init(utf8: [UInt8], declaredEncoding: String?, detectedEncoding: String) {
        self.utf8 = utf8
        self.declaredEncoding = declaredEncoding
        self.detectedEncoding = detectedEncoding
    }
}

/// Decides a feed document's encoding and turns it into clean UTF-8 for the XML parser.
public enum DocumentDecoder {
    /// Decides the encoding and returns UTF-8 bytes. `httpContentType` is the Content-Type header
    /// when the document came over HTTP, nil for files.
    ///
    /// Order of evidence: a BOM; then the UTF-16/32 byte pattern (XML 1.0 Appendix F); then the
    /// XML declaration's `encoding=`; then the HTTP charset; else UTF-8. The declaration is put
    /// before the HTTP charset, unlike RFC 3023/7303: in feeds a wrong header is usually a server
    /// default (Apache's `AddDefaultCharset ISO-8859-1`, nginx's `charset utf-8`) while the
    /// declaration was written by the program that wrote the bytes. Every label is then checked
    /// against the bytes (see `choose`), so a wrong one, from either source, does little harm.
    public static func decode(_ bytes: [UInt8], httpContentType: String? = nil) throws(DocumentDecodingError) -> DecodedDocument {
        switch EncodingSniffer.layout(of: bytes) {
        case .byteOrderMark(let codec, let length):
            return try finish(Transcoder.transcode(bytes[length...], from: codec), codec: codec)
        case .unmarkedWide(let codec):
            return try finish(Transcoder.transcode(bytes[...], from: codec), codec: codec)
        case .asciiCompatible:
            return try decodeASCIICompatible(bytes, httpCharset: httpContentType.flatMap(EncodingSniffer.charset))
        }
    }

    /// Decodes a document whose layout leaves the choice to labels and to the bytes themselves.
    private static func decodeASCIICompatible(_ bytes: [UInt8], httpCharset: String?) throws(DocumentDecodingError) -> DecodedDocument {
        let declaration = XMLDeclaration.find(in: bytes)
        let survey = bytes.withUnsafeBufferPointer(UTF8Scanner.survey)
        let labels = [declaration?.encoding, httpCharset].compactMap { $0 }
        let (codec, reported) = try choose(labels: labels, survey: survey)
        let utf8 = try codec == .utf8
            ? UTF8Cleaner.clean(bytes, survey: survey)
            : UTF8Cleaner.clean(Transcoder.transcode(bytes[...], from: codec))
        let normalized = XMLDeclaration.find(in: utf8)?.normalizing(utf8) ?? utf8
        return DecodedDocument(utf8: normalized, declaredEncoding: declaration?.encoding, detectedEncoding: reported)
    }

    /// Picks the codec to decode with (and the name to report) from the labels, in order of
    /// trust, checked against what the bytes are as UTF-8:
    /// - UTF-16/32 labels are dropped: the layout already showed single-byte ASCII.
    /// - An unknown label gives way to the next label; with none left, a document that is valid
    ///   UTF-8 is read as UTF-8, anything else fails.
    /// - Labelled (or defaulted to) UTF-8 but ill-formed: still UTF-8 when mostly valid
    ///   (`UTF8Survey.isMostlyUTF8`), else the other label's codec if it names one, else Windows-1252.
    /// - Labelled with another codec but the bytes are valid UTF-8 with multibyte sequences:
    ///   UTF-8, since legacy multibyte text is practically never accidentally valid UTF-8.
    ///   A pure-ASCII document is passed through as is under an ASCII-compatible label.
    static func choose(labels: [String], survey: UTF8Survey) throws(DocumentDecodingError) -> (Codec, String) {
        var unknown: String?
        var codecs: [Codec] = []
        for label in labels {
            guard let codec = Codec.resolve(label) else { unknown = unknown ?? label; continue }
            if !codec.isWide { codecs.append(codec) }
        }
        guard let first = codecs.first else {
            if let unknown, !survey.isValid { throw .unknownEncoding(unknown) }
            return utf8OrFallback(survey: survey, alternative: nil)
        }
        if first == .utf8 {
            return utf8OrFallback(survey: survey, alternative: codecs.first { $0 != .utf8 })
        }
        if survey.isValid, survey.multibyteSequences > 0 { return (.utf8, Codec.utf8.name) }
        if survey.isValid, first.isASCIICompatible { return (.utf8, first.name) }
        return (first, first.name)
    }

    /// UTF-8 when the survey allows it, else `alternative`, else Windows-1252.
    private static func utf8OrFallback(survey: UTF8Survey, alternative: Codec?) -> (Codec, String) {
        if survey.isValid || survey.isMostlyUTF8 { return (.utf8, Codec.utf8.name) }
        let fallback = alternative ?? .singleByte(.windows1252)
        return (fallback, fallback.name)
    }

    /// Cleans transcoded text and puts its declaration (which named the old codec) right.
    private static func finish(_ transcoded: [UInt8], codec: Codec) -> DecodedDocument {
        let utf8 = UTF8Cleaner.clean(transcoded)
        let declaration = XMLDeclaration.find(in: utf8)
        return DecodedDocument(utf8: declaration?.normalizing(utf8) ?? utf8,
                               declaredEncoding: declaration?.encoding, detectedEncoding: codec.name)
    }
}
